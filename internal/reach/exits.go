package reach

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sigtermlint/sigtermlint/internal/ownflow"
)

// Calls that end the process, for the stop model's exits and for the
// control-flow graphs of both analyzers. ctrlflow would infer them for
// every function of every package; that costs a graph per function of
// the standard library on every run (bench A: 1.27x the floor). Here:
// the standard library's exits by name, the logging libraries' Fatal
// functions by name (as ctrlflow lists them too), and for the program's
// own functions a fact, FuncFact.Exits, for a body that ends in such a
// call and has no return (a project's die()).

// exitFuncs are the functions that end the process, by package path.
var exitFuncs = map[string]map[string]bool{
	"os":                         {"Exit": true},
	"syscall":                    {"Exit": true},
	"log":                        {"Fatal": true, "Fatalf": true, "Fatalln": true, "Panic": true, "Panicf": true, "Panicln": true},
	"k8s.io/klog":                {"Exit": true, "ExitDepth": true, "Exitf": true, "Exitln": true, "Fatal": true, "FatalDepth": true, "Fatalf": true, "Fatalln": true},
	"k8s.io/klog/v2":             {"Exit": true, "ExitDepth": true, "Exitf": true, "Exitln": true, "Fatal": true, "FatalDepth": true, "Fatalf": true, "Fatalln": true},
	"github.com/sirupsen/logrus": {"Fatal": true, "Fatalf": true, "Fatalln": true, "Panic": true, "Panicf": true, "Panicln": true, "Exit": true},
	"go.uber.org/zap":            {"Fatal": true, "Fatalf": true, "Fatalw": true, "Fatalln": true, "Panic": true, "Panicf": true, "Panicw": true, "Panicln": true},
}

// IsExitCall reports whether a call ends the process (or unwinds the
// goroutine with a panic): panic, os.Exit, log.Fatal* and log.Panic*
// (functions and *log.Logger methods), klog's, logrus's and zap's Fatal
// and Panic, and functions whose fact says they exit. fact may be nil.
func IsExitCall(info *types.Info, call *ast.CallExpr, fact func(*types.Func) *FuncFact) bool {
	switch fn := typeutil.Callee(info, call).(type) {
	case *types.Builtin:
		return fn.Name() == "panic"
	case *types.Func:
		if fn.Pkg() == nil {
			return false
		}
		if exitFuncs[fn.Pkg().Path()][fn.Name()] {
			return true
		}
		if fact != nil {
			if f := fact(fn.Origin()); f != nil && f.Exits {
				return true
			}
		}
	}
	return false
}

// exitingFuncs returns the package's functions that end the process on
// every path: no return of their own, and a last statement that exits,
// until nothing changes (die() calling fatal() calling os.Exit). It runs
// on every package, before the relevance filter: a die() helper lives in
// packages that serve nothing.
func exitingFuncs(pass *analysis.Pass) map[*types.Func]bool {
	exits := map[*types.Func]bool{}
	fact := func(fn *types.Func) *FuncFact {
		if fn.Pkg() == pass.Pkg {
			if exits[fn] {
				return &FuncFact{Exits: true}
			}
			return nil
		}
		return importedFact(pass, fn)
	}
	var decls []*ast.FuncDecl
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && len(fd.Body.List) > 0 && endsInCall(fd.Body) {
				decls = append(decls, fd)
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, fd := range decls {
			fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if ok && !exits[fn] && endsInExit(pass.TypesInfo, fd.Body, fact) {
				exits[fn], changed = true, true
			}
		}
	}
	return exits
}

// endsInCall reports whether a body's last statement is a call, the
// cheap test before endsInExit.
func endsInCall(body *ast.BlockStmt) bool {
	es, ok := body.List[len(body.List)-1].(*ast.ExprStmt)
	if !ok {
		return false
	}
	_, ok = ast.Unparen(es.X).(*ast.CallExpr)
	return ok
}

// endsInExit reports whether a body has no return statement of its own
// and ends with a statement that calls an exit.
func endsInExit(info *types.Info, body *ast.BlockStmt, fact func(*types.Func) *FuncFact) bool {
	returns := false
	ownflow.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.ReturnStmt); ok {
			returns = true
		}
		return !returns
	})
	if returns {
		return false
	}
	es, ok := body.List[len(body.List)-1].(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(es.X).(*ast.CallExpr)
	return ok && !panics(info, call) && IsExitCall(info, call, fact)
}

// panics reports a call of panic or log.Panic*: a library may recover
// it (encoders unwind that way), so a function ending in one gets no
// Exits fact; the call itself is still an exit where it stands.
func panics(info *types.Info, call *ast.CallExpr) bool {
	switch fn := typeutil.Callee(info, call).(type) {
	case *types.Builtin:
		return fn.Name() == "panic"
	case *types.Func:
		return fn.Pkg() != nil && fn.Pkg().Path() == "log" && strings.HasPrefix(fn.Name(), "Panic")
	}
	return false
}
