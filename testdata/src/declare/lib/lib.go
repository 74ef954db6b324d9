// Package lib does what the analysis cannot see: it runs what a plugin
// registry holds. Its declarations say what that is.
package lib

// Serve starts the servers the registry builds.
//
//sigtermlint:serves
func Serve(registry map[string]func()) { registry["http"]() }

// Trap installs the signal handling of a supervisor library.
//
//sigtermlint:handles SIGTERM SIGINT
func Trap(registry map[string]func()) { registry["signals"]() }

// StopAll stops every server gracefully, each with its own deadline.
//
//sigtermlint:stops-within 10s
func StopAll(registry map[string]func()) { registry["stop"]() }

// Plain runs something without a declaration.
func Plain(registry map[string]func()) { registry["other"]() }
