// Command huge handles SIGINT only. The test replaces gen.go, in a
// temporary copy of the module, with one of about 20,000 lines: a big
// table, many functions, and a long chain of calls from start to
// ListenAndServe. The finding must still come out, at the end of it.
package main

import (
	"context"
	"os"
	"os/signal"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	srv := newServer()
	go start(srv)
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(sctx)
}
