// No stop timeout of its own: run with -sigtermlint.stop-timeout=5s,
// the timeout lib's declaration was checked with there (and reported
// at the directive), the call is not judged again here.
package main

import "declare/lib"

var registry = map[string]func(){}

func main() {
	lib.Trap(registry)
	lib.Serve(registry)
	lib.StopAll(registry)
}
