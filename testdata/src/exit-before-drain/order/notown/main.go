// Listen returns mid-drain only when something shuts the app down: here
// nothing does, so main returning after it is fine.
package main

import (
	"log"

	"exit-before-drain/order/notownlib"
)

func main() {
	app := &notownlib.App{}
	if err := app.Listen(); err != nil {
		log.Print(err)
	}
}
