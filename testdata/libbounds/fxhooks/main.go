// fx's StopTimeout (15s unless set) caps the drain: fx stops waiting for
// the OnStop hooks then. Hooks that bound their own Shutdown end it
// sooner, one after the other: the drain lasts the smaller.
package main

//sigtermlint:stop-timeout 10s

import (
	"context"
	"net/http"
	"time"

	"go.uber.org/fx"
)

// main's hook drains within 5s, under a 30s cap.
func main() {
	fx.New(fx.Invoke(registerBounded), fx.StopTimeout(30*time.Second)).Run()
}

// hookedDefault: within 5s, under fx's default 15s.
func hookedDefault() {
	fx.New(fx.Invoke(registerBounded)).Run()
}

// stopHook: fx.StopHook, within 3s.
func stopHook() {
	fx.New(fx.Options(fx.Invoke(registerStopHook))).Run()
}

// twoHooks run one after the other: 5s + 6s.
func twoHooks() {
	fx.New(fx.Invoke(registerBounded, registerBounded6)).Run() // want `shutdown may take 11s but the stop timeout is 10s \(//sigtermlint:stop-timeout at main\.go:6\): SIGKILL cuts the drain short`
}

// unboundedHook drains with fx's own context: fx's bound is the drain's.
func unboundedHook() {
	fx.New(fx.Invoke(registerBounded, registerPlain)).Run() // want `shutdown may take 15s but the stop timeout is 10s`
}

// elsewhere hands the Lifecycle on: its hooks cannot be listed.
func elsewhere() {
	fx.New(fx.Invoke(registerVia)).Run() // want `shutdown may take 15s but the stop timeout is 10s`
}

// longHook's hook alone takes 12s: reported at its Shutdown, once.
func longHook() {
	fx.New(fx.Invoke(registerLong)).Run()
}

// cutEarly: fx stops waiting for the 20s hook after 8s.
func cutEarly() {
	fx.New(fx.Invoke(registerLonger), fx.StopTimeout(8*time.Second)).Run()
}

// cutLate: after 12s, still over the stop timeout.
func cutLate() {
	fx.New(fx.Invoke(registerLongest), fx.StopTimeout(12*time.Second)).Run()
}

func registerBounded(lc fx.Lifecycle) {
	srv := &http.Server{Addr: ":8080"}
	lc.Append(fx.Hook{
		OnStart: func(context.Context) error { go srv.ListenAndServe(); return nil },
		OnStop: func(ctx context.Context) error {
			ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
			defer cancel()
			return srv.Shutdown(ctx)
		},
	})
}

func registerBounded6(lc fx.Lifecycle) {
	srv := &http.Server{Addr: ":8081"}
	lc.Append(fx.Hook{OnStop: func(context.Context) error {
		ctx, cancel := context.WithTimeout(context.Background(), 6*time.Second)
		defer cancel()
		return srv.Shutdown(ctx)
	}})
}

func registerStopHook(lc fx.Lifecycle) {
	srv := &http.Server{Addr: ":8082"}
	lc.Append(fx.StopHook(func(ctx context.Context) error {
		sctx, cancel := context.WithTimeout(ctx, 3*time.Second)
		defer cancel()
		return srv.Shutdown(sctx)
	}))
}

func registerPlain(lc fx.Lifecycle) {
	srv := &http.Server{Addr: ":8083"}
	lc.Append(fx.Hook{OnStop: srv.Shutdown})
}

func registerVia(lc fx.Lifecycle) { addHook(lc) }

func addHook(lc fx.Lifecycle) {
	srv := &http.Server{Addr: ":8084"}
	lc.Append(fx.Hook{OnStop: func(context.Context) error {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return srv.Shutdown(ctx)
	}})
}

func registerLong(lc fx.Lifecycle) {
	srv := &http.Server{Addr: ":8085"}
	lc.Append(fx.Hook{OnStop: func(context.Context) error {
		ctx, cancel := context.WithTimeout(context.Background(), 12*time.Second)
		defer cancel()
		return srv.Shutdown(ctx) // want `shutdown may take 12s but the stop timeout is 10s`
	}})
}

func registerLonger(lc fx.Lifecycle) {
	srv := &http.Server{Addr: ":8086"}
	lc.Append(fx.Hook{OnStop: func(context.Context) error {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		return srv.Shutdown(ctx)
	}})
}

func registerLongest(lc fx.Lifecycle) {
	srv := &http.Server{Addr: ":8087"}
	lc.Append(fx.Hook{OnStop: func(context.Context) error {
		ctx, cancel := context.WithTimeout(context.Background(), 25*time.Second)
		defer cancel()
		return srv.Shutdown(ctx) // want `shutdown may take 12s but the stop timeout is 10s`
	}})
}
