// fx's App.Run stops the application under a deadline of its own: 15s
// unless fx.StopTimeout sets it.
package main

//sigtermlint:stop-timeout 5s

import (
	"context"
	"net"
	"net/http"
	"time"

	"go.uber.org/fx"
)

const drain = 20 * time.Second

func main() {
	fx.New(fx.Invoke(register)).Run() // want `shutdown may take 15s but the stop timeout is 5s \(//sigtermlint:stop-timeout at main\.go:5\): SIGKILL cuts the drain short`
}

// configured stops within the stop timeout.
func configured() {
	app := fx.New(fx.Invoke(register), fx.StopTimeout(3*time.Second))
	app.Run()
}

// longer sets a bound over the stop timeout, inside fx.Options.
func longer() {
	fx.New(fx.Options(fx.Invoke(register), fx.StopTimeout(drain))).Run() // want `shutdown may take 20s but the stop timeout is 5s`
}

// unresolved cannot be known: nothing is said.
func unresolved(d time.Duration, opts []fx.Option) {
	fx.New(fx.StopTimeout(d)).Run()
	fx.New(opts...).Run()
	fx.New(userOption()).Run()
}

// ignored is silenced on purpose.
func ignored() {
	//sigtermlint:ignore shutdown-timeout the orchestrator waits for the fx default here
	fx.New(fx.Invoke(register)).Run()
}

func userOption() fx.Option { return fx.StopTimeout(drain) }

func register(lc fx.Lifecycle) {
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
		OnStop: func(ctx context.Context) error { return srv.Shutdown(ctx) },
	})
}

// service keeps its app in a field, which a literal sets unseen by the
// assignment index: the app's bound is unknown, nothing is said.
type service struct{ app *fx.App }

func newService() *service { return &service{app: fx.New()} }

func (s *service) slow() { s.app = fx.New(fx.StopTimeout(time.Minute)) }

func (s *service) run() { s.app.Run() }
