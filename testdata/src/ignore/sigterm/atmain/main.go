// Serving reached only through an imported package's initialization is
// reported at main's name: a directive above func main suppresses it.
package main

import _ "ignore/sigterm/atmain/serve"

// main blocks forever.
//
//sigtermlint:ignore no-sigterm the pprof side server may die with the process
func main() { select {} }
