package reach

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/directive"
	"github.com/sigtermlint/sigtermlint/internal/objectof"
)

// leafPackages are the packages whose calls Classify recognizes: every
// summary starts at a call into one of them.
var leafPackages = map[string]bool{netHTTP: true, grpcPkg: true, fasthttp: true, osSignal: true}

// mayReach reports whether any function of the package can reach
// anything, cheaply and without false negatives, so that the walk can be
// skipped for the packages that cannot (in cmd/..., most of them: the
// compiler's packages never serve). A package can reach something only
//   - by calling into a leaf package, whose objects it can name only when
//     a leaf is among its imports' imports: types.Package.Imports lists
//     every package whose objects an export-data package exposes, so a
//     leaf's types in a dependency's API are found under go vet too;
//   - by calling a dependency's function that reaches something, which
//     then carries a fact (a dependency that serves only internally, with
//     no leaf type in its API, is found this way);
//   - by asserting to, or calling through, an interface with a
//     graceful-stop method (StopUnknown), declared here or used here;
//   - or by a //sigtermlint: declaration (serves, handles, stops-within).
func mayReach(pass *analysis.Pass) bool {
	seen := map[*types.Package]bool{}
	var imports func(p *types.Package) bool
	imports = func(p *types.Package) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		if leafPackages[p.Path()] {
			return true
		}
		for _, q := range p.Imports() {
			if imports(q) {
				return true
			}
		}
		return false
	}
	for _, q := range pass.Pkg.Imports() {
		if imports(q) {
			return true
		}
	}
	if len(pass.AllObjectFacts()) > 0 || len(pass.AllPackageFacts()) > 0 {
		return true
	}
	if directive.Has(pass.Files) {
		return true // a declaration may say what no call shows, or be malformed
	}
	for _, obj := range pass.TypesInfo.Defs {
		if fn, ok := obj.(*types.Func); ok && isStopName(fn.Name()) && objectof.IsInterfaceMethod(fn) {
			return true
		}
	}
	for _, obj := range pass.TypesInfo.Uses {
		switch obj := obj.(type) {
		case *types.TypeName:
			if hasStopMethod(obj.Type()) {
				return true
			}
		case *types.Func:
			if isStopName(obj.Name()) && objectof.IsInterfaceMethod(obj) {
				return true
			}
		}
	}
	return false
}

// isStopName reports whether a method name is a graceful stop's, as the
// assertions that make a stop unknown see it.
func isStopName(name string) bool {
	return name == "GracefulStop" || strings.HasPrefix(name, "Shutdown")
}

// hasStopMethod reports whether t is an interface with a graceful-stop
// method.
func hasStopMethod(t types.Type) bool {
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for i := range iface.NumMethods() {
		if isStopName(iface.Method(i).Name()) {
			return true
		}
	}
	return false
}
