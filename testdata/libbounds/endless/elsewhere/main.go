// An imported package sets DefaultHammerTime: the bound is not endless's
// default, and this package cannot see which it is. Nothing is said.
package main

//sigtermlint:stop-timeout 10s

import (
	"log"
	"net/http"

	"github.com/fvbock/endless"

	_ "libbounds/endless/elsewhere/tuning"
)

func main() {
	log.Println(endless.ListenAndServe(":8080", http.NotFoundHandler()))
}
