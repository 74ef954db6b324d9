package ruledoc

import (
	"strings"
	"testing"
)

// sample are two rules, enough to render every part of the documents.
var sample = []Rule{
	{Category: "rule-one", Analyzer: "a", Title: "One.", When: "one applies", Production: "one happens",
		Bad: Example{Snippets: []Snippet{GoCode("bad()")}}, Good: Example{Snippets: []Snippet{GoCode("good()")}}, Fix: "Fix one.", Since: V010},
	{Category: "rule-two", Analyzer: "b", Title: "Two.", When: "two applies", Production: "two happens",
		Bad: Example{Snippets: []Snippet{GoCode("bad()")}}, Good: Example{Snippets: []Snippet{GoCode("good()")}}, Fix: "Fix two.", Since: V010},
}

// page returns a page of sections holding every region, with before
// inserted at its start.
func page(before string) string {
	return before + "# Rules\n\n<!-- rules:begin table -->\nOLD CONTENT\n<!-- rules:end -->\n\n## Of analyzer a\n\n" +
		"<!-- rules:begin rule-one rule-two -->\n<!-- rules:end -->\n"
}

func TestUpdate(t *testing.T) {
	got, err := Page.Update(page(""), sample)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(got, "OLD CONTENT") {
		t.Error("the table region keeps its old content")
	}
	for _, r := range sample {
		// One level below "## Of analyzer a", the heading the region follows.
		if !strings.Contains(got, "\n### "+r.Category+"\n") {
			t.Errorf("no ### %s section in:\n%s", r.Category, got)
		}
	}
	if !strings.Contains(got, "| b | [`rule-two`](#rule-two) | two applies | two happens |") {
		t.Errorf("no rule-two row linking to its section in the table:\n%s", got)
	}
	again, err := Page.Update(got, sample)
	if err != nil || again != got {
		t.Errorf("a second run changes the page (err %v)", err)
	}
	readme, err := README.Update("# x\n\n<!-- rules:begin table -->\n<!-- rules:end -->\n", sample)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(readme, "[`rule-one`](docs/rules.md#rule-one)") {
		t.Errorf("the README's table does not link to the page of sections:\n%s", readme)
	}
}

func TestUpdateErrors(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
		doc              Doc
	}{
		{"unknown category", page("<!-- rules:begin no-sigterms -->\n<!-- rules:end -->\n"), `unknown rule "no-sigterms"`, Page},
		{"twice", page("<!-- rules:begin rule-one -->\n<!-- rules:end -->\n"), "rule-one is already generated at line 1", Page},
		{"no end", "<!-- rules:begin table -->\n", "has no <!-- rules:end -->", Page},
		{"end alone", page("<!-- rules:end -->\n"), "docs/rules.md:1: <!-- rules:end --> without", Page},
		{"missing rule", "<!-- rules:begin table -->\n<!-- rules:end -->\n", "no region generates rule-one", Page},
		{"malformed", strings.Replace(page(""), "rules:begin table", "rules:begin", 1), "malformed marker", Page},
		{"no table", "# README\n", "README.md: no region generates table", README},
		{"sections in the README", "<!-- rules:begin table -->\n<!-- rules:end -->\n<!-- rules:begin rule-one -->\n<!-- rules:end -->\n", "rule sections belong in docs/rules.md", README},
	} {
		_, err := tc.doc.Update(tc.text, sample)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got error %v, want one saying %q", tc.name, err, tc.want)
		}
	}
}

func TestWrap(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"short line", "short line"},
		{"- a list item whose text runs past the width", "- a list item whose\n  text runs past the\n  width"},
		{"1. a numbered item whose text runs past", "1. a numbered item\n   whose text runs\n   past"},
		{"keep `a code span` whole when it wraps", "keep `a code span`\nwhole when it wraps"},
		{"aaaaaaaaaaaaaaaaaaa - b", "aaaaaaaaaaaaaaaaaaa -\nb"},
		{"aaaaaaaaaaaaaaaaaaa 2. b", "aaaaaaaaaaaaaaaaaaa 2.\nb"},
		{"aaaaaaaaaaaaaaaaaaa #1 b", "aaaaaaaaaaaaaaaaaaa #1\nb"},
		{"```\na fenced line that is far too long stays\n```", "```\na fenced line that is far too long stays\n```"},
		{"| a table row that is far too long | stays |", "| a table row that is far too long | stays |"},
	} {
		if got := wrap(tc.in, 20); got != tc.want {
			t.Errorf("wrap(%q) =\n%s\nwant\n%s", tc.in, got, tc.want)
		}
	}
}
