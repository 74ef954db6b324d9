// An fx application: the server starts in an OnStart hook and is shut
// down in OnStop; fx's App.Run waits for SIGINT or SIGTERM.
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
					go srv.Serve(ln)
					return nil
				},
				OnStop: func(ctx context.Context) error {
					return srv.Shutdown(ctx)
				},
			})
		}),
	).Run()
}
