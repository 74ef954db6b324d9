package longlived_test

import (
	"fmt"
	"go/ast"
	"reflect"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sigtermlint/sigtermlint/internal/assign"
	"github.com/sigtermlint/sigtermlint/internal/durations"
	"github.com/sigtermlint/sigtermlint/internal/longlived"
	"github.com/sigtermlint/sigtermlint/internal/reach"
	"github.com/sigtermlint/sigtermlint/internal/testmod"
)

// servers reports, at each Shutdown call of an *http.Server, what
// ServerOf finds: the longest request, whether every handler was
// followed, and each long-lived handler's route and kinds.
var servers = &analysis.Analyzer{
	Name:       "servers",
	Doc:        "test: describe the servers that are shut down",
	Requires:   []*analysis.Analyzer{reach.Analyzer},
	ResultType: reflect.TypeFor[bool](),
	Run: func(pass *analysis.Pass) (any, error) {
		cls := pass.ResultOf[reach.Analyzer].(*reach.Result).LongLived
		if cls == nil {
			return false, nil
		}
		durs := durations.NewResolver(pass.TypesInfo, pass.Files, assign.New(pass.TypesInfo, pass.Files))
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || sel.Sel.Name != "Shutdown" {
					return true
				}
				srv, ok := longlived.ServerOf(cls, durs, sel.X)
				if !ok {
					pass.Reportf(call.Pos(), "not followed")
					return true
				}
				pass.Reportf(call.Pos(), "%s", describe(srv))
				return true
			})
		}
		return true, nil
	},
}

func describe(srv *longlived.Server) string {
	l := srv.Longest()
	longest := "unbounded"
	switch {
	case l.Bounded && l.Known:
		longest = fmt.Sprintf("%s %s", l.D, l.By)
	case l.Bounded:
		longest = "unknown " + l.By
	}
	var hs []string
	for _, h := range srv.Handlers {
		hs = append(hs, fmt.Sprintf("%s=%s", h.Route, h.Summary.Kinds()))
	}
	sort.Strings(hs)
	return fmt.Sprintf("longest %s; complete %v; handlers [%s]", longest, srv.Complete, strings.Join(hs, ", "))
}

func TestServers(t *testing.T) {
	analysistest.Run(t, testmod.Testdata(t, "../.."), servers, "longlived/...")
}
