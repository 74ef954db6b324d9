package main

// Malformed and unusual code in testdata/e2e-odd: cgo, build constraints,
// generics, a huge generated file, packages that do not type-check or
// parse. Each gives a correct result or a clean error (exit 1, the
// problem named), never a crash: run fails the test on a panic or a
// goroutine trace, and every case below also rejects "internal error".
//
// Observed with go1.26.8 and x/tools v0.52.0 (the run's exit code is
// asserted):
//   - cgo: the finding points at the Go file (cgo's generated files carry
//     //line directives back to it), exit 3.
//   - a file excluded by //go:build is never read; a package whose every
//     file is excluded: "-: build constraints exclude all Go files in DIR",
//     exit 1.
//   - a type error in an imported package: the error, then the x/tools
//     checker's "analysis skipped due to errors in package" and "failed
//     prerequisites" lines, exit 1. A syntax error likewise (the file is
//     written at test time: CI runs gofmt on every committed .go file).

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// checkNoInternalError fails on output that speaks of a panic or an
// internal error (run already fails on a goroutine trace).
func checkNoInternalError(t *testing.T, r result) {
	t.Helper()
	for _, s := range []string{r.stdout, r.stderr} {
		low := strings.ToLower(s)
		if strings.Contains(low, "panic") || strings.Contains(low, "internal error") {
			t.Errorf("output mentions a panic or an internal error:\n%s", r)
		}
	}
}

func TestOdd(t *testing.T) {
	t.Parallel()
	bin := sigtermlint(t)
	dir := testdataDir(t, "e2e-odd")

	const sigintOnly = "handles SIGINT, not SIGTERM"
	for _, tc := range []struct {
		name, pkg string
		code      int
		// want are the lines of stderr, paths relative to the module
		// root, each a prefix and a part of the line.
		want [][2]string
	}{
		{"cgo", "./cmd/cgo", 3, [][2]string{
			{"cmd/cgo/main.go:17:2: ", "server started via http.ListenAndServe never handles SIGTERM"},
		}},
		// ignored.go (//go:build ignoreme) redeclares main and serves
		// without SIGTERM: reading it would give a type error or a finding.
		{"build-tags", "./cmd/tags", 0, nil},
		{"all-files-excluded", "./cmd/allignored", 1, [][2]string{
			{"-: build constraints exclude all Go files in ", "cmd/allignored"},
		}},
		// Served through a generic function, stopped through a generic
		// type's method, a generic wait: the SIGINT-only finding, no
		// no-shutdown.
		{"generics", "./cmd/generic", 3, [][2]string{
			{"cmd/generic/main.go:45:2: ", "server started via (*http.Server).ListenAndServe " + sigintOnly},
			{"cmd/generic/main.go:47:2: ", "only SIGINT is handled here"},
		}},
		{"type-error-in-dependency", "./cmd/usesbroken", 1, [][2]string{
			{"internal/broken/broken.go:8:29: ", "cannot use 8080 (untyped int constant) as string value in argument to http.ListenAndServe"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := run(t, dir, bin, tc.pkg)
			checkNoInternalError(t, r)
			if r.code != tc.code {
				t.Errorf("want exit %d, got\n%s", tc.code, r)
			}
			if r.stdout != "" {
				t.Errorf("want nothing on stdout, got %q", r.stdout)
			}
			got := lines(relPaths(dir, r.stderr))
			for _, w := range tc.want {
				if !containsLine(got, w[0], w[1]) {
					t.Errorf("want a line %q...%q, got\n%s", w[0], w[1], r)
				}
			}
			if tc.code != 1 && len(got) != len(tc.want) {
				t.Errorf("want %d lines, got\n%s", len(tc.want), r)
			}
		})
	}

	// The whole module: the broken packages make it exit 1, and the
	// findings of the others still come out.
	t.Run("module", func(t *testing.T) {
		t.Parallel()
		r := run(t, dir, bin, "./...")
		checkNoInternalError(t, r)
		if r.code != 1 {
			t.Errorf("want exit 1, got\n%s", r)
		}
		got := lines(relPaths(dir, r.stderr))
		for _, w := range [][2]string{
			{"cmd/cgo/main.go:17:2: ", "never handles SIGTERM"},
			{"cmd/generic/main.go:45:2: ", sigintOnly},
			{"cmd/huge/gen.go:9:30: ", sigintOnly},
			{"internal/broken/broken.go:8:29: ", "cannot use 8080"},
		} {
			if !containsLine(got, w[0], w[1]) {
				t.Errorf("want a line %q...%q, got\n%s", w[0], w[1], r)
			}
		}
		if strings.Contains(r.stderr, "cmd/tags/") {
			t.Errorf("cmd/tags is clean, got\n%s", r)
		}
	})

	// A file that does not parse, written at test time into a temporary
	// copy of the module (CI runs gofmt on every committed .go file).
	// Observed: go list's syntax errors, then the type checker's, then
	// the checker's skipped lines; exit 1.
	t.Run("syntax-error", func(t *testing.T) {
		t.Parallel()
		mod := copyModule(t, "e2e-odd")
		pkg := filepath.Join(mod, "cmd", "syntaxerr")
		src := "// Command syntaxerr does not parse.\npackage main\n\nimport \"net/http\"\n\nfunc main() {\n\thttp.ListenAndServe(\":8080\", nil\n}\n"
		if err := os.MkdirAll(pkg, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(pkg, "main.go"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		r := run(t, mod, bin, "./cmd/syntaxerr")
		checkNoInternalError(t, r)
		if r.code != 1 || r.stdout != "" {
			t.Errorf("want exit 1 and nothing on stdout, got\n%s", r)
		}
		if got := lines(relPaths(mod, r.stderr)); len(got) == 0 || got[0] != "cmd/syntaxerr/main.go:7:34: missing ',' before newline in argument list" {
			t.Errorf("want the syntax error first, got\n%s", r)
		}
	})

	// Under go vet, which hands the tool cgo's output and the files the
	// build constraints select: the same findings, paths relative to the
	// module, exit 1.
	t.Run("go-vet", func(t *testing.T) {
		t.Parallel()
		r := run(t, dir, goTool(t), "vet", "-vettool="+bin, "./cmd/cgo", "./cmd/generic", "./cmd/tags")
		checkNoInternalError(t, r)
		if r.code != 1 {
			t.Errorf("want exit 1, got\n%s", r)
		}
		got := lines(relPaths(dir, r.stderr))
		want := [][2]string{
			{"cmd/cgo/main.go:17:2: ", "never handles SIGTERM"},
			{"cmd/generic/main.go:45:2: ", sigintOnly},
			{"cmd/generic/main.go:47:2: ", "only SIGINT is handled here"},
		}
		for _, w := range want {
			if !containsLine(got, w[0], w[1]) {
				t.Errorf("want a line %q...%q, got\n%s", w[0], w[1], r)
			}
		}
		if len(got) != len(want) {
			t.Errorf("want %d lines, got\n%s", len(want), r)
		}
	})

	// cmd/huge with a generated file of about 20,000 lines instead of its
	// short gen.go, in a temporary copy of the module.
	t.Run("huge-file", func(t *testing.T) {
		t.Parallel()
		mod := copyModule(t, "e2e-odd")
		const chain = 300
		n, serveLine := writeHugeFile(t, filepath.Join(mod, "cmd", "huge", "gen.go"), chain)
		start := time.Now()
		r := run(t, mod, bin, "./cmd/huge")
		elapsed := time.Since(start)
		t.Logf("%d lines: %v", n, elapsed.Round(time.Millisecond))
		checkNoInternalError(t, r)
		if r.code != 3 || r.stdout != "" {
			t.Fatalf("want exit 3 and nothing on stdout, got\n%s", r)
		}
		// The serve call is in the package: the finding is there, at the
		// end of the chain, with the SIGINT-only Notify in main.go.
		got := lines(relPaths(mod, r.stderr))
		want := fmt.Sprintf("cmd/huge/gen.go:%d:33: server started via (*http.Server).ListenAndServe %s", serveLine, sigintOnly)
		if len(got) != 2 || !strings.HasPrefix(got[0], want) || !strings.HasPrefix(got[1], "cmd/huge/main.go:15:15: \tonly SIGINT is handled here") {
			t.Errorf("want %q... and the Notify in main.go, got\n%s", want, r)
		}
	})
}

func containsLine(lines []string, prefix, part string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) && strings.Contains(l, part) {
			return true
		}
	}
	return false
}

// writeHugeFile writes cmd/huge's generated file: newServer, a chain of
// calls from start to ListenAndServe, a big table and many functions
// with switches and loops. It returns the number of lines and the line of
// the ListenAndServe call.
func writeHugeFile(t *testing.T, name string, chain int) (n, serveLine int) {
	t.Helper()
	var b strings.Builder
	b.WriteString("// Code generated by odd_test.go; DO NOT EDIT.\n\npackage main\n\nimport \"net/http\"\n\n")
	b.WriteString("func newServer() *http.Server { return &http.Server{Addr: \":8080\"} }\n\n")
	b.WriteString("func start(s *http.Server) { chain0(s) }\n\n")
	for i := range chain - 1 {
		fmt.Fprintf(&b, "func chain%d(s *http.Server) {\n\tif len(table) > %d {\n\t\tchain%d(s)\n\t}\n}\n\n", i, i, i+1)
	}
	serveLine = strings.Count(b.String(), "\n") + 1
	fmt.Fprintf(&b, "func chain%d(s *http.Server) { s.ListenAndServe() }\n\n", chain-1)
	b.WriteString("var table = []int{\n")
	for i := range 6200 {
		fmt.Fprintf(&b, "\t%d,\n", i*7%1000)
	}
	b.WriteString("}\n\n")
	for i := range 1000 {
		fmt.Fprintf(&b, `func fill%d(x int) int {
	switch x %% 4 {
	case 0:
		return table[x%%len(table)] + %d
	case 1:
		for i := range x %% 10 {
			x += i
		}
	}
	return fill%d(x - 1)
}

`, i, i, (i+1)%1000)
	}
	if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return strings.Count(b.String(), "\n"), serveLine
}
