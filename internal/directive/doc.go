// Package directive reads the //sigtermlint: declarations, which tell the
// analyzers what they cannot see for themselves: a server started by a
// dependency-injection container, signals handled by a plugin, a stop
// routine behind reflection, a deployment file in another repository.
//
//	//sigtermlint:serves                  this function starts a server
//	//sigtermlint:handles SIGTERM,SIGINT  this function (or, in package main, the program) handles these signals
//	//sigtermlint:stops-within 20s        this function (or the program) stops its servers gracefully within 20s
//	//sigtermlint:manifest PATH[#NAME]    in package main: the program runs under this deployment file (and container)
//
// A declaration for a function is written in the function's doc comment;
// handles and stops-within may also stand anywhere in a file of package
// main, and then speak for the whole program. //sigtermlint:ignore and
// //sigtermlint:stop-timeout are read by their own packages; this one only
// knows their names. Any other //sigtermlint: name, and any declaration
// that does not parse, is returned with a Problem: the analyzers report it
// as bad-directive and ignore it.
package directive
