// Shape 6: main calls a library's Run, which returns mid-drain, and
// falls off its end.
package main

import (
	"log"

	"e2eorder/internal/run"
)

func main() {
	if err := run.Run(":8080"); err != nil {
		log.Fatal(err)
	}
}
