// A directive naming a category of each analyzer, where only the sigterm
// part suppresses something: the shutdown analyzer reports its part.
package main

import "net/http"

func main() {
	// want +1 "this //sigtermlint:ignore suppresses nothing for shutdown-timeout: remove shutdown-timeout from it"
	//sigtermlint:ignore no-sigterm,shutdown-timeout a local debugging server, never deployed
	http.ListenAndServe(":8080", nil)
}
