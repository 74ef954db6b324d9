// Package lifecycle imports no leaf package (no net/http, os/signal, grpc,
// fasthttp) and has no dependency with facts, yet stops what it is given
// through an interface with a Shutdown method: the walk must not be
// skipped here.
package lifecycle

import "context"

type Stopper interface {
	Shutdown(context.Context) error
}

func StopAll(ctx context.Context, vs []any) { // want StopAll:`reach\(stopunknown\)`
	for _, v := range vs {
		if s, ok := v.(Stopper); ok {
			s.Shutdown(ctx)
		}
	}
}
