package reach

import (
	"go/types"
)

// The leaves of reachability: calls recognized by package path and name.
// The standard library never has facts (nogo does not analyze it), and
// grpc and fasthttp are matched here so that stubs and real modules
// behave the same.

const (
	netHTTP   = "net/http"
	grpcPkg   = "google.golang.org/grpc"
	fasthttp  = "github.com/valyala/fasthttp"
	osSignal  = "os/signal"
	syscallPk = "syscall"
	unixPkg   = "golang.org/x/sys/unix"
)

// Kind says what a recognized call does.
type Kind int

const (
	KindNone Kind = iota
	KindServe
	KindServeNoHandle // package-level serve: no server value to shut down
	KindStop
	KindNotify // signal.Notify / NotifyContext: signals are args[1:]
	// KindDrain is the first step of a drain written by hand, the way
	// servers did it before Shutdown (Go 1.8) and endless still does:
	// (*http.Server).SetKeepAlivesEnabled(false), then closing the
	// listener and waiting for the open connections. It counts as a
	// graceful stop for reachability, but takes no context to judge.
	KindDrain
)

var httpServeNames = map[string]bool{
	"ListenAndServe": true, "ListenAndServeTLS": true, "Serve": true, "ServeTLS": true,
}

var fasthttpServeNames = map[string]bool{
	"Serve": true, "ServeTLS": true, "ServeTLSEmbed": true,
	"ListenAndServe": true, "ListenAndServeTLS": true, "ListenAndServeTLSEmbed": true,
	"ListenAndServeUNIX": true,
}

// Classify reports what a call to fn does, when fn is one of the leaves.
func Classify(fn *types.Func) Kind {
	pkg := fn.Pkg()
	if pkg == nil {
		return KindNone
	}
	name := fn.Name()
	recv := recvTypeName(fn)
	switch pkg.Path() {
	case netHTTP:
		switch {
		case recv == "" && httpServeNames[name]:
			return KindServeNoHandle
		case recv == "Server" && httpServeNames[name]:
			return KindServe
		case recv == "Server" && name == "Shutdown":
			return KindStop
		case recv == "Server" && name == "SetKeepAlivesEnabled":
			return KindDrain
		}
	case grpcPkg:
		switch {
		case recv == "Server" && name == "Serve":
			return KindServe
		case recv == "Server" && name == "GracefulStop":
			return KindStop
		}
	case fasthttp:
		switch {
		case recv == "" && fasthttpServeNames[name]:
			return KindServeNoHandle
		case recv == "Server" && fasthttpServeNames[name]:
			return KindServe
		case recv == "Server" && (name == "Shutdown" || name == "ShutdownWithContext"):
			return KindStop
		}
	case osSignal:
		if recv == "" && (name == "Notify" || name == "NotifyContext") {
			return KindNotify
		}
	}
	return KindNone
}

// recvTypeName is the name of fn's receiver's named type ("" for a
// function, or for an interface method of an unnamed interface).
func recvTypeName(fn *types.Func) string {
	if tn := recvNamed(fn); tn != nil {
		return tn.Name()
	}
	return ""
}

// recvNamed is the type name of a method's receiver's named type.
func recvNamed(fn *types.Func) *types.TypeName {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return nil
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Origin().Obj()
	}
	return nil
}

// IsStd reports whether an import path is a standard library package
// (of the Go release the tool was built with).
func IsStd(path string) bool { return stdPackages[path] }

// isStdInterface reports whether t is an interface declared in the
// standard library. Dispatch through such interfaces
// (http.Handler, io.Closer, error, context.Context, net.Listener, ...)
// never hides signal handling, a serve call or a graceful stop, so it is
// ignored for reachability.
func isStdInterface(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	pkg := n.Obj().Pkg()
	return pkg == nil || stdPackages[pkg.Path()] // nil: error
}
