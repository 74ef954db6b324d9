package ruledoc_test

import (
	"net/url"
	"os"
	"path"
	"path/filepath"
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
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
)

// all returns every rule's record, in the order of the rule table.
func all() []ruledoc.Rule { return append(sigterm.Rules(), shutdown.Rules()...) }

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestGenerated fails while the generated regions of the README or of
// docs/rules.md differ from the records.
func TestGenerated(t *testing.T) {
	for _, d := range []ruledoc.Doc{ruledoc.README, ruledoc.Page} {
		old := read(t, d.Name)
		updated, err := d.Update(old, all())
		if err != nil {
			t.Fatal(err)
		}
		if updated == old {
			continue
		}
		oldLines, newLines := strings.Split(old, "\n"), strings.Split(updated, "\n")
		i := 0
		for i < len(oldLines) && i < len(newLines) && oldLines[i] == newLines[i] {
			i++
		}
		t.Errorf("%s is out of date with the rule records: run %s\nfirst difference at line %d:\n  file:      %q\n  generated: %q",
			d.Name, ruledoc.Regenerate, i+1, at(oldLines, i), at(newLines, i))
	}
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "(end of file)"
}

// TestAnchors checks that every category has a heading in docs/rules.md
// whose GitHub anchor is exactly the category, so that the drivers' links
// (Analyzer.URL#category) land on it, and that the analyzers' URLs point
// at headings that exist.
func TestAnchors(t *testing.T) {
	page := anchors(read(t, ruledoc.Page.Name))
	for _, r := range all() {
		if h, ok := page[r.Category]; !ok || h != r.Category {
			t.Errorf("docs/rules.md#%s: want a heading %q, got %q", r.Category, r.Category, h)
		}
		u, err := url.Parse(ruledoc.URL(r.Category))
		if err != nil || u.Fragment != r.Category || u.Scheme+"://"+u.Host+u.Path != ruledoc.DocURL {
			t.Errorf("URL(%q) = %q: want %s#%s", r.Category, ruledoc.URL(r.Category), ruledoc.DocURL, r.Category)
		}
	}
	if !strings.HasSuffix(ruledoc.DocURL, "/"+ruledoc.Page.Name) {
		t.Errorf("DocURL %q is not the page of sections, %s", ruledoc.DocURL, ruledoc.Page.Name)
	}
	for _, a := range []*analysis.Analyzer{sigterm.Analyzer, shutdown.Analyzer} {
		if a.URL != ruledoc.DocURL {
			t.Errorf("%s: URL %q is not %s", a.Name, a.URL, ruledoc.DocURL)
		}
	}
	// The analyzers that report nothing link to the page that explains
	// them.
	const blob = "https://github.com/sigtermlint/sigtermlint/blob/main/"
	for _, a := range []*analysis.Analyzer{reach.Analyzer, config.Analyzer} {
		name, frag, _ := strings.Cut(strings.TrimPrefix(a.URL, blob), "#")
		if !strings.HasPrefix(a.URL, blob) || frag == "" {
			t.Errorf("%s: URL %q: want %sFILE#HEADING", a.Name, a.URL, blob)
			continue
		}
		if _, ok := anchors(read(t, name))[frag]; !ok {
			t.Errorf("%s: URL %q: %s has no heading #%s", a.Name, a.URL, name, frag)
		}
	}
}

// TestLinks checks the links of the README and of every page in docs/
// to files of the repository: the file exists, and so does the heading
// the link names.
func TestLinks(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("..", "..", "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Join("..", "..")
	names := []string{"README.md"}
	for _, p := range pages {
		rel, _ := filepath.Rel(root, p)
		names = append(names, filepath.ToSlash(rel))
	}
	link := regexp.MustCompile(`\]\(([^)\s]*)\)`)
	for _, name := range names {
		for _, m := range link.FindAllStringSubmatch(prose(read(t, name)), -1) {
			target, frag, _ := strings.Cut(m[1], "#")
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue // not a file of the repository
			}
			file := name
			if target != "" {
				file = path.Join(path.Dir(name), target)
			}
			if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(file))); err != nil {
				t.Errorf("%s links to %s, which does not exist", name, m[1])
				continue
			}
			if frag == "" || !strings.HasSuffix(file, ".md") {
				continue
			}
			if _, ok := anchors(read(t, file))[frag]; !ok {
				t.Errorf("%s links to %s, but %s has no heading #%s", name, m[1], file, frag)
			}
		}
	}
}

// prose returns text without its code: fenced blocks and inline code
// spans, where a "](x)" is Go, not a link.
func prose(text string) string {
	var b strings.Builder
	fenced := false
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
			continue
		}
		if !fenced {
			b.WriteString(inlineCode.ReplaceAllString(line, "``") + "\n")
		}
	}
	return b.String()
}

var inlineCode = regexp.MustCompile("`[^`]*`")

// anchors returns the anchors of the headings of a markdown text, each
// with its heading.
func anchors(text string) map[string]string {
	out := map[string]string{}
	for _, h := range headings(text) {
		out[anchor(h, out)] = h
	}
	return out
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
