// Shape 6: main calls a library's Run, which returns mid-drain, and
// falls off its end.
package main

import (
	"log"

	"exit-before-drain/order/shape6lib"
)

func main() {
	if err := shape6lib.Run(":8080"); err != nil { // want `main returns as soon as Run returns, mid-drain`
		log.Fatal(err)
	}
}
