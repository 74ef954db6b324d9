package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// TestRuleSwitches runs the command on testdata/e2e with and without
// -sigtermlint.disable=no-sigterm, standalone and under go vet: the
// switched run reports exactly the findings of the full run that are
// not no-sigterm. An unknown category is one line on stderr, exit 2.
func TestRuleSwitches(t *testing.T) {
	t.Parallel()
	bin := sigtermlint(t)
	dir := testdataDir(t, "e2e")
	keys := func(byPkg map[string][]jsonDiag, drop string) []string {
		var out []string
		for pkg, diags := range byPkg {
			for _, d := range diags {
				if d.Category != drop {
					out = append(out, pkg+" "+d.Category+" "+d.Posn+" "+d.Message)
				}
			}
		}
		slices.Sort(out)
		return out
	}
	standalone := func(args ...string) map[string][]jsonDiag {
		r := run(t, dir, bin, append([]string{"-json"}, args...)...)
		if r.code != 0 {
			t.Fatalf("want exit 0 with -json, got\n%s", r)
		}
		var obj map[string]map[string]json.RawMessage
		if err := json.Unmarshal([]byte(r.stdout), &obj); err != nil {
			t.Fatalf("stdout is not JSON: %v\n%s", err, r)
		}
		return jsonFindings(t, dir, obj)
	}
	vet := func(args ...string) map[string][]jsonDiag {
		r := run(t, dir, goTool(t), append([]string{"vet", "-vettool=" + bin, "-json"}, args...)...)
		if r.code != 0 {
			t.Fatalf("want exit 0, got\n%s", r)
		}
		return vetJSONFindings(t, dir, r.stdout)
	}
	for name, lint := range map[string]func(...string) map[string][]jsonDiag{"standalone": standalone, "vet": vet} {
		t.Run(name, func(t *testing.T) {
			full := lint("./...")
			if len(keys(full, "")) == len(keys(full, "no-sigterm")) {
				t.Fatalf("testdata/e2e has no no-sigterm finding: the switch is not tested")
			}
			switched := lint("-sigtermlint.disable=no-sigterm", "./...")
			if got, want := keys(switched, ""), keys(full, "no-sigterm"); !slices.Equal(got, want) {
				t.Errorf("with -sigtermlint.disable=no-sigterm:\n%s\nwant the full run without no-sigterm:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			only := lint("-sigtermlint.enable=no-sigterm", "./...")
			if got, want := keys(only, ""), keys(full, ""); len(got) == 0 || len(got) >= len(want) {
				t.Errorf("with -sigtermlint.enable=no-sigterm: %d findings, want some, fewer than the full run's %d", len(got), len(want))
			}
			for _, k := range keys(only, "") {
				if !strings.Contains(k, " no-sigterm ") {
					t.Errorf("with -sigtermlint.enable=no-sigterm: %s", k)
				}
			}
		})
	}
	t.Run("unknown", func(t *testing.T) {
		r := run(t, dir, bin, "-sigtermlint.disable=no-sigterm,no-sigkill", "./...")
		if r.code != 2 {
			t.Errorf("want exit 2, got\n%s", r)
		}
		if lines := strings.Split(strings.TrimSpace(r.stderr), "\n"); len(lines) != 1 || !strings.Contains(lines[0], `unknown category "no-sigkill"`) {
			t.Errorf("want one line naming the unknown category, got\n%s", r)
		}
	})
}
