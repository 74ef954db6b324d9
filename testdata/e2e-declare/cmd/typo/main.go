// typo misspells a directive name.
package main

//sigtermlint:handle SIGTERM

func main() {}
