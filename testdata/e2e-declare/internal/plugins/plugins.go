// Package plugins runs what a registry holds, which no analysis can see
// through; its declarations say what that is.
package plugins

import "net/http"

// Registry maps names to what the plugins registered.
var Registry = map[string]func(*http.Server){}

// Serve starts the server the plugins build.
//
//sigtermlint:serves
func Serve(srv *http.Server) { Registry["serve"](srv) }

// Trap installs the plugins' signal handling.
//
//sigtermlint:handles SIGTERM,SIGINT
func Trap(srv *http.Server) { Registry["signals"](srv) }

// Stop stops the server gracefully.
//
//sigtermlint:stops-within 20s
func Stop(srv *http.Server) { Registry["stop"](srv) }
