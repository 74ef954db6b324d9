// Serving reached only through package cmd's initialization, and nothing
// handles SIGTERM: reported at main.
package main

import "sigterm/regress/initonly/cmd"

func main() { cmd.Root.Execute() } // want `server started via cmd.init -> cmd.serve -> http.ListenAndServe never handles SIGTERM`
