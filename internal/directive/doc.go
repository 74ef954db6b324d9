// Package directive reads every //sigtermlint: directive: the comments
// that tell the analyzers what they cannot see for themselves, or which
// findings do not apply. It alone knows their grammar.
//
// Declarations (declare.go) tell the analyzers what the code does where
// they cannot see it: a server started by a dependency-injection
// container, signals handled by a plugin, a stop routine behind
// reflection, a deployment file in another repository.
//
//	//sigtermlint:serves                  this function starts a server
//	//sigtermlint:handles SIGTERM,SIGINT  this function (or, in package main, the program) handles these signals
//	//sigtermlint:stops-within 20s        this function (or the program) stops its servers gracefully within 20s
//	//sigtermlint:manifest PATH[#NAME]    in package main: the program runs under this deployment file (and container)
//
// A declaration for a function is written in the function's doc comment;
// handles and stops-within may also stand anywhere in a file of package
// main, and then speak for the whole program. A signal is a name with or
// without SIG, in any case (SIGTERM, term), one that a program can catch.
//
// The stop timeout (stoptimeout.go), anywhere in a file of package main
// (elsewhere it is not read);
// it wins over flags and manifests:
//
//	//sigtermlint:stop-timeout 20s        SIGKILL comes 20s after the stop signal
//
// Suppressions (ignore.go; report.go applies them), under every driver
// (go vet has no //nolint):
//
//	//sigtermlint:ignore CATEGORY[,CATEGORY] reason
//
// An ignore on its own line covers the line right below it; one after
// code on the same line (a trailing comment) covers its own line. It
// suppresses the findings of the categories it names whose primary
// position is on the covered line. One that names no category, an
// unknown category, bad-directive, or no reason is malformed and
// suppresses nothing; one that suppresses nothing is reported.
//
// A duration is a positive Go duration ("20s", "1m30s"). A directive is
// one word after //sigtermlint: and its arguments after a space or a tab;
// "//sigtermlint:ignored" is an unknown directive, "// sigtermlint:ignore"
// is no directive. Any unknown name, and any directive that does not
// parse or stands in the wrong place, is a Problem: the analyzers report
// it as BadDirective and otherwise ignore it.
package directive
