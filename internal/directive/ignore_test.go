package directive

import (
	"fmt"
	"go/ast"
	"reflect"
	"strings"
	"testing"
)

// ignorable stands for ruledoc.Ignorable, which the parser is given.
var ignorable = []string{"no-sigterm", "sigint-only", "stop-signal", "shutdown-timeout"}

func TestParseIgnore(t *testing.T) {
	for _, tc := range []struct {
		text       string
		categories []string
		reason     string
		problem    string // a substring; empty for a well-formed directive
	}{
		{text: "//sigtermlint:ignore no-sigterm a batch job", categories: []string{"no-sigterm"}, reason: "a batch job"},
		{text: "//sigtermlint:ignore\tno-sigterm,shutdown-timeout  two  spaces kept ", categories: []string{"no-sigterm", "shutdown-timeout"}, reason: "two  spaces kept"},
		{text: "//sigtermlint:ignore stop-signal,stop-signal twice", categories: []string{"stop-signal"}, reason: "twice"},
		{text: "//sigtermlint:ignore", problem: "needs a category and a reason"},
		{text: "//sigtermlint:ignore   ", problem: "needs a category and a reason"},
		{text: "//sigtermlint:ignore no-sigterm", categories: []string{"no-sigterm"}, problem: "needs a reason"},
		{text: "//sigtermlint:ignore no-sigterm // want \"x\"", categories: []string{"no-sigterm"}, reason: `// want "x"`},
		{text: "//sigtermlint:ignore nosigterm why", problem: `unknown category "nosigterm": the categories are no-sigterm, sigint-only,`},
		{text: "//sigtermlint:ignore no-sigterm, sigint-only why", problem: `empty category in "no-sigterm,"`},
		{text: "//sigtermlint:ignore bad-directive why", problem: "cannot ignore bad-directive"},
	} {
		d := parseIgnore(strings.TrimSpace(strings.TrimPrefix(tc.text, ignorePrefix)), ignorable)
		if !strings.Contains(d.Problem, tc.problem) || (tc.problem == "" && d.Problem != "") {
			t.Errorf("%q: problem %q, want %q", tc.text, d.Problem, tc.problem)
		}
		if tc.problem != "" {
			continue
		}
		if !reflect.DeepEqual(d.Categories, tc.categories) || d.Reason != tc.reason {
			t.Errorf("%q: categories %q reason %q, want %q %q", tc.text, d.Categories, d.Reason, tc.categories, tc.reason)
		}
	}
}

// TestCoveredLine checks which line a directive covers: its own after
// code, the next one on a line of its own.
func TestCoveredLine(t *testing.T) {
	src := `package p

//sigtermlint:ignore no-sigterm line 4
func f() { //sigtermlint:ignore no-sigterm line 4
	g(1, //sigtermlint:ignore no-sigterm line 5
		2) //sigtermlint:ignore no-sigterm line 6
	/* a */ //sigtermlint:ignore no-sigterm line 8
	if true {
	} //sigtermlint:ignore no-sigterm line 9
	x := ` + "`" + `
` + "`" + ` //sigtermlint:ignore no-sigterm line 11
	_ = x
	//sigtermlint:ignored no-sigterm not a directive
	// sigtermlint:ignore no-sigterm not a directive
}

func g(...int) {}
`
	fset, f := parseFile(t, src)
	dirs := ParseIgnores(fset, []*ast.File{f}, ignorable)
	if len(dirs) != 7 {
		t.Fatalf("got %d directives, want 7", len(dirs))
	}
	for _, d := range dirs {
		var want int
		if _, err := fmt.Sscanf(d.Reason, "line %d", &want); err != nil {
			t.Fatal(err)
		}
		if d.line != want {
			t.Errorf("%s: covers line %d, want %d", fset.Position(d.Pos), d.line, want)
		}
	}
}
