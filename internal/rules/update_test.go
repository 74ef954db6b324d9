package rules

import (
	"strings"
	"testing"
)

// regions returns a README holding every region, with before inserted
// at its start.
func regions(before string) string {
	var cats []string
	for _, r := range all {
		cats = append(cats, r.Category)
	}
	return before + "# sigtermlint\n\n## What it reports\n\n<!-- rules:begin table -->\nOLD CONTENT\n<!-- rules:end -->\n\n### Rules\n\n" +
		"<!-- rules:begin " + strings.Join(cats, " ") + " -->\n<!-- rules:end -->\n"
}

func TestUpdateREADME(t *testing.T) {
	got, err := UpdateREADME(regions(""))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(got, "OLD CONTENT") {
		t.Error("the table region keeps its old content")
	}
	for _, r := range all {
		// One level below "### Rules", the heading the region follows.
		if !strings.Contains(got, "\n#### "+r.Category+"\n") {
			t.Errorf("no #### %s section in:\n%s", r.Category, got)
		}
	}
	if !strings.Contains(got, "| shutdown | [`bad-directive`](#bad-directive) |") {
		t.Errorf("no bad-directive row in the table:\n%s", got)
	}
	again, err := UpdateREADME(got)
	if err != nil || again != got {
		t.Errorf("a second run changes the README (err %v)", err)
	}
}

func TestUpdateREADMEErrors(t *testing.T) {
	for _, tc := range []struct {
		name, readme, want string
	}{
		{"unknown category", regions("<!-- rules:begin no-sigterms -->\n<!-- rules:end -->\n"), `unknown rule "no-sigterms"`},
		{"twice", regions("<!-- rules:begin no-sigterm -->\n<!-- rules:end -->\n"), "no-sigterm is already generated at line 1"},
		{"no end", "<!-- rules:begin table -->\n", "has no <!-- rules:end -->"},
		{"end alone", regions("<!-- rules:end -->\n"), "README.md:1: <!-- rules:end --> without"},
		{"missing rule", "<!-- rules:begin table -->\n<!-- rules:end -->\n", "no region generates no-sigterm"},
		{"missing table", strings.Replace(regions(""), "rules:begin table", "rules:begin", 1), "malformed marker"},
	} {
		_, err := UpdateREADME(tc.readme)
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
