// lib.StopAll declares 10s; this program's own stop timeout is 15s.
package main

import "declare/lib"

//sigtermlint:stop-timeout 15s

var registry = map[string]func(){}

func main() {
	lib.Trap(registry)
	lib.Serve(registry)
	lib.StopAll(registry)
}
