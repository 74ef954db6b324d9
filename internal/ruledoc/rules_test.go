package ruledoc_test

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
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
)

// contract is the output contract: the category strings, fixed by the
// project's rule decisions. A record may not add, drop or rename one.
var contract = []string{
	"no-sigterm", "sigint-only", "no-shutdown", "stop-signal", "signal-not-delivered",
	"exit-before-drain", "cancelled-context", "unbounded-shutdown", "shutdown-timeout",
	"hijacked-not-closed", "stream-blocks-drain", // the long-lived requests issue
	"drain-delay-too-short", "drain-delay-too-long", "no-deregistration-wait", // the load balancer issue
	"bad-directive",
}

func TestRecords(t *testing.T) {
	var cats []string
	for _, r := range all() {
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
		for _, ex := range []ruledoc.Example{r.Bad, r.Good} {
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

// TestConstants keeps the categories each analyzer owns, and the ones
// a directive may name, in step with the records.
func TestConstants(t *testing.T) {
	for _, tc := range []struct {
		analyzer string
		records  []ruledoc.Rule
	}{
		{"sigterm", sigterm.Rules()},
		{"shutdown", shutdown.Rules()},
	} {
		var cats []string
		for _, r := range tc.records {
			if r.Analyzer != tc.analyzer {
				t.Errorf("%s: record of analyzer %q among %s's", r.Category, r.Analyzer, tc.analyzer)
			}
			if r.Category != directive.BadDirective {
				cats = append(cats, r.Category)
			}
		}
		if got := ruledoc.Categories(tc.analyzer); !slices.Equal(got, cats) {
			t.Errorf("Categories(%q) = %q, want the records' %q", tc.analyzer, got, cats)
		}
	}
	if want := append(ruledoc.Categories("sigterm"), ruledoc.Categories("shutdown")...); !slices.Equal(ruledoc.Ignorable(), want) {
		t.Errorf("ruledoc.Ignorable() = %q, want every finding's category %q", ruledoc.Ignorable(), want)
	}
}

// TestAnalyzerDoc checks that each analyzer's Doc keeps its hand-written
// title and lists exactly its rules, from the records.
func TestAnalyzerDoc(t *testing.T) {
	for _, a := range []*analysis.Analyzer{sigterm.Analyzer, shutdown.Analyzer} {
		if a.URL != ruledoc.DocURL {
			t.Errorf("%s: URL %q, want %q", a.Name, a.URL, ruledoc.DocURL)
		}
		title, _, _ := strings.Cut(a.Doc, "\n")
		if !strings.HasPrefix(title, "check that ") {
			t.Errorf("%s: Doc starts with %q, want the title of doc.go", a.Name, title)
		}
		for _, r := range all() {
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
