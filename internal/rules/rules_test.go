package rules_test

import (
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/analyzers/shutdown"
	"github.com/sigtermlint/sigtermlint/analyzers/sigterm"
	"github.com/sigtermlint/sigtermlint/internal/directive"
	"github.com/sigtermlint/sigtermlint/internal/rules"
)

// contract is the output contract: the category strings, fixed by the
// project's rule decisions. A record may not add, drop or rename one.
var contract = []string{
	"no-sigterm", "sigint-only", "no-shutdown", "stop-signal", "signal-not-delivered",
	"exit-before-drain", "cancelled-context", "unbounded-shutdown", "shutdown-timeout",
	"bad-directive",
}

func TestRecords(t *testing.T) {
	var cats []string
	for _, r := range rules.All() {
		cats = append(cats, r.Category)
		if r.Analyzer != "sigterm" && r.Analyzer != "shutdown" {
			t.Errorf("%s: analyzer %q, want sigterm or shutdown", r.Category, r.Analyzer)
		}
		if r.Since != "v0.1.0" {
			t.Errorf("%s: since %q: every rule came with the first release, v0.1.0", r.Category, r.Since)
		}
		for field, text := range map[string]string{"title": r.Title, "when": r.When, "production": r.Production, "fix": r.Fix} {
			switch {
			case text == "":
				t.Errorf("%s: no %s", r.Category, field)
			case strings.Contains(text, "]("):
				// These go into the analyzers' Doc, which is plain text.
				t.Errorf("%s: %s holds a link: %q", r.Category, field, text)
			}
		}
		for field, text := range map[string]string{"when": r.When, "production": r.Production} {
			// Table cells and Doc entries add their own punctuation.
			if text != "" && (text[0] < 'a' || text[0] > 'z') && !strings.HasPrefix(text, "Shutdown") && !strings.HasPrefix(text, "SIG") {
				t.Errorf("%s: %s %q does not start in lower case", r.Category, field, text)
			}
			if strings.HasSuffix(text, ".") || strings.Contains(text, "|") {
				t.Errorf("%s: %s %q ends with a period or holds a table bar", r.Category, field, text)
			}
		}
		for _, ex := range []rules.Example{r.Bad, r.Good} {
			if len(ex.Snippets) == 0 {
				t.Errorf("%s: an example without a snippet", r.Category)
			}
			for _, s := range ex.Snippets {
				if s.Lang == "go" {
					checkGo(t, r.Category, s.Code)
				}
			}
		}
		if len(r.Links) == 0 {
			t.Errorf("%s: no related links", r.Category)
		}
		for _, l := range r.Links {
			if l.Title == "" || (l.URL != "" && !strings.HasPrefix(l.URL, "https://")) {
				t.Errorf("%s: link %+v: want a title, and an https URL or none", r.Category, l)
			}
		}
	}
	if !slices.Equal(cats, contract) {
		t.Errorf("categories %q, want the output contract %q", cats, contract)
	}
}

// checkGo reports a Go snippet that does not parse as a file, as
// declarations, or as statements.
func checkGo(t *testing.T, category, code string) {
	t.Helper()
	fset := token.NewFileSet()
	for _, src := range []string{code, "package p\n" + code, "package p\nfunc _() {\n" + code + "\n}"} {
		if _, err := parser.ParseFile(fset, "snippet.go", src, parser.ParseComments); err == nil {
			return
		}
	}
	t.Errorf("%s: Go snippet does not parse:\n%s", category, code)
}

// TestConstants keeps the analyzers' exported categories, the ones they
// own, and the directive package's lists in step with the records.
func TestConstants(t *testing.T) {
	for _, tc := range []struct {
		analyzer  string
		constants []string
	}{
		{"sigterm", []string{
			sigterm.CategoryNoSIGTERM, sigterm.CategorySIGINTOnly, sigterm.CategoryNoShutdown,
			sigterm.CategoryStopSignal, sigterm.CategorySignalNotDelivered,
		}},
		{"shutdown", []string{
			shutdown.CategoryExitBeforeDrain, shutdown.CategoryCancelledContext, shutdown.CategoryUnboundedShutdown,
			shutdown.CategoryShutdownTimeout, shutdown.CategoryBadDirective,
		}},
	} {
		var records []string
		for _, r := range rules.All() {
			if r.Analyzer == tc.analyzer {
				records = append(records, r.Category)
			}
		}
		if !slices.Equal(records, tc.constants) {
			t.Errorf("%s: records %q, constants %q", tc.analyzer, records, tc.constants)
		}
		want := slices.DeleteFunc(slices.Clone(tc.constants), func(c string) bool { return c == rules.BadDirective })
		if got := rules.Categories(tc.analyzer); !slices.Equal(got, want) {
			t.Errorf("Categories(%q) = %q, want %q", tc.analyzer, got, want)
		}
	}
	if directive.BadDirective != rules.BadDirective || shutdown.CategoryBadDirective != rules.BadDirective {
		t.Errorf("bad-directive: directive.BadDirective %q, shutdown's %q, the records' %q", directive.BadDirective, shutdown.CategoryBadDirective, rules.BadDirective)
	}
	if want := append(rules.Categories("sigterm"), rules.Categories("shutdown")...); !slices.Equal(rules.Ignorable(), want) {
		t.Errorf("Ignorable() = %q, want every finding's category %q", rules.Ignorable(), want)
	}
	for _, c := range contract {
		if _, ok := rules.Lookup(c); !ok {
			t.Errorf("Lookup(%q) found nothing", c)
		}
	}
	if _, ok := rules.Lookup("no-sigterms"); ok {
		t.Error(`Lookup("no-sigterms") found a rule`)
	}
}

// TestAnalyzerDoc checks that each analyzer's Doc keeps its hand-written
// title and lists exactly its rules, from the records.
func TestAnalyzerDoc(t *testing.T) {
	for _, a := range []*analysis.Analyzer{sigterm.Analyzer, shutdown.Analyzer} {
		if a.URL != rules.DocURL {
			t.Errorf("%s: URL %q, want %q", a.Name, a.URL, rules.DocURL)
		}
		title, _, _ := strings.Cut(a.Doc, "\n")
		if !strings.HasPrefix(title, "check that ") {
			t.Errorf("%s: Doc starts with %q, want the title of doc.go", a.Name, title)
		}
		for _, r := range rules.All() {
			entry := "\n  - " + r.Category + ": "
			if got, want := strings.Count(a.Doc, entry), b2i(r.Analyzer == a.Name); got != want {
				t.Errorf("%s: Doc lists %s %d times, want %d:\n%s", a.Name, r.Category, got, want, a.Doc)
			}
		}
		if strings.Contains(a.Doc, "`") {
			t.Errorf("%s: Doc holds markdown backticks:\n%s", a.Name, a.Doc)
		}
		for i, line := range strings.Split(a.Doc, "\n") {
			if strings.HasPrefix(line, "  ") && len(line) > 72 {
				t.Errorf("%s: Doc line %d is %d columns wide: %q", a.Name, i+1, len(line), line)
			}
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
