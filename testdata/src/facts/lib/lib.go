// Package lib holds functions whose facts the reach analyzer exports.
package lib

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

type Server struct{ srv *http.Server }

func New(addr string) *Server { return &Server{srv: &http.Server{Addr: addr}} }

func (s *Server) Start() error { return s.srv.ListenAndServe() } // want Start:`reach\(serve servesync serveerr via \(\*http.Server\).ListenAndServe\)`

func (s *Server) Stop(ctx context.Context) error { return s.srv.Shutdown(ctx) } // want Stop:`reach\(stop stopctx:param1\)`

// Run reaches both through its own methods: the chain names the hop.
func Run(ctx context.Context, s *Server) error { // want Run:`reach\(serve stop via \(\*lib.Server\).Start -> \(\*http.Server\).ListenAndServe stopnodeadline\)`
	go s.Start()
	<-ctx.Done()
	return s.Stop(context.Background())
}

func Quick() error { return http.ListenAndServe(":8080", nil) } // want Quick:`reach\(serve servesync serveerr via http.ListenAndServe\)`

func Signals() context.Context { // want Signals:`reach\(sigterm sigint\)`
	ctx, _ := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	return ctx
}

// Relay notifies the signals it is given: resolved where it is called.
func Relay(c chan os.Signal, sigs ...os.Signal) { // want Relay:`reach\(signals:param2\)`
	signal.Notify(c, sigs...)
}

// Forward hands its own parameter on: still a parameter.
func Forward(c chan os.Signal, s os.Signal) { Relay(c, s) } // want Forward:`reach\(signals:param2\)`

// Terminate resolves Relay's parameter at the call.
func Terminate(c chan os.Signal) { Relay(c, syscall.SIGTERM) } // want Terminate:`reach\(sigterm\)`

func Nothing() int { return 1 }

// Recursive functions converge.
func Ping(n int) { // want Ping:`reach\(sigint\)`
	if n > 0 {
		Pong(n - 1)
	}
	signal.Notify(make(chan os.Signal, 1), os.Interrupt)
}

func Pong(n int) { Ping(n) } // want Pong:`reach\(sigint\)`

// StopWithin bounds a graceful stop with its parameter, as fiber's
// ShutdownWithTimeout does, through a function of the package.
func StopWithin(s *Server, d time.Duration) error { // want StopWithin:`reach\(stop stoptimeout:param2\)`
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	return s.Stop(ctx)
}

// StopCtx hands its context on through a function of the package.
func StopCtx(ctx context.Context, s *Server) error { return s.Stop(ctx) } // want StopCtx:`reach\(stop stopctx:param1\)`

// AfterDone waits on its context, then hands it on: done by then, it is
// no stop context for its callers.
func AfterDone(ctx context.Context, s *Server) error { // want AfterDone:`reach\(stop\)`
	<-ctx.Done()
	return s.Stop(ctx)
}

type key struct{}

// Close stops with a context it makes, without a deadline: a call of it
// is a stop without a deadline.
func (s *Server) Close() error { // want Close:`reach\(stop stopnodeadline\)`
	ctx := context.WithValue(context.Background(), key{}, 1)
	return s.srv.Shutdown(ctx)
}

// CloseAll runs Close in its own flow.
func CloseAll(s *Server) { s.Close() } // want CloseAll:`reach\(stop stopnodeadline\)`

// CloseLater runs it in a goroutine: nobody waits for it.
func CloseLater(s *Server) { go s.Close() } // want CloseLater:`reach\(stop\)`

// closeQuietly is unexported: its stop is judged where it is.
func closeQuietly(s *Server) { s.srv.Shutdown(context.TODO()) } // want closeQuietly:`reach\(stop\)`

// CloseVia calls it: the chain stops there.
func CloseVia(s *Server) { closeQuietly(s) } // want CloseVia:`reach\(stop\)`

// CloseBounded gives its stop a deadline.
func CloseBounded(s *Server) error { // want CloseBounded:`reach\(stop\)`
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	return s.srv.Shutdown(ctx)
}
