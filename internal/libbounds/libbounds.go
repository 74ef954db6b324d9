// Package libbounds lists the libraries that bound the drain of a
// graceful shutdown themselves, the bound each applies when the program
// does not configure it, and where in the library's code that default
// is, as read from the module versions listed.
//
// The shutdown analyzer compares these bounds with the stop timeout. The
// entries are read by hand from the libraries' code, so the package's
// test loads the real modules and checks each default against the
// constant, variable or literal that Source names: a library that
// changes its default fails the test rather than the users.
package libbounds

import (
	"fmt"
	"time"
)

// Bound is one library's bound of the drain.
type Bound struct {
	// Library is the name messages use: "fx".
	Library string
	// Module is the module path; Versions the versions Source was read
	// from, the newest last.
	Module   string
	Versions []string
	// Entry names, for people, the calls that start the library's
	// signal-driven stop or its drain.
	Entry string
	// Option is what configures the bound, as messages name it:
	// "fx.StopTimeout".
	Option string
	// What names the default in messages: "fx's default StopTimeout".
	What string
	// Default is the bound when the program does not configure it.
	Default time.Duration
	// Unbounded says that when the option is left at zero the drain has
	// no deadline (Default is then 0).
	Unbounded bool
	// Source is where the library's code sets the default.
	Source Source
	// Globals are the package-level variables and functions through
	// which any package of a program changes the bound for the whole
	// process ("github.com/fvbock/endless.DefaultHammerTime"): when a
	// package other than the one that starts the drain uses one, the
	// bound there is unknown.
	Globals []string
}

// Source is a place in a library's code that sets a default bound.
type Source struct {
	// Pkg is the import path of the package holding the default; File
	// the file's path inside the module, Line its line.
	Pkg  string
	File string
	Line int
	// Name is the package-level constant or variable holding the
	// default, or "" when it is a literal assigned at File:Line.
	Name string
	// Field is the struct field or variable the literal at File:Line is
	// assigned to when Name is ""; for an Unbounded entry, the field
	// compared with 0 there before any deadline is set.
	Field string
	// UnsetUnbounded says that when no constant is assigned to Field in
	// the package, the library waits without a deadline (kratos from
	// v2.9: New sets no stopTimeout, and Run bounds the stop only when it
	// is positive).
	UnsetUnbounded bool
}

// Where says where the default was read: "go.uber.org/fx@v1.24.0 app.go:45".
func (b Bound) Where() string {
	return fmt.Sprintf("%s@%s %s:%d", b.Module, b.Versions[len(b.Versions)-1], b.Source.File, b.Source.Line)
}

// The libraries, one variable each for the analyzer's matchers.
var (
	// Fx is go.uber.org/fx: (*fx.App).Run stops the application with a
	// context of StopTimeout once a signal arrives.
	Fx = Bound{
		Library: "fx", Module: "go.uber.org/fx", Versions: []string{"v1.24.0"},
		Entry: "(*fx.App).Run", Option: "fx.StopTimeout", What: "fx's default StopTimeout",
		Default: 15 * time.Second,
		Source:  Source{Pkg: "go.uber.org/fx", File: "app.go", Line: 45, Name: "DefaultTimeout"},
	}
	// ControllerRuntime is sigs.k8s.io/controller-runtime: the manager
	// gives its runnables GracefulShutdownTimeout once the context of
	// Start is done; a negative value waits without a deadline.
	ControllerRuntime = Bound{
		Library: "controller-runtime", Module: "sigs.k8s.io/controller-runtime", Versions: []string{"v0.25.2"},
		Entry: "manager.Manager.Start", Option: "manager.Options.GracefulShutdownTimeout", What: "controller-runtime's default GracefulShutdownTimeout",
		Default: 30 * time.Second,
		Source:  Source{Pkg: "sigs.k8s.io/controller-runtime/pkg/manager", File: "pkg/manager/internal.go", Line: 57, Name: "defaultGracefulShutdownPeriod"},
	}
	// Hertz is github.com/cloudwego/hertz: (*server.Hertz).Spin shuts
	// the engine down on SIGINT, SIGTERM or SIGHUP under ExitWaitTimeout.
	Hertz = Bound{
		Library: "hertz", Module: "github.com/cloudwego/hertz", Versions: []string{"v0.10.4"},
		Entry: "(*server.Hertz).Spin", Option: "server.WithExitWaitTime", What: "hertz's default exit wait time",
		Default: 5 * time.Second,
		Source:  Source{Pkg: "github.com/cloudwego/hertz/pkg/common/config", File: "pkg/common/config/option.go", Line: 42, Name: "defaultWaitExitTimeout"},
	}
	// EchoV5 is github.com/labstack/echo/v5: (*echo.Echo).Start shuts
	// down on SIGINT or SIGTERM, StartConfig.Start when its context is
	// done, both under GracefulTimeout, whose zero means this literal.
	EchoV5 = Bound{
		Library: "echo", Module: "github.com/labstack/echo/v5", Versions: []string{"v5.4.4"},
		Entry: "(*echo.Echo).Start, echo.StartConfig.Start, echo.StartConfig.StartTLS", Option: "StartConfig.GracefulTimeout", What: "echo's default GracefulTimeout",
		Default: 10 * time.Second,
		Source:  Source{Pkg: "github.com/labstack/echo/v5", File: "server.go", Line: 187, Field: "timeout"},
	}
	// FiberV3 is github.com/gofiber/fiber/v3: Listen and Listener shut
	// down when ListenConfig.GracefulContext is done, under
	// ShutdownTimeout. Its documented 10s default is set only when no
	// ListenConfig is given, and then there is no GracefulContext: with
	// one, a zero ShutdownTimeout waits without a deadline.
	FiberV3 = Bound{
		Library: "fiber", Module: "github.com/gofiber/fiber/v3", Versions: []string{"v3.1.0"},
		Entry: "(*fiber.App).Listen, (*fiber.App).Listener", Option: "ListenConfig.ShutdownTimeout", What: "fiber's ShutdownTimeout",
		Unbounded: true,
		Source:    Source{Pkg: "github.com/gofiber/fiber/v3", File: "listen.go", Line: 566, Field: "ShutdownTimeout"},
	}
	// Endless is github.com/fvbock/endless: its servers shut down on
	// SIGINT or SIGTERM and hammer the connections left after
	// DefaultHammerTime, a package variable that init sets; a negative
	// value never hammers.
	Endless = Bound{
		Library: "endless", Module: "github.com/fvbock/endless", Versions: []string{"v0.0.0-20170109170031-447134032cb6"},
		Entry: "endless.ListenAndServe, endless.ListenAndServeTLS, and the endlessServer methods", Option: "endless.DefaultHammerTime", What: "endless's default DefaultHammerTime",
		Default: 60 * time.Second,
		Source:  Source{Pkg: "github.com/fvbock/endless", File: "endless.go", Line: 60, Name: "DefaultHammerTime"},
		Globals: []string{"github.com/fvbock/endless.DefaultHammerTime"},
	}
	// GoZero is github.com/zeromicro/go-zero: core/proc's init handles
	// SIGTERM and SIGINT for every process that imports it (rest, zrpc)
	// and kills the process with the same signal after the wait time,
	// set by proc.SetTimeToForceQuit or ServiceConf.Shutdown.WaitTime.
	GoZero = Bound{
		Library: "go-zero", Module: "github.com/zeromicro/go-zero", Versions: []string{"v1.10.3"},
		Entry: "(*rest.Server).Start, (*rest.Server).StartWithOpts, (*zrpc.RpcServer).Start", Option: "proc.SetTimeToForceQuit, ShutdownConf.WaitTime", What: "go-zero's default force-quit time",
		Default: 5500 * time.Millisecond,
		Source:  Source{Pkg: "github.com/zeromicro/go-zero/core/proc", File: "core/proc/shutdown.go", Line: 21, Name: "defaultWaitTime"},
		Globals: []string{"github.com/zeromicro/go-zero/core/proc.SetTimeToForceQuit", "github.com/zeromicro/go-zero/core/proc.Setup"},
	}
	// Kratos is github.com/go-kratos/kratos/v2: (*kratos.App).Run stops
	// every server on SIGTERM, SIGQUIT or SIGINT with a context of
	// StopTimeout. kratos.New sets 10s up to v2.8; v2.9 sets none, and
	// its Run then stops without a deadline: the analyzer reads which
	// from the version the program builds with (ReadDefault).
	Kratos = Bound{
		Library: "kratos", Module: "github.com/go-kratos/kratos/v2", Versions: []string{"v2.8.3"},
		Entry: "(*kratos.App).Run", Option: "kratos.StopTimeout", What: "kratos's default StopTimeout",
		Default: 10 * time.Second,
		Source:  Source{Pkg: "github.com/go-kratos/kratos/v2", File: "app.go", Line: 44, Field: "stopTimeout", UnsetUnbounded: true},
	}
)

// All lists every library, in the README's order.
var All = []*Bound{&Fx, &ControllerRuntime, &Hertz, &EchoV5, &FiberV3, &Endless, &GoZero, &Kratos}
