// Declared serving, signal handling and graceful stop: nothing to report.
package main

import "declare/lib"

var registry = map[string]func(){}

func main() {
	lib.Trap(registry)
	lib.Serve(registry)
	lib.StopAll(registry)
}
