// A function of package main declares that it serves: the finding is at
// the declaration.
package main

var registry = map[string]func(){}

// start runs the server the registry builds.
//
// want +2 `server started via main.start \(declared by //sigtermlint:serves\) never handles SIGTERM`
//
//sigtermlint:serves
func start() { registry["http"]() }

func main() { start() }
