// Command usesbroken imports a package with a type error: the linter must
// report the error and skip what depends on it.
package main

import "example.com/e2eodd/internal/broken"

func main() { broken.Serve() }
