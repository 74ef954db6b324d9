//go:build ignoreme

// Command allignored has no file for any build: the linter must say so.
package main

func main() {}
