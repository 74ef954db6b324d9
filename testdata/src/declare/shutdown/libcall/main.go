// lib.StopAll declares 10s; this program's own stop timeout is 5s.
package main

import "declare/lib"

//sigtermlint:stop-timeout 5s

var registry = map[string]func(){}

func main() {
	lib.Trap(registry)
	lib.Serve(registry)
	lib.StopAll(registry) // want `shutdown may take 10s but the stop timeout is 5s \(//sigtermlint:stop-timeout at main.go:6\): SIGKILL cuts the drain short`
}
