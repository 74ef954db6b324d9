// Malformed, misplaced and unknown declarations: each is reported at
// the directive and ignored.
package main

// want +1 `unknown directive //sigtermlint:serve: the directives are //sigtermlint:serves, //sigtermlint:handles`
//sigtermlint:serve

// want +1 `//sigtermlint:serves must be in the doc comment of the function that starts the server`
//sigtermlint:serves

// want +1 `malformed //sigtermlint:handles: want a signal list such as SIGTERM,SIGINT`
//sigtermlint:handles

// want +1 `malformed //sigtermlint:handles: unknown signal "SIGTREM"`
//sigtermlint:handles SIGTREM

// want +1 `malformed //sigtermlint:handles: SIGKILL cannot be caught, so no program handles it`
//sigtermlint:handles SIGTERM,SIGKILL

// want +1 `malformed //sigtermlint:stops-within: "soon" is not a duration such as 20s`
//sigtermlint:stops-within soon

// want +1 `malformed //sigtermlint:stops-within: want a duration such as 20s`
//sigtermlint:stops-within

// want +1 `malformed //sigtermlint:stops-within: the time must be positive, not 0s`
//sigtermlint:stops-within 0s

// want +1 `malformed //sigtermlint:manifest: want one path such as deploy/k8s.yaml#api`
//sigtermlint:manifest

// want +1 `//sigtermlint:manifest nowhere.yaml: no such file or directory; it is ignored`
//sigtermlint:manifest nowhere.yaml

// want +1 `//sigtermlint:manifest ../manifest/deploy.yaml: no container or service named "api" \(there are: web, worker\); it is ignored`
//sigtermlint:manifest ../manifest/deploy.yaml#api

// run serves with arguments it does not take.
//
// want +2 `//sigtermlint:serves takes no arguments, not "http"`
//
//sigtermlint:serves http
func run() {}

// want +2 `//sigtermlint:manifest binds a program to its deployment: it belongs in package main, outside doc comments of functions`
//
//sigtermlint:manifest ../manifest/deploy.yaml
func other() {}

func main() {
	run()
	other()
}
