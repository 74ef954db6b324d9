// Package badlib holds declarations that only package main may make.
package badlib

// want +1 `//sigtermlint:handles must be in the doc comment of a function, or in package main for the whole program`
//sigtermlint:handles SIGTERM

// want +1 `//sigtermlint:manifest binds a program to its deployment: it belongs in package main`
//sigtermlint:manifest deploy.yaml

// Run is fine.
//
//sigtermlint:stops-within 5s
func Run() {}
