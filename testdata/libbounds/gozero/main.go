// go-zero's core/proc handles SIGTERM for every rest and zrpc server and
// kills the process 5.5s after the signal unless told otherwise: by
// proc.SetTimeToForceQuit or the Shutdown.WaitTime of the service's
// configuration.
package main

//sigtermlint:stop-timeout 5s

import (
	"flag"
	"time"

	"github.com/zeromicro/go-zero/core/conf"
	"github.com/zeromicro/go-zero/core/proc"
	"github.com/zeromicro/go-zero/core/service"
	"github.com/zeromicro/go-zero/rest"
	"github.com/zeromicro/go-zero/zrpc"
	"google.golang.org/grpc"
)

func main() {
	server := rest.MustNewServer(rest.RestConf{Host: "0.0.0.0", Port: 8080})
	defer server.Stop()
	server.Start() // want `shutdown may take 5\.5s but the stop timeout is 5s`
}

// configuredConf sets it in the configuration. (proc.SetTimeToForceQuit
// is process-wide: forcequit calls it in a package of its own.)
func configuredConf() {
	c := rest.RestConf{
		ServiceConf: service.ServiceConf{Name: "api", Shutdown: proc.ShutdownConf{WaitTime: 3 * time.Second}},
		Port:        8080,
	}
	server, err := rest.NewServer(c)
	if err != nil {
		return
	}
	server.Start()
}

// longer sets a force-quit time over the stop timeout.
func longer() {
	server := rest.MustNewServer(rest.RestConf{ServiceConf: service.ServiceConf{Shutdown: proc.ShutdownConf{WaitTime: 20 * time.Second}}, Port: 8080})
	server.StartWithOpts() // want `shutdown may take 20s but the stop timeout is 5s`
}

// rpc is a zrpc server: the same process-wide force-quit time.
func rpc() {
	server := zrpc.MustNewServer(zrpc.RpcServerConf{ListenOn: ":9090"}, func(*grpc.Server) {})
	server.Start() // want `shutdown may take 5\.5s but the stop timeout is 5s`
}

// unresolved reads its configuration from a file: nothing is said.
func unresolved() {
	configFile := flag.String("f", "etc/api.yaml", "the config file")
	flag.Parse()
	var c rest.RestConf
	conf.MustLoad(*configFile, &c)
	server := rest.MustNewServer(c)
	server.Start()
}
