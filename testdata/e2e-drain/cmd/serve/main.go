// Command serve drains through internal/drain: its finding is in the
// library, not here.
package main

import (
	"log"
	"net/http"

	"example.com/drain/internal/drain"
)

func main() {
	if err := drain.Serve(&http.Server{Addr: ":8080"}); err != nil {
		log.Print(err)
	}
}
