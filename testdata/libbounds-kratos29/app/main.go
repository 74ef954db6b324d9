// kratos v2.9 sets no StopTimeout in New, and its Run then stops the
// servers with a context without a deadline (kratos v2.8 set 10s): the
// analyzer reads the default from the version the program builds with.
package main

import (
	"log"
	"time"

	"github.com/go-kratos/kratos/v2"
	"github.com/go-kratos/kratos/v2/transport/http"
)

func main() {
	srv := http.NewServer(http.Address(":8000"))
	app := kratos.New(kratos.Name("api"), kratos.Server(srv))
	if err := app.Run(); err != nil { // want `kratos's graceful shutdown has no deadline \(kratos\.StopTimeout is not set\): a stuck connection holds the drain until SIGKILL`
		log.Println(err)
	}
}

// configured stops within the default stop timeout.
func configured() error {
	return kratos.New(kratos.Server(http.NewServer()), kratos.StopTimeout(10*time.Second)).Run()
}

// zero: from v2.9, a StopTimeout that is not positive sets no deadline.
func zero() error {
	return kratos.New(kratos.StopTimeout(0)).Run() // want `kratos's graceful shutdown has no deadline \(kratos\.StopTimeout is not positive\)`
}
