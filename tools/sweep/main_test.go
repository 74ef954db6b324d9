package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadList(t *testing.T) {
	commit := strings.Repeat("a", 40)
	progs, err := readList(write(t, "# comment\n\nacme/api "+commit+" api ./cmd/api -tags=dev\n"))
	if err != nil || len(progs) != 1 || progs[0].Package != "./cmd/api" || progs[0].Flags[0] != "-tags=dev" {
		t.Fatalf("got %+v, %v", progs, err)
	}
	for _, bad := range []string{"acme/api " + commit + " api\n", "api " + commit + " api .\n", "acme/api abc api .\n"} {
		if _, err := readList(write(t, bad)); err == nil {
			t.Errorf("%q: want an error", bad)
		}
	}
}

func TestReadTriage(t *testing.T) {
	v, err := readTriage(write(t, "# header\nacme/api\tmain.go:12\tno-sigterm\ttp\tno signal handling\n"))
	if err != nil || v[triageKey{"acme/api", "main.go:12", "no-sigterm"}].verdict != "tp" {
		t.Fatalf("got %v, %v", v, err)
	}
	for _, bad := range []string{
		"acme/api\tmain.go:12\tno-sigterm\tmaybe\tx\n",
		"acme/api\tmain.go:12\tno-sigterm\ttp\n",
		"acme/api\tmain.go:12\tno-sigterm\ttp\tx\nacme/api\tmain.go:12\tno-sigterm\tfp\ty\n",
	} {
		if _, err := readTriage(write(t, bad)); err == nil {
			t.Errorf("%q: want an error", bad)
		}
	}
}

func TestFindingKey(t *testing.T) {
	f := finding{Category: "no-sigterm", Posn: "cmd/api/main.go:12:6"}
	if k := f.key("acme/api"); k.posn != "cmd/api/main.go:12" {
		t.Errorf("key posn %q, want the column dropped", k.posn)
	}
}

func TestFirstLineNamesNoHost(t *testing.T) {
	got := firstLine([]byte("# pkg\nx.go:8:2: example.com/m@v1: reading https://mirror.example/example.com/m/@v/v1.zip: 403 Forbidden\n"))
	if strings.Contains(got, "https://") || !strings.Contains(got, "downloading the module: 403 Forbidden") {
		t.Errorf("got %q", got)
	}
}

func TestTable(t *testing.T) {
	rs := []result{
		{program: program{Repo: "acme/api", Commit: strings.Repeat("b", 40), Dir: "api", Package: "."}, LoadSeconds: 1, AnalysisSeconds: 0.5,
			Findings: []finding{{Category: "no-sigterm", Posn: "main.go:3:1", Verdict: "tp", Note: "cut off"}, {Category: "no-shutdown", Posn: "main.go:9:1", Verdict: "fp", Note: "drained | elsewhere"}}},
		{program: program{Repo: "acme/web", Commit: strings.Repeat("c", 40), Dir: "web", Package: "."}, Error: "load: no go.mod"},
	}
	got := table(rs)
	for _, want := range []string{
		"2 programs (1 did not load or failed), 2 findings: 1 true positives, 1 false positives, 0 unclear, 0 untriaged; precision on judged findings 0.500 (1/2)",
		"| acme/api | bbbbbbbbbbbb | `.` | 1.0s | 0.5s | no-shutdown 1, no-sigterm 1 | fp 1, tp 1 |",
		"| acme/web | cccccccccccc | `.` | 0.0s | 0.0s | error: load: no go.mod | – |",
		`drained \| elsewhere`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("table lacks %q:\n%s", want, got)
		}
	}
	if table(rs) != got {
		t.Error("table is not deterministic")
	}
}
