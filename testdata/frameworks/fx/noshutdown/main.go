// fx handles SIGTERM, but the OnStop hook closes the server instead of
// shutting it down.
package main

import (
	"context"
	"net"
	"net/http"

	"go.uber.org/fx"
)

func main() {
	fx.New(
		fx.Invoke(func(lc fx.Lifecycle) {
			srv := &http.Server{Addr: ":8080", Handler: http.NotFoundHandler()}
			lc.Append(fx.Hook{
				OnStart: func(ctx context.Context) error {
					ln, err := net.Listen("tcp", srv.Addr)
					if err != nil {
						return err
					}
					go srv.Serve(ln) // want `server started via \(\*http\.Server\)\.Serve is never shut down gracefully: SIGTERM cuts off its in-flight requests`
					return nil
				},
				OnStop: func(ctx context.Context) error {
					return srv.Close()
				},
			})
		}),
	).Run()
}
