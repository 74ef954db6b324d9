// Package cmd declares its commands in package variables, the usual cobra
// layout: serving is reached through the package's initialization.
package cmd

import (
	"net/http"

	"sigterm/regress/initonly/cli"
)

var Root = &cli.Command{Name: "app"}

var serveCmd = &cli.Command{Name: "serve", Run: serve}

func init() { Root.Subs = append(Root.Subs, serveCmd) }

func serve() error { return http.ListenAndServe(":8080", nil) }
