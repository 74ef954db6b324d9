// kratos's App.Run stops every server on SIGTERM, SIGQUIT or SIGINT
// under StopTimeout: 10s in kratos v2.8 unless kratos.StopTimeout sets it.
package main

//sigtermlint:stop-timeout 5s

import (
	"log"
	"time"

	"github.com/go-kratos/kratos/v2"
	"github.com/go-kratos/kratos/v2/transport/http"
)

func main() {
	srv := http.NewServer(http.Address(":8000"))
	app := kratos.New(kratos.Name("api"), kratos.Server(srv))
	if err := app.Run(); err != nil { // want `shutdown may take 10s but the stop timeout is 5s`
		log.Println(err)
	}
}

// configured stops within the stop timeout.
func configured() error {
	return kratos.New(kratos.Server(http.NewServer()), kratos.StopTimeout(3*time.Second)).Run()
}

// longer sets a bound over the stop timeout.
func longer() error {
	return kratos.New(kratos.StopTimeout(time.Minute)).Run() // want `shutdown may take 1m but the stop timeout is 5s`
}

// unresolved cannot be known: nothing is said.
func unresolved(d time.Duration, opts []kratos.Option) error {
	if err := kratos.New(kratos.StopTimeout(d)).Run(); err != nil {
		return err
	}
	return kratos.New(opts...).Run()
}
