// Package nillib returns fasthttp's Serve error as its own, as fiber's
// Listen does: nil at the stop.
package nillib

import (
	"net"

	"github.com/valyala/fasthttp"
)

type App struct{ server *fasthttp.Server }

func (a *App) Listen(ln net.Listener) error { return a.server.Serve(ln) } // want Listen:"returnsMidDrain\\(Serve, nil\\) returnsWithServe"

func (a *App) Shutdown() error { return a.server.Shutdown() }
