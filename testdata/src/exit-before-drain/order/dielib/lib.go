// Package dielib ends the process the way many projects' die() helpers
// do: a fact says so to the packages that call it.
package dielib

import (
	"fmt"
	"os"
)

func Die(err error) {
	fmt.Fprintln(os.Stderr, err)
	exit(1)
}

func exit(code int) {
	os.Exit(code)
}
