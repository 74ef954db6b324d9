package directive

import (
	"slices"
	"strings"

	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
	"golang.org/x/tools/go/analysis"
)

// Reporter reports an analyzer's diagnostics through the package's
// ignore directives. Each analyzer owns its categories and checks only the
// directives' parts that name them: under go vet and nogo the analyzers
// share nothing, so no Reporter knows what another suppressed.
type Reporter struct {
	pass *analysis.Pass
	// enabled says which categories are reported (the per-rule
	// switches); a finding of another category is dropped, and an ignore
	// naming only such categories is not stale.
	enabled func(category string) bool
	owned   []string
	dirs    []*Ignore
	used    map[*Ignore]bool
}

// NewReporter returns a Reporter for pass that applies the ignore
// directives to the categories in owned; diagnostics of other categories
// go through. A directive may name the category of any finding of either
// analyzer (ruledoc.Ignorable). enabled says which categories are
// reported at all.
func NewReporter(pass *analysis.Pass, enabled func(category string) bool, owned ...string) *Reporter {
	return &Reporter{pass: pass, enabled: enabled, owned: owned, dirs: ParseIgnores(pass.Fset, pass.Files, ruledoc.Ignorable()), used: map[*Ignore]bool{}}
}

// Report reports d unless a directive naming its category covers its
// position.
func (r *Reporter) Report(d analysis.Diagnostic) {
	if !r.enabled(d.Category) {
		return
	}
	suppressed := false
	if slices.Contains(r.owned, d.Category) {
		for _, dir := range r.dirs {
			if dir.Covers(r.pass.Fset, d.Category, d.Pos) {
				r.used[dir] = true // every covering directive is in use, not only the first
				suppressed = true
			}
		}
	}
	if !suppressed {
		r.pass.Report(d)
	}
}

// Finish reports each well-formed directive that names an owned category
// and suppressed none of this analyzer's findings, so that stale
// directives do not linger. Call it once, after the last Report.
func (r *Reporter) Finish() {
	for _, dir := range r.dirs {
		if dir.Problem != "" || r.used[dir] {
			continue
		}
		var mine, others []string
		for _, cat := range dir.Categories {
			if slices.Contains(r.owned, cat) {
				if !r.enabled(cat) {
					continue // switched off: it has nothing to suppress
				}
				mine = append(mine, cat)
			} else {
				others = append(others, cat)
			}
		}
		if len(mine) == 0 {
			continue // another analyzer's business
		}
		msg := "this " + ignorePrefix + " suppresses nothing: remove it"
		if len(others) > 0 {
			// The other analyzer may use it: speak only of the part it owns.
			msg = "this " + ignorePrefix + " suppresses nothing for " + strings.Join(mine, ",") + ": remove " + strings.Join(mine, ",") + " from it"
		}
		r.Report(analysis.Diagnostic{Pos: dir.Pos, End: dir.End, Category: BadDirective, Message: msg})
	}
}

// Malformed returns the malformed directives. Only one analyzer reports
// them (shutdown, which owns bad-directive), so that they are reported
// once.
func (r *Reporter) Malformed() []*Ignore {
	var bad []*Ignore
	for _, dir := range r.dirs {
		if dir.Problem != "" {
			bad = append(bad, dir)
		}
	}
	return bad
}
