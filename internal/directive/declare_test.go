package directive

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"
	"time"
)

// parseFile parses src, with its comments, as main.go.
func parseFile(t *testing.T, src string) (*token.FileSet, *ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "main.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	return fset, f
}

func parseSrc(t *testing.T, src string) ([]Directive, []Problem) {
	t.Helper()
	_, f := parseFile(t, src)
	return Parse([]*ast.File{f}, f.Name.Name)
}

func TestParse(t *testing.T) {
	decls, bad := parseSrc(t, `package main

//sigtermlint:handles term, int
//sigtermlint:stops-within 1m30s
//sigtermlint:manifest ../../deploy/k8s.yaml#api
//sigtermlint:ignore no-sigterm read elsewhere
//sigtermlint:stop-timeout 20s

// run starts the server.
//
//sigtermlint:serves
//sigtermlint:handles SIGTERM SIGTERM SIGHUP
func run() {}

func main() {}
`)
	if len(bad) != 0 {
		t.Fatalf("problems: %+v", bad)
	}
	var got []string
	for _, d := range decls {
		s := d.Name
		if d.Func != nil {
			s += "@" + d.Func.Name.Name
		}
		switch d.Name {
		case Handles:
			s += " " + strings.Join(d.Signals, ",")
		case StopsWithin:
			s += " " + d.D.String()
		case Manifest:
			s += " " + d.Path + " " + d.Target
		}
		got = append(got, s)
	}
	want := []string{
		"handles SIGTERM,SIGINT",
		"stops-within " + (90 * time.Second).String(),
		"manifest ../../deploy/k8s.yaml api",
		"serves@run",
		"handles@run SIGTERM,SIGHUP",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestParseProblems(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"//sigtermlint:", "unknown directive //sigtermlint:"},
		{"//sigtermlint:Serves", "unknown directive //sigtermlint:Serves"},
		{"//sigtermlint:handles SIGSTOP", "SIGSTOP cannot be caught"},
		{"//sigtermlint:handles ,", "want a signal list"},
		{"//sigtermlint:stops-within -5s", "malformed //sigtermlint:stops-within: the time must be positive, not -5s; it is ignored"},
		{"//sigtermlint:stops-within", "malformed //sigtermlint:stops-within: want a duration such as 20s; it is ignored"},
		{"//sigtermlint:stops-within soon", `malformed //sigtermlint:stops-within: "soon" is not a duration such as 20s; it is ignored`},
		{"//sigtermlint:manifest a.yaml b.yaml", "want one path"},
		{"//sigtermlint:manifest #api", "has no file before #"},
	} {
		_, bad := parseSrc(t, "package main\n\n"+tc.src+"\n")
		if len(bad) != 1 || !strings.Contains(bad[0].Message, tc.want) {
			t.Errorf("%s: got %+v, want one problem containing %q", tc.src, bad, tc.want)
		}
	}
	// In a library, only function declarations may declare.
	_, bad := parseSrc(t, "package lib\n\n//sigtermlint:stops-within 5s\n")
	if len(bad) != 1 || !strings.Contains(bad[0].Message, "or in package main") {
		t.Errorf("library: got %+v", bad)
	}
}

// TestHandlesSpellings covers the spellings of internal/signals' test: a
// handles declaration takes the names of the signals a program can catch,
// with or without SIG, in any case; no numbers, aliases or real-time
// signals.
func TestHandlesSpellings(t *testing.T) {
	for _, tt := range []struct{ in, want, problem string }{
		{"SIGTERM", "SIGTERM", ""}, {"TERM", "SIGTERM", ""}, {"sigterm", "SIGTERM", ""}, {"term", "SIGTERM", ""},
		{"SigTerm", "SIGTERM", ""}, {"int", "SIGINT", ""}, {"SIGQUIT", "SIGQUIT", ""}, {"hup", "SIGHUP", ""},
		{"usr1", "SIGUSR1", ""}, {"SIGUSR2", "SIGUSR2", ""}, {"SIGWINCH", "SIGWINCH", ""}, {"pwr", "SIGPWR", ""},
		{"ABRT", "SIGABRT", ""}, {"alrm", "SIGALRM", ""},
		{"SIGKILL", "", "SIGKILL cannot be caught, so no program handles it"},
		{"stop", "", "SIGSTOP cannot be caught, so no program handles it"},
		{"SIGCHLD", "", `unknown signal "SIGCHLD" (known: SIGTERM, SIGINT, SIGQUIT, SIGHUP, SIGUSR1, SIGUSR2, SIGWINCH, SIGPWR, SIGABRT, SIGALRM)`},
		{"15", "", `unknown signal "15"`}, {"9", "", `unknown signal "9"`}, {"iot", "", `unknown signal "iot"`},
		{"SIGRTMIN", "", `unknown signal "SIGRTMIN"`}, {"RTMIN+1", "", `unknown signal "RTMIN+1"`},
		{"SIG", "", `unknown signal "SIG"`}, {"SIGSIGTERM", "", `unknown signal "SIGSIGTERM"`},
	} {
		got, problem := parseSignals(tt.in)
		if strings.Join(got, ",") != tt.want || !strings.HasPrefix(problem, tt.problem) || (tt.problem == "") != (problem == "") {
			t.Errorf("parseSignals(%q) = %q, %q; want %q, %q", tt.in, got, problem, tt.want, tt.problem)
		}
	}
}
