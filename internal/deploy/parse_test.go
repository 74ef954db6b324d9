package deploy

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestExecSleep(t *testing.T) {
	tests := []struct {
		argv []string
		want time.Duration // -1: none
	}{
		{[]string{"sleep", "5"}, 5 * time.Second},
		{[]string{"/bin/sleep", "5"}, 5 * time.Second},
		{[]string{"/usr/bin/sleep", "1.5"}, 1500 * time.Millisecond},
		{[]string{"sleep", "5s"}, 5 * time.Second},
		{[]string{"sleep", "1m"}, time.Minute},
		{[]string{"sleep", "1", "2"}, 3 * time.Second},
		{[]string{"sleep", ".5"}, 500 * time.Millisecond},
		{[]string{"sh", "-c", "sleep 5"}, 5 * time.Second},
		{[]string{"/bin/sh", "-c", "sleep 5 && nginx -s quit"}, 5 * time.Second},
		{[]string{"/bin/sh", "-c", "sleep 5; nginx -s quit"}, 5 * time.Second},
		{[]string{"/bin/sh", "-c", "sleep 5 || true"}, 5 * time.Second},
		{[]string{"bash", "-o", "pipefail", "-c", "sleep 2 | cat"}, 2 * time.Second},
		{[]string{"bash", "-lc", "exec sleep 8"}, 8 * time.Second},
		{[]string{"sh", "-c", "  sleep   '4'  "}, 4 * time.Second},
		{[]string{"sh", "-c", "set -e; echo bye && sleep 6"}, 6 * time.Second},
		{[]string{"sh", "-c", "# wait for the endpoints\nsleep 9"}, 9 * time.Second},
		{[]string{"busybox", "sleep", "4"}, 4 * time.Second},
		{[]string{"sh", "-c", "sleep 5 &"}, -1},
		{[]string{"sh", "-c", "true || sleep 5"}, -1},
		{[]string{"sh", "-c", "nginx -s quit && sleep 5"}, -1},
		{[]string{"sh", "-c", "sleep $DELAY"}, -1},
		{[]string{"sh", "-c", "sleep infinity"}, -1},
		{[]string{"sh", "sleep 5"}, -1}, // no -c: a script file
		{[]string{"sh", "-c", "sleep 'unterminated"}, -1},
		{[]string{"sleep"}, -1},
		{[]string{"sleep", "5x"}, -1},
		{[]string{"sleep", "1e3"}, -1},
		{[]string{"nginx", "-s", "quit"}, -1},
		{nil, -1},
	}
	for _, tt := range tests {
		got, ok := execSleep(tt.argv)
		if !ok {
			got = -1
		}
		if got != tt.want {
			t.Errorf("execSleep(%q) = %v, %v; want %v", tt.argv, got, ok, tt.want)
		}
	}
}

func TestParseComposeDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration // -1: error
	}{
		{"10s", 10 * time.Second}, {"1m30s", 90 * time.Second}, {"1h", time.Hour}, {"300ms", 300 * time.Millisecond},
		{"1.5m", 90 * time.Second}, {"2h45m", 2*time.Hour + 45*time.Minute}, {"1d", 24 * time.Hour}, {"1w", 7 * 24 * time.Hour},
		{"500us", 500 * time.Microsecond}, {"0", 0}, {"0s", 0},
		{"10", -1}, {"", -1}, {"s", -1}, {"10x", -1}, {"-5s", -1}, {"1m30", -1}, {"1..5s", -1},
	}
	for _, tt := range tests {
		got, err := parseComposeDuration(tt.in)
		if err != nil {
			got = -1
		}
		if got != tt.want {
			t.Errorf("parseComposeDuration(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestInterpolate(t *testing.T) {
	tests := []struct{ in, want, vars string }{
		{"30s", "30s", ""},
		{"${GRACE:-45s}", "45s", "GRACE"},
		{"${GRACE-1m}", "1m", "GRACE"},
		{"$${X}", "${X}", ""},
		{"${GRACE}", "", "error"},
		{"$GRACE", "", "error"},
		{"${GRACE:?must be set}", "", "error"},
		{"${A:-${B:-1s}}", "", "error"},
	}
	for _, tt := range tests {
		got, vars, err := interpolate(tt.in)
		gotVars := strings.Join(vars, ",")
		if err != nil {
			gotVars = "error"
		}
		if got != tt.want || gotVars != tt.vars {
			t.Errorf("interpolate(%q) = %q, %q; want %q, %q", tt.in, got, gotVars, tt.want, tt.vars)
		}
	}
}

func TestSplitWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"serve --addr :8080", []string{"serve", "--addr", ":8080"}},
		{`sh -c "sleep 5 && exit"`, []string{"sh", "-c", "sleep 5 && exit"}},
		{`echo 'a b' c\ d "e\"f"`, []string{"echo", "a b", "c d", `e"f`}},
		{"a && b", []string{"a", "&&", "b"}},
		{`unterminated "quote`, []string{"unterminated", `"quote`}},
	}
	for _, tt := range tests {
		if got := splitWords(tt.in); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("splitWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestYAMLErrorLines(t *testing.T) {
	tests := []struct {
		name, content string
		want          string
	}{
		{"scanner error", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   bad: [\n", "x.yaml:5: YAML does not parse: mapping values are not allowed in this context"},
		{"parser error", "apiVersion: v1\nkind: Pod\nspec:\n  a: 1\n b: 2\n", "x.yaml:5: YAML does not parse: did not find expected key"},
		{"tab", "apiVersion: v1\nkind: Pod\nspec:\n\tcontainers: []\n", "x.yaml:4: YAML does not parse: found character that cannot start any token"},
		{"first line", "{kind: [1, 2}\n", "x.yaml:1: YAML does not parse: did not find expected ',' or ']'"},
		{"unknown anchor", "kind: Pod\napiVersion: v1\nspec: *nowhere\n", "x.yaml: YAML does not parse: unknown anchor 'nowhere' referenced"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := loadContent(t, "x.yaml", tt.content)
			checkStrings(t, "warnings", s.Warnings, []string{tt.want})
		})
	}
}

func loadContent(t *testing.T, name, content string) *Set {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(dir, []string{name})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// billionLaughs builds a Pod whose container list is an alias bomb: nine
// levels of ten references each, 10^9 strings when expanded.
func billionLaughs() string {
	var b strings.Builder
	b.WriteString("apiVersion: v1\nkind: Pod\nmetadata:\n  name: lol\n")
	b.WriteString(`l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]` + "\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "l%d: &l%d [", i, i)
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, "*l%d", i-1)
		}
		b.WriteString("]\n")
	}
	b.WriteString("spec:\n  containers: *l9\n")
	return b.String()
}

// mergeBomb nests merge keys: each level merges the previous one ten
// times, so a lookup that followed every merge would visit 10^8 mappings.
func mergeBomb() string {
	var b strings.Builder
	b.WriteString("# kind\nm0: &m0 {a: 1}\n")
	for i := 1; i <= 8; i++ {
		fmt.Fprintf(&b, "m%d: &m%d {<<: [", i, i)
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, "*m%d", i-1)
		}
		b.WriteString("]}\n")
	}
	// No apiVersion and kind of its own: the lookups for them search
	// every merge.
	b.WriteString("<<: *m8\n")
	return b.String()
}

// mergeBombContainers is a Deployment with many containers that each
// merge the merge bomb.
func mergeBombContainers() string {
	var b strings.Builder
	b.WriteString("apiVersion: apps/v1\nkind: Deployment\n")
	b.WriteString(strings.TrimSuffix(strings.TrimPrefix(mergeBomb(), "# kind\n"), "<<: *m8\n"))
	b.WriteString("spec:\n  template:\n    spec:\n      containers:\n")
	for i := 0; i < 10000; i++ {
		b.WriteString("        - <<: *m8\n")
	}
	return b.String()
}

func TestHostileYAMLIsBounded(t *testing.T) {
	deepBlock := func(n int) string {
		var b strings.Builder
		b.WriteString("kind: Pod\napiVersion: v1\nspec:\n")
		for i := 0; i < n; i++ {
			b.WriteString(strings.Repeat(" ", i+2))
			b.WriteString("a:\n")
		}
		return b.String()
	}
	tests := []struct {
		name, content string
		warning       string // "" for none
	}{
		{"billion laughs", billionLaughs(), "x.yaml:1: YAML document rejected: document contains excessive aliasing"},
		{"anchor containing itself", "apiVersion: v1\nkind: Pod\nspec: &s\n  containers: [*s]\n", "x.yaml:1: YAML document rejected: anchor 's' value contains itself"},
		{"deep flow nesting", "apiVersion: v1\nkind: Pod\nspec: " + strings.Repeat("[", 100000) + "\n", "x.yaml:3: YAML does not parse: exceeded max depth of 10000"},
		{"deep flow nesting on line 1", "kind: " + strings.Repeat("{apiVersion: v1, kind: ", 20000), "x.yaml:1: YAML does not parse: exceeded max depth of 10000"},
		{"deep block sequence", "# apiVersion: v1\n" + strings.Repeat("- ", 20000) + "kind: x\n", "x.yaml:2: YAML does not parse: exceeded max depth of 10000"},
		// 2000 levels of indentation (2 MiB): under the library's depth
		// limit; parsed, then nothing is read.
		{"deep block mapping within limits", deepBlock(2000), ""},
		{"merge-key fan-out", mergeBomb(), ""},
		{"merge-key fan-out in containers", mergeBombContainers(), "x.yaml:1: YAML document rejected: document contains excessive aliasing"},
		{"deep but legal flow nesting", "apiVersion: v1\nkind: Pod\nspec: " + strings.Repeat("[", 9000) + strings.Repeat("]", 9000) + "\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "x.yaml"), []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			// Named explicitly (the file may be compose) and discovered
			// (Kubernetes only).
			for _, how := range []string{"Load", "Discover"} {
				start := time.Now()
				var s *Set
				var err error
				if how == "Load" {
					s, err = Load(dir, []string{"x.yaml"})
				} else {
					s, err = Discover(dir, "")
				}
				elapsed := time.Since(start)
				if err != nil {
					t.Fatal(err)
				}
				t.Logf("%s: %d bytes in %v", how, len(tt.content), elapsed)
				if elapsed > time.Second {
					t.Errorf("%s took %v, want well under a second", how, elapsed)
				}
				var want []string
				if tt.warning != "" {
					want = []string{tt.warning}
				}
				checkStrings(t, how+" warnings", s.Warnings, want)
				if len(s.Containers) != 0 {
					t.Errorf("%s: containers from a hostile document: %+v", how, s.Containers)
				}
			}
		})
	}
}
