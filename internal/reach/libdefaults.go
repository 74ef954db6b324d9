package reach

import (
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/libbounds"
)

// LibraryFact is exported for a package of a library that bounds its
// own drain (internal/libbounds) when the package's code sets the
// default bound, so that the shutdown analyzer judges a program by the
// default of the version it builds with, not the one the table was read
// from; and for a package that uses one of the library globals through
// which any package changes the bound for the whole process (endless's
// DefaultHammerTime), so that the bound is unknown elsewhere. A handful
// of packages in any program carry one.
type LibraryFact struct {
	Defaults []libbounds.CodeDefault
	Sets     []string // libbounds.Bound.Globals the package uses
}

func (*LibraryFact) AFact() {}

func (f *LibraryFact) String() string {
	s := "library("
	for i, d := range f.Defaults {
		if i > 0 {
			s += " "
		}
		if d.Unbounded {
			s += d.Library + "=unbounded"
		} else {
			s += d.Library + "=" + d.D.String()
		}
	}
	for _, g := range f.Sets {
		s += " sets " + g
	}
	return s + ")"
}

// exportLibraryFacts reads the default bounds that the package's code
// sets, when it is one of the libraries' (cheap: a map lookup for every
// other package), and notes the library globals it uses (only when it
// imports a package that declares one).
func exportLibraryFacts(pass *analysis.Pass) {
	var fact LibraryFact
	for _, b := range libbounds.ForPackage(pass.Pkg.Path()) {
		if d, ok := b.ReadDefault(pass.Fset, pass.Pkg, pass.TypesInfo, pass.Files); ok {
			fact.Defaults = append(fact.Defaults, d)
		}
	}
	fact.Sets = globalsUsed(pass)
	if len(fact.Defaults) > 0 || len(fact.Sets) > 0 {
		pass.ExportPackageFact(&fact)
	}
}

// globalsUsed returns the library globals (libbounds.Bound.Globals) the
// package refers to, in the table's order.
func globalsUsed(pass *analysis.Pass) []string {
	globals := map[string]bool{}
	for _, b := range libbounds.All {
		if p := pass.Pkg.Path(); p == b.Module || strings.HasPrefix(p, b.Module+"/") {
			continue // the library's own packages: the matchers model what they do with the configuration
		}
		for _, g := range b.Globals {
			pkg := g[:strings.LastIndex(g, ".")]
			for _, imp := range pass.Pkg.Imports() {
				if imp.Path() == pkg {
					globals[g] = false
				}
			}
		}
	}
	if len(globals) == 0 {
		return nil
	}
	for _, obj := range pass.TypesInfo.Uses {
		if obj.Pkg() == nil {
			continue
		}
		if _, ok := globals[obj.Pkg().Path()+"."+obj.Name()]; ok && obj.Parent() == obj.Pkg().Scope() {
			globals[obj.Pkg().Path()+"."+obj.Name()] = true
		}
	}
	var out []string
	for _, b := range libbounds.All {
		for _, g := range b.Globals {
			if globals[g] {
				out = append(out, g)
			}
		}
	}
	return out
}

// libraryDefaults returns a lookup of the defaults that the libraries
// the package imports (directly or not) set in their code.
func libraryDefaults(pass *analysis.Pass) func(lib string) (libbounds.CodeDefault, bool) {
	return func(lib string) (libbounds.CodeDefault, bool) {
		for _, pf := range pass.AllPackageFacts() {
			if f, ok := pf.Fact.(*LibraryFact); ok {
				for _, d := range f.Defaults {
					if d.Library == lib {
						return d, true
					}
				}
			}
		}
		return libbounds.CodeDefault{}, false
	}
}

// librarySettings returns a test of whether a package the package
// imports (directly or not) uses a library global.
func librarySettings(pass *analysis.Pass) func(global string) bool {
	return func(global string) bool {
		for _, pf := range pass.AllPackageFacts() {
			if f, ok := pf.Fact.(*LibraryFact); ok && pf.Package != pass.Pkg && slices.Contains(f.Sets, global) {
				return true
			}
		}
		return false
	}
}
