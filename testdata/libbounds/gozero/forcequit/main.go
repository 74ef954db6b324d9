// proc.SetTimeToForceQuit sets the force-quit time of the whole process:
// after the server is made, it wins over the configuration.
package main

//sigtermlint:stop-timeout 5s

import (
	"time"

	"github.com/zeromicro/go-zero/core/proc"
	"github.com/zeromicro/go-zero/rest"
)

func main() {
	server := rest.MustNewServer(rest.RestConf{Host: "0.0.0.0", Port: 8080})
	proc.SetTimeToForceQuit(3 * time.Second)
	server.Start()
}

// other is another server of the process: the setting in main may run
// before it or not, so nothing is said.
func other() {
	server := rest.MustNewServer(rest.RestConf{Port: 8081})
	server.Start()
}
