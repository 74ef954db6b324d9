package directive

import (
	"go/ast"
	"strings"
	"testing"
	"time"
)

func TestParseStopTimeout(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      time.Duration // 0: none found
		wantLine  int
		wantBad   string // a substring of the one problem; "" for none
	}{
		{name: "none", src: ""},
		{name: "simple", src: "//sigtermlint:stop-timeout 20s", want: 20 * time.Second, wantLine: 3},
		{name: "tab", src: "//sigtermlint:stop-timeout\t20s ", want: 20 * time.Second, wantLine: 3},
		{name: "compound duration", src: "//sigtermlint:stop-timeout 1m30s", want: 90 * time.Second, wantLine: 3},
		{name: "malformed", src: "//sigtermlint:stop-timeout soon",
			wantBad: `malformed //sigtermlint:stop-timeout directive: "soon" is not a duration such as 20s; it is ignored`},
		{name: "missing value", src: "//sigtermlint:stop-timeout",
			wantBad: "malformed //sigtermlint:stop-timeout directive: want a duration such as 20s; it is ignored"},
		{name: "negative", src: "//sigtermlint:stop-timeout -5s",
			wantBad: "malformed //sigtermlint:stop-timeout directive: the stop timeout must be positive, not -5s; it is ignored"},
		{name: "zero", src: "//sigtermlint:stop-timeout 0s", wantBad: "the stop timeout must be positive, not 0s"},
		{name: "conflict", src: "//sigtermlint:stop-timeout 20s\n//sigtermlint:stop-timeout 25s", want: 20 * time.Second, wantLine: 3,
			wantBad: "second //sigtermlint:stop-timeout directive with another value (25s, first 20s); the first one wins"},
		{name: "same value twice", src: "//sigtermlint:stop-timeout 20s\n//sigtermlint:stop-timeout 20s", want: 20 * time.Second, wantLine: 3},
		{name: "malformed then good", src: "//sigtermlint:stop-timeout soon\n//sigtermlint:stop-timeout 20s", want: 20 * time.Second, wantLine: 4,
			wantBad: `"soon" is not a duration`},
		{name: "other directive", src: "//sigtermlint:stop-timeouts 20s"},
		{name: "not a directive", src: "// sigtermlint:stop-timeout 20s"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fset, f := parseFile(t, "package main\n\n"+tc.src+"\n")
			d, pos, found, bad := ParseStopTimeout([]*ast.File{f})
			if found != (tc.want != 0) || d != tc.want {
				t.Errorf("got %v (found %v), want %v", d, found, tc.want)
			}
			if found && fset.Position(pos).Line != tc.wantLine {
				t.Errorf("directive on line %d, want %d", fset.Position(pos).Line, tc.wantLine)
			}
			switch {
			case tc.wantBad == "" && len(bad) > 0:
				t.Errorf("unexpected problems: %+v", bad)
			case tc.wantBad != "" && (len(bad) != 1 || !strings.Contains(bad[0].Message, tc.wantBad)):
				t.Errorf("problems %+v, want one containing %q", bad, tc.wantBad)
			}
		})
	}
}
