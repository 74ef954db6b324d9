// proc.SetTimeToForceQuit in init runs before any server is made: it
// holds unless a configuration sets its own WaitTime.
package main

//sigtermlint:stop-timeout 5s

import (
	"time"

	"github.com/zeromicro/go-zero/core/proc"
	"github.com/zeromicro/go-zero/core/service"
	"github.com/zeromicro/go-zero/rest"
)

func init() {
	proc.SetTimeToForceQuit(10 * time.Second)
}

func main() {
	server := rest.MustNewServer(rest.RestConf{Port: 8080})
	server.Start() // want `shutdown may take 10s but the stop timeout is 5s`
}

// configured sets a WaitTime of its own, which wins over init's.
func configured() {
	server := rest.MustNewServer(rest.RestConf{ServiceConf: service.ServiceConf{Shutdown: proc.ShutdownConf{WaitTime: 3 * time.Second}}, Port: 8081})
	server.Start()
}
