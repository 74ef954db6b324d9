package stoptimeout

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
	"time"

	"github.com/sigtermlint/sigtermlint/internal/config"
)

// TestResolve checks the order of the sources; the directive's grammar is
// tested in internal/directive.
func TestResolve(t *testing.T) {
	for _, tc := range []struct {
		name, src  string
		flag       time.Duration
		flagSet    bool
		platform   *config.Platform
		want       time.Duration
		wantSource string
		wantBad    string
		wantOrigin Origin
	}{
		{name: "default", src: "package main\n", flag: Default, want: 30 * time.Second, wantSource: "the default"},
		{name: "flag", src: "package main\n", flag: 10 * time.Second, flagSet: true, want: 10 * time.Second, wantSource: FlagSpelling, wantOrigin: OriginFlag},
		{name: "directive wins", src: "package main\n\n//sigtermlint:stop-timeout 20s\n", flag: 10 * time.Second, flagSet: true,
			want: 20 * time.Second, wantSource: "//sigtermlint:stop-timeout at main.go:3", wantOrigin: OriginDirective},
		{name: "malformed", src: "package main\n//sigtermlint:stop-timeout soon\n", flag: Default, want: Default, wantSource: "the default",
			wantBad: `malformed //sigtermlint:stop-timeout directive: "soon" is not a duration such as 20s; it is ignored`},
		{name: "conflict", src: "package main\n//sigtermlint:stop-timeout 20s\n//sigtermlint:stop-timeout 25s\n", flag: Default,
			want: 20 * time.Second, wantSource: "//sigtermlint:stop-timeout at main.go:2", wantBad: "the first one wins", wantOrigin: OriginDirective},
		{name: "platform", src: "package main\n", platform: &config.Platform{Name: "docker", StopTimeout: 10 * time.Second, Setting: "docker stop -t"},
			want: 10 * time.Second, wantSource: "-sigtermlint.platform=docker: docker stop -t", wantOrigin: OriginPlatform},
		{name: "flag over platform", src: "package main\n", flag: time.Minute, flagSet: true, platform: &config.Platform{Name: "docker", StopTimeout: 10 * time.Second},
			want: time.Minute, wantSource: FlagSpelling, wantOrigin: OriginFlag},
		{name: "library ignores directive", src: "package lib\n//sigtermlint:stop-timeout 20s\n", flag: Default, want: Default, wantSource: "the default"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, "/src/main.go", tc.src, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			cfg := &config.Config{StopTimeout: tc.flag, StopTimeoutSet: tc.flagSet, Platform: tc.platform}
			got, bad := Resolve(fset, f.Name.Name, []*ast.File{f}, cfg, nil)
			if got.D != tc.want || got.Source != tc.wantSource {
				t.Errorf("got %v from %q, want %v from %q", got.D, got.Source, tc.want, tc.wantSource)
			}
			if got.Origin != tc.wantOrigin {
				t.Errorf("origin %v, want %v", got.Origin, tc.wantOrigin)
			}
			if (got.Origin == OriginDirective) != got.Directive.IsValid() {
				t.Errorf("directive position %v with origin %v: want one exactly for OriginDirective", got.Directive, got.Origin)
			}
			if got.KillAfter() != got.D {
				t.Errorf("kill after %v, want the timeout %v without a preStop sleep", got.KillAfter(), got.D)
			}
			switch {
			case tc.wantBad == "" && len(bad) > 0:
				t.Errorf("unexpected bad directive: %+v", bad)
			case tc.wantBad != "" && (len(bad) != 1 || !strings.Contains(bad[0].Message, tc.wantBad)):
				t.Errorf("bad directives %+v, want one containing %q", bad, tc.wantBad)
			}
		})
	}
}
