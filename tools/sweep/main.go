// Command sweep runs sigtermlint on a list of public Go programs, checked
// out locally at pinned commits, and writes the results: one JSON file and
// a markdown table (in docs/real-world.md between its sweep markers) with,
// per program, the load time, the analysis time, the findings by category
// and the verdict of each finding from a committed triage file.
//
//	go run ./tools/sweep -root /path/to/checkouts
//	go run ./tools/sweep -retriage    # after editing the triage file
//
// The list (docs/real-world/list.txt) has one program per line:
//
//	owner/name  commit  module-dir  main-package  [build flags...]
//
// module-dir is the directory of the program's go.mod below -root (the
// checkout, or a module inside it); main-package is a pattern relative to
// it ("." or "./cmd/api"); build flags go to GOFLAGS ("-tags=dev"). A
// checkout at another commit than the list's is an error for that line.
//
// The load time is the wall time of the same driver running an analyzer
// that does nothing but declares a fact type (bench/noop -noopfacts), so
// that, like sigtermlint, it loads and type-checks every dependency from
// source; measured after one untimed run that warms the go
// command's caches; the analysis time is sigtermlint's wall time minus
// that. A program that does not load is reported with the
// first line of the cause, and the sweep goes on.
//
// The triage file (docs/real-world/triage.tsv) has one finding per line:
//
//	owner/name  file:line  category  verdict  note
//
// with tab-separated fields, file relative to module-dir, verdict one of
// tp (true positive), fp (false positive) or unclear. Findings without a
// line there are "untriaged", and triage lines that match no finding are
// listed as stale. Re-running on the same commits gives the same findings
// and verdicts; only the times move.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

var (
	root      = flag.String("root", "", "directory holding the checkouts (required)")
	listFile  = flag.String("list", "docs/real-world/list.txt", "the programs to sweep")
	triageTSV = flag.String("triage", "docs/real-world/triage.tsv", "the verdicts")
	outJSON   = flag.String("out", "docs/real-world/results.json", "where to write the results")
	docFile   = flag.String("doc", "docs/real-world.md", "markdown file whose sweep section is rewritten")
	timeout   = flag.Duration("timeout", 10*time.Minute, "time limit of one run")
	only      = flag.String("only", "", "sweep only the lines whose repository contains this, replacing their entries in the results file")
	retriage  = flag.Bool("retriage", false, "do not run anything: re-apply the triage file to the results file and rewrite the table")
)

func main() {
	flag.Parse()
	if *root == "" && !*retriage {
		fail("-root is required: the directory holding the checkouts")
	}
	progs, err := readList(*listFile)
	check(err)
	verdicts, err := readTriage(*triageTSV)
	check(err)
	if *only != "" {
		var kept []program
		for _, p := range progs {
			if strings.Contains(p.Repo, *only) {
				kept = append(kept, p)
			}
		}
		progs = kept
	}

	var results []result
	if *retriage {
		data, err := os.ReadFile(*outJSON)
		check(err)
		check(json.Unmarshal(data, &results))
	} else {
		tmp, err := os.MkdirTemp("", "sigtermlint-sweep-")
		check(err)
		defer os.RemoveAll(tmp)
		tool, noop := filepath.Join(tmp, "sigtermlint"), filepath.Join(tmp, "noop")
		build(tool, "./cmd/sigtermlint")
		build(noop, "./bench/noop")
		for _, p := range progs {
			results = append(results, sweep(p, tool, noop))
		}
		if *only != "" {
			results = merge(*outJSON, results)
		}
	}
	for i := range results {
		r := &results[i]
		p := r.program
		for i := range r.Findings {
			f := &r.Findings[i]
			if v, ok := verdicts[f.key(p.Repo)]; ok {
				f.Verdict, f.Note = v.verdict, v.note
				v.used = true
			} else {
				f.Verdict = "untriaged"
			}
		}
		fmt.Fprintf(os.Stderr, "%-45s %-28s load %6.1fs analysis %6.1fs findings %d %s\n",
			p.Repo, p.Package, r.LoadSeconds, r.AnalysisSeconds, len(r.Findings), r.Error)
	}
	var stale []string
	for k, v := range verdicts {
		if !v.used && (*only == "" || strings.Contains(k.repo, *only)) {
			stale = append(stale, fmt.Sprintf("%s %s %s", k.repo, k.posn, k.category))
		}
	}
	sort.Strings(stale)
	for _, s := range stale {
		fmt.Fprintf(os.Stderr, "stale triage line (no such finding): %s\n", s)
	}

	data, err := json.MarshalIndent(results, "", "  ")
	check(err)
	check(os.WriteFile(*outJSON, append(data, '\n'), 0o644))
	check(rewriteDoc(*docFile, table(results)))
}

// program is one line of the list.
type program struct {
	Repo, Commit, Dir, Package string
	Flags                      []string
}

// result is what the sweep found for one program.
type result struct {
	program
	LoadSeconds     float64   `json:"load_seconds"`
	AnalysisSeconds float64   `json:"analysis_seconds"`
	Error           string    `json:"error,omitempty"`
	Findings        []finding `json:"findings"`
}

type finding struct {
	Category string `json:"category"`
	Posn     string `json:"posn"` // file:line:col, relative to the module dir
	Message  string `json:"message"`
	Verdict  string `json:"verdict"`
	Note     string `json:"note,omitempty"`
}

// triageKey identifies a finding across runs: the column is left out.
type triageKey struct{ repo, posn, category string }

func (f finding) key(repo string) triageKey {
	posn := f.Posn
	if i := strings.LastIndex(posn, ":"); i > strings.LastIndex(posn, ".go") {
		if j := strings.LastIndex(posn[:i], ":"); j > 0 {
			posn = posn[:i] // drop the column
		}
	}
	return triageKey{repo, posn, f.Category}
}

type verdict struct {
	verdict, note string
	used          bool
}

func readList(name string) ([]program, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var out []program
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 {
			return nil, fmt.Errorf("%s:%d: want owner/name commit module-dir main-package [build flags], got %q", name, i+1, line)
		}
		if !strings.Contains(f[0], "/") || len(f[1]) != 40 {
			return nil, fmt.Errorf("%s:%d: want owner/name and a 40-hex commit, got %q %q", name, i+1, f[0], f[1])
		}
		out = append(out, program{Repo: f[0], Commit: f[1], Dir: f[2], Package: f[3], Flags: f[4:]})
	}
	return out, nil
}

func readTriage(name string) (map[triageKey]*verdict, error) {
	out := map[triageKey]*verdict{}
	data, err := os.ReadFile(name)
	if errors.Is(err, os.ErrNotExist) {
		return out, nil
	}
	if err != nil {
		return nil, err
	}
	for i, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("%s:%d: want 5 tab-separated fields (repo, file:line, category, verdict, note), got %d", name, i+1, len(f))
		}
		switch f[3] {
		case "tp", "fp", "unclear":
		default:
			return nil, fmt.Errorf("%s:%d: verdict %q is not tp, fp or unclear", name, i+1, f[3])
		}
		k := triageKey{f[0], f[1], f[2]}
		if _, dup := out[k]; dup {
			return nil, fmt.Errorf("%s:%d: %s %s %s judged twice", name, i+1, f[0], f[1], f[2])
		}
		out[k] = &verdict{verdict: f[3], note: f[4]}
	}
	return out, nil
}

// sweep runs the floor and sigtermlint on one program.
func sweep(p program, tool, noop string) result {
	r := result{program: p, Findings: []finding{}}
	dir := filepath.Join(*root, filepath.FromSlash(p.Dir))
	if head, err := gitHead(dir); err != nil {
		r.Error = "checkout: " + err.Error()
		return r
	} else if head != p.Commit {
		r.Error = fmt.Sprintf("checkout is at %s, the list says %s", head, p.Commit)
		return r
	}
	env := append(os.Environ(), "GOFLAGS="+strings.Join(p.Flags, " "))

	// A first run warms the go command's caches (go list, the build
	// cache), so that neither timed run pays for them.
	run(dir, env, noop, "-noopfacts", "-test=false", p.Package)
	load, stdout, stderr, code := run(dir, env, noop, "-noopfacts", "-test=false", p.Package)
	r.LoadSeconds = round(load.Seconds())
	if code != 0 {
		r.Error = "load: " + firstLine(append(stderr, stdout...))
		return r
	}
	total, stdout, stderr, code := run(dir, env, tool, "-test=false", "-json", p.Package)
	r.AnalysisSeconds = round(max(0, total.Seconds()-load.Seconds()))
	if code != 0 || bytes.Contains(stderr, []byte("panic:")) || bytes.Contains(stderr, []byte("internal error")) {
		r.Error = "sigtermlint: " + firstLine(append(stderr, stdout...))
		return r
	}
	fs, err := decode(stdout, dir)
	if err != nil {
		r.Error = "sigtermlint -json: " + err.Error()
		return r
	}
	r.Findings = fs
	return r
}

// decode reads -json output: package -> analyzer -> diagnostics, or an
// error object.
func decode(out []byte, dir string) ([]finding, error) {
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(out, &tree); err != nil {
		return nil, err
	}
	var fs []finding
	for pkg, analyzers := range tree {
		for name, raw := range analyzers {
			var diags []struct {
				Category string `json:"category"`
				Posn     string `json:"posn"`
				Message  string `json:"message"`
			}
			if err := json.Unmarshal(raw, &diags); err != nil {
				var e struct {
					Error string `json:"error"`
				}
				if json.Unmarshal(raw, &e) == nil && e.Error != "" {
					return nil, fmt.Errorf("%s: %s: %s", pkg, name, e.Error)
				}
				return nil, fmt.Errorf("%s: %s: %v", pkg, name, err)
			}
			for _, d := range diags {
				posn := d.Posn
				if rel, err := filepath.Rel(dir, posn); err == nil && !strings.HasPrefix(rel, "..") {
					posn = filepath.ToSlash(rel)
				}
				fs = append(fs, finding{Category: d.Category, Posn: posn, Message: d.Message})
			}
		}
	}
	sort.Slice(fs, func(i, j int) bool {
		if fs[i].Posn != fs[j].Posn {
			return fs[i].Posn < fs[j].Posn
		}
		return fs[i].Category < fs[j].Category
	})
	return fs, nil
}

// run runs name in dir and returns its wall time, stdout, stderr and
// exit status (-1 when it did not run or timed out).
func run(dir string, env []string, name string, args ...string) (time.Duration, []byte, []byte, int) {
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir, cmd.Env = dir, env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	code := 0
	if err != nil {
		code = -1
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		}
		if ctx.Err() != nil {
			stderr.WriteString("timed out after " + timeout.String())
		}
	}
	return d, stdout.Bytes(), stderr.Bytes(), code
}

func gitHead(dir string) (string, error) {
	out, err := exec.Command("git", "-C", dir, "rev-parse", "HEAD").Output()
	if err != nil {
		return "", fmt.Errorf("%s: not a git checkout", dir)
	}
	return strings.TrimSpace(string(out)), nil
}

func build(out, pkg string) {
	cmd := exec.Command("go", "build", "-o", out, pkg)
	if b, err := cmd.CombinedOutput(); err != nil {
		fail("go build %s: %v\n%s", pkg, err, b)
	}
}

// table renders the results as markdown.
func table(results []result) string {
	var b strings.Builder
	var load, analysis float64
	counts := map[string]int{}
	var all []finding
	var allRepo []string
	failed := 0
	for _, r := range results {
		load += r.LoadSeconds
		analysis += r.AnalysisSeconds
		if r.Error != "" {
			failed++
		}
		for _, f := range r.Findings {
			counts[f.Verdict]++
			all = append(all, f)
			allRepo = append(allRepo, r.Repo)
		}
	}
	judged := counts["tp"] + counts["fp"]
	precision := "n/a"
	if judged > 0 {
		precision = fmt.Sprintf("%.3f", float64(counts["tp"])/float64(judged))
	}
	fmt.Fprintf(&b, "%d programs (%d did not load or failed), %d findings: %d true positives, %d false positives, %d unclear, %d untriaged; precision on judged findings %s (%d/%d). Load (the no-op floor) %.1fs in total, analysis beyond it %.1fs.\n\n",
		len(results), failed, len(all), counts["tp"], counts["fp"], counts["unclear"], counts["untriaged"], precision, counts["tp"], judged, load, analysis)
	b.WriteString("| repository | commit | main package | load | analysis | findings | verdicts |\n|---|---|---|---|---|---|---|\n")
	for _, r := range results {
		byCat := map[string]int{}
		byVerdict := map[string]int{}
		for _, f := range r.Findings {
			byCat[f.Category]++
			byVerdict[f.Verdict]++
		}
		findings := joinCounts(byCat)
		if r.Error != "" {
			findings = "error: " + strings.ReplaceAll(r.Error, "|", `\|`)
		}
		pkg := r.Package
		if r.Dir != path(r.Repo) {
			pkg = strings.TrimPrefix(strings.TrimPrefix(r.Dir, path(r.Repo)), "/") + " " + pkg
		}
		if len(r.Flags) > 0 {
			pkg += " (" + strings.Join(r.Flags, " ") + ")"
		}
		fmt.Fprintf(&b, "| %s | %s | `%s` | %.1fs | %.1fs | %s | %s |\n", r.Repo, r.Commit[:12], strings.TrimSpace(pkg), r.LoadSeconds, r.AnalysisSeconds, findings, joinCounts(byVerdict))
	}
	if len(all) > 0 {
		b.WriteString("\n| repository | position | category | verdict | why |\n|---|---|---|---|---|\n")
		for i, f := range all {
			fmt.Fprintf(&b, "| %s | `%s` | %s | %s | %s |\n", allRepo[i], f.Posn, f.Category, f.Verdict, strings.ReplaceAll(f.Note, "|", `\|`))
		}
	}
	return b.String()
}

// path is the checkout directory a repository is expected in: its name.
func path(repo string) string { return repo[strings.LastIndex(repo, "/")+1:] }

func joinCounts(m map[string]int) string {
	if len(m) == 0 {
		return "–"
	}
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}

const (
	beginMarker = "<!-- sweep:begin (generated by go run ./tools/sweep; do not edit) -->"
	endMarker   = "<!-- sweep:end -->"
)

// rewriteDoc replaces the text between the sweep markers of name.
func rewriteDoc(name, body string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	s := string(data)
	i, j := strings.Index(s, beginMarker), strings.Index(s, endMarker)
	if i < 0 || j < i {
		return fmt.Errorf("%s: no %q ... %q section", name, beginMarker, endMarker)
	}
	s = s[:i+len(beginMarker)] + "\n" + body + s[j:]
	return os.WriteFile(name, []byte(s), 0o644)
}

// modcache is the module cache, named $GOMODCACHE in error lines.
var modcache = func() string {
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}()

// urlRE matches a URL in an error line: results and notes name no
// download host, only that a download failed.
var urlRE = regexp.MustCompile(`(reading )?https?://[^\s]+?(: |$)`)

func firstLine(out []byte) string {
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			l = urlRE.ReplaceAllString(l, "downloading the module: ")
			if modcache != "" {
				l = strings.ReplaceAll(l, modcache+string(filepath.Separator), "$GOMODCACHE/")
			}
			return strings.ReplaceAll(l, filepath.Clean(*root)+string(filepath.Separator), "")
		}
	}
	return "(no output)"
}

func round(x float64) float64 { return float64(int(x*10+0.5)) / 10 }

func check(err error) {
	if err != nil {
		fail("%v", err)
	}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "sweep: "+format+"\n", args...)
	os.Exit(2)
}

// merge puts fresh results in place of the entries of the same program in
// the results file, in the file's order.
func merge(name string, fresh []result) []result {
	data, err := os.ReadFile(name)
	check(err)
	var old []result
	check(json.Unmarshal(data, &old))
	byProg := map[string]result{}
	id := func(p program) string { return p.Repo + " " + p.Dir + " " + p.Package }
	for _, r := range fresh {
		byProg[id(r.program)] = r
	}
	for i, r := range old {
		if f, ok := byProg[id(r.program)]; ok {
			old[i] = f
			delete(byProg, id(r.program))
		}
	}
	for _, r := range fresh {
		if _, left := byProg[id(r.program)]; left {
			old = append(old, r)
		}
	}
	return old
}
