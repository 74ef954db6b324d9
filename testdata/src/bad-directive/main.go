// A malformed directive is reported, not fatal.
package main

//sigtermlint:stop-timeout soon // want `malformed //sigtermlint:stop-timeout directive`

func main() {}
