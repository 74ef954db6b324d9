package longlived

import (
	"go/types"

	"github.com/sigtermlint/sigtermlint/internal/objectof"
)

// Websocket libraries whose entry points take over the connection.
const (
	gorillaWebsocket = "github.com/gorilla/websocket"
	coderWebsocket   = "github.com/coder/websocket"
	nhooyrWebsocket  = "nhooyr.io/websocket"
	xnetWebsocket    = "golang.org/x/net/websocket"
	ginPkg           = "github.com/gin-gonic/gin"
	echoPkg          = "github.com/labstack/echo/v4"
)

// known recognizes the calls that are long-lived by themselves: the
// websocket upgrades of the well-known libraries (named as the program
// calls them, rather than by the Hijack inside them), any Hijack, and
// the reads of a large request body.
func known(fn *types.Func) (Kind, string) {
	// Most calls are none of these: match on the name first, and name
	// the function only for a match.
	path := ""
	if fn.Pkg() != nil {
		path = fn.Pkg().Path()
	}
	switch fn.Name() {
	case "Upgrade":
		if path == gorillaWebsocket {
			return Hijack, objectof.FuncName(fn)
		}
	case "Accept":
		if path == coderWebsocket || path == nhooyrWebsocket {
			return Hijack, objectof.FuncName(fn)
		}
	case "Hijack":
		if isHijackSignature(fn) {
			return Hijack, objectof.FuncName(fn)
		}
	case "ParseMultipartForm", "MultipartReader", "FormFile", "MultipartForm", "SaveUploadedFile":
		if recvIs(fn, "net/http", "Request") || recvIs(fn, ginPkg, "Context") || path == echoPkg {
			return Body, objectof.FuncName(fn)
		}
	}
	return 0, ""
}

// isHijackSignature: Hijack() (net.Conn, *bufio.ReadWriter, error), the
// method of http.Hijacker and of every ResponseWriter that has it.
func isHijackSignature(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Params().Len() != 0 || sig.Results().Len() != 3 {
		return false
	}
	return types.TypeString(sig.Results().At(0).Type(), nil) == "net.Conn"
}

// isFlush: a Flush that flushes a response: http.Flusher's, a response
// writer's (a type with Header and WriteHeader, as gin's and echo's
// are), and (*http.ResponseController).Flush. Other writers' Flush (a
// bufio.Writer, a csv.Writer, a log buffer) says nothing of a stream.
func isFlush(fn *types.Func) bool {
	if fn.Name() != "Flush" {
		return false
	}
	if recvIs(fn, "net/http", "ResponseController") || recvIs(fn, "net/http", "Flusher") {
		return true
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Params().Len() != 0 {
		return false
	}
	recv := sig.Recv().Type()
	has := func(name string) bool {
		obj, _, _ := types.LookupFieldOrMethod(recv, true, nil, name)
		_, ok := obj.(*types.Func)
		return ok
	}
	return has("Header") && has("WriteHeader")
}

// isSSEvent: gin's (*gin.Context).SSEvent, a server-sent event written
// to the response.
func isSSEvent(fn *types.Func) bool {
	return fn.Name() == "SSEvent" && recvIs(fn, ginPkg, "Context")
}

// isGinStream: (*gin.Context).Stream(step), which calls step and
// flushes in a loop until step returns false or the client goes away.
func isGinStream(fn *types.Func) bool {
	return fn.Name() == "Stream" && recvIs(fn, ginPkg, "Context")
}

// recvIs reports whether fn is a method of path.name or *path.name.
func recvIs(fn *types.Func, path, name string) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	return isNamed(sig.Recv().Type(), path, name)
}

// isNamed reports whether t is path.name or a pointer to it.
func isNamed(t types.Type, path, name string) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == path && n.Obj().Name() == name
}

// isXNetWebsocket: golang.org/x/net/websocket's Handler and Server,
// whose ServeHTTP hijacks the connection.
func isXNetWebsocket(t types.Type) bool {
	return isNamed(t, xnetWebsocket, "Handler") || isNamed(t, xnetWebsocket, "Server")
}
