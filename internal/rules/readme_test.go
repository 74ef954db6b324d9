package rules_test

import (
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/analyzers/shutdown"
	"github.com/sigtermlint/sigtermlint/analyzers/sigterm"
	"github.com/sigtermlint/sigtermlint/internal/config"
	"github.com/sigtermlint/sigtermlint/internal/reach"
	"github.com/sigtermlint/sigtermlint/internal/rules"
)

const readmePath = "../../README.md"

func readme(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestREADME fails while the README's generated regions differ from the
// records.
func TestREADME(t *testing.T) {
	old := readme(t)
	updated, err := rules.UpdateREADME(old)
	if err != nil {
		t.Fatal(err)
	}
	if updated == old {
		return
	}
	oldLines, newLines := strings.Split(old, "\n"), strings.Split(updated, "\n")
	i := 0
	for i < len(oldLines) && i < len(newLines) && oldLines[i] == newLines[i] {
		i++
	}
	t.Errorf("README.md is out of date with the records of internal/rules: run %s\nfirst difference at line %d:\n  README:    %q\n  generated: %q",
		rules.Regenerate, i+1, at(oldLines, i), at(newLines, i))
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "(end of file)"
}

// TestAnchors checks that every category has a README heading whose
// GitHub anchor is exactly the category, so that the drivers' links
// (Analyzer.URL#category) land on it, and that the README's own anchor
// links and the analyzers' URLs point at headings that exist.
func TestAnchors(t *testing.T) {
	text := readme(t)
	anchors := map[string]string{} // anchor -> heading
	for _, h := range headings(text) {
		anchors[anchor(h, anchors)] = h
	}
	for _, r := range rules.All() {
		if h, ok := anchors[r.Category]; !ok || h != r.Category {
			t.Errorf("#%s: want a heading %q, got %q", r.Category, r.Category, h)
		}
		u, err := url.Parse(rules.URL(r.Category))
		if err != nil || u.Fragment != r.Category || u.Scheme+"://"+u.Host+u.Path != rules.DocURL {
			t.Errorf("URL(%q) = %q: want %s#%s", r.Category, rules.URL(r.Category), rules.DocURL, r.Category)
		}
	}
	for _, m := range regexp.MustCompile(`\]\(#([^)]+)\)`).FindAllStringSubmatch(text, -1) {
		if _, ok := anchors[m[1]]; !ok {
			t.Errorf("README links to #%s, which no heading has", m[1])
		}
	}
	for _, a := range []*analysis.Analyzer{sigterm.Analyzer, shutdown.Analyzer, reach.Analyzer, config.Analyzer} {
		base, frag, _ := strings.Cut(a.URL, "#")
		if base != rules.DocURL {
			t.Errorf("%s: URL %q is not the README, %s", a.Name, a.URL, rules.DocURL)
		}
		if _, ok := anchors[frag]; frag != "" && !ok {
			t.Errorf("%s: URL %q: the README has no heading #%s", a.Name, a.URL, frag)
		}
	}
}

// headings returns the text of the README's ATX headings, outside code
// fences.
func headings(text string) []string {
	var out []string
	fenced := false
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		if rest := strings.TrimLeft(line, "#"); rest != line && len(line)-len(rest) <= 6 && strings.HasPrefix(rest, " ") {
			out = append(out, strings.TrimSpace(rest))
		}
	}
	return out
}

// anchor returns the anchor GitHub gives a heading: lower case, inline
// markup and punctuation dropped, spaces made hyphens, and a -N suffix
// for the Nth repeat of an anchor already taken.
func anchor(heading string, taken map[string]string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	a := b.String()
	if _, dup := taken[a]; !dup {
		return a
	}
	for n := 1; ; n++ {
		if _, dup := taken[a+"-"+strconv.Itoa(n)]; !dup {
			return a + "-" + strconv.Itoa(n)
		}
	}
}
