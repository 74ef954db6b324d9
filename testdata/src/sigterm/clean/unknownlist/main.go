// A signal list that cannot be resolved may hold SIGTERM: no report.
package main

import (
	"net/http"
	"os"
	"os/signal"
)

func signalsFromConfig() []os.Signal { return nil }

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, signalsFromConfig()...)
	go http.ListenAndServe(":8080", nil)
	<-c
}
