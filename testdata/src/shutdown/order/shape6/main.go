// Shape 6: main calls a library's Run, which returns mid-drain, and
// falls off its end.
package main

import (
	"log"

	"shutdown/order/shape6lib"
)

func main() {
	if err := shape6lib.Run(":8080"); err != nil { // want `main returns as soon as Run returns, while Shutdown is still draining in another goroutine`
		log.Fatal(err)
	}
}
