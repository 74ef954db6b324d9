// hertz's Spin shuts the server down on SIGINT or SIGTERM and waits at
// most the exit wait time: 5s unless server.WithExitWaitTime sets it.
package main

//sigtermlint:stop-timeout 5s

import (
	"time"

	"github.com/cloudwego/hertz/pkg/app/server"
	"github.com/cloudwego/hertz/pkg/common/config"
)

func main() {
	h := server.Default(server.WithHostPorts(":8080"))
	h.Spin() // want `shutdown may take 5s but the stop timeout is 5s`
}

// configured stops within the stop timeout.
func configured() {
	server.New(server.WithHostPorts(":8080"), server.WithExitWaitTime(3*time.Second)).Spin()
}

// longer sets a bound over the stop timeout; the last option wins.
func longer() {
	h := server.New(server.WithExitWaitTime(time.Second), server.WithExitWaitTime(time.Minute))
	h.Spin() // want `shutdown may take 1m but the stop timeout is 5s`
}

// unresolved cannot be known: nothing is said.
func unresolved(d time.Duration, opts []config.Option) {
	server.New(server.WithExitWaitTime(d)).Spin()
	server.Default(opts...).Spin()
}
