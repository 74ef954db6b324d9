package reach

import (
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/libbounds"
)

// LibraryDefaultFact is exported for a package of a library that bounds
// its own drain (internal/libbounds) when the package's code sets the
// default bound: the shutdown analyzer then judges a program by the
// default of the version it builds with, not the one the table was
// read from. A handful of packages in any program carry one.
type LibraryDefaultFact struct {
	Defaults []LibraryDefault
}

// LibraryDefault is one library's default bound, read from its code.
type LibraryDefault struct {
	Library   string // libbounds.Bound.Library
	D         time.Duration
	Unbounded bool
	Where     string // "app.go:44"
}

func (*LibraryDefaultFact) AFact() {}

func (f *LibraryDefaultFact) String() string {
	s := "libdefaults("
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
	return s + ")"
}

// exportLibraryDefaults reads the default bounds that the package's code
// sets, when it is one of the libraries' (cheap: a map lookup for every
// other package).
func exportLibraryDefaults(pass *analysis.Pass) {
	var fact LibraryDefaultFact
	for _, b := range libbounds.ForPackage(pass.Pkg.Path()) {
		if d, ok := b.ReadDefault(pass.Fset, pass.Pkg, pass.TypesInfo, pass.Files); ok {
			fact.Defaults = append(fact.Defaults, LibraryDefault{Library: b.Library, D: d.D, Unbounded: d.Unbounded, Where: d.Where})
		}
	}
	if len(fact.Defaults) > 0 {
		pass.ExportPackageFact(&fact)
	}
}

// libraryDefaults returns a lookup of the defaults that the libraries
// the package imports (directly or not) set in their code.
func libraryDefaults(pass *analysis.Pass) func(lib string) (LibraryDefault, bool) {
	return func(lib string) (LibraryDefault, bool) {
		for _, pf := range pass.AllPackageFacts() {
			if f, ok := pf.Fact.(*LibraryDefaultFact); ok {
				for _, d := range f.Defaults {
					if d.Library == lib {
						return d, true
					}
				}
			}
		}
		return LibraryDefault{}, false
	}
}
