package main

// End-to-end tests: the sigtermlint binary, built once, run the ways users
// run it (standalone, -json, -fix, under go vet and go fix) on the modules
// in testdata/e2e, testdata/e2e-clean and testdata/e2e-broken, and the
// shutdown analyzer's findings and -sigtermlint.stop-timeout flag on
// testdata/e2e-drain, and the deployment manifests read by
// -sigtermlint.manifests on testdata/e2e-manifests.
//
// Observed with x/tools v0.52.0 and go1.26.8, which the assertions encode:
//   - standalone text: diagnostics on stderr with absolute paths, exit 3;
//     exit 0 and no output when clean; exit 1 on load or type errors.
//   - -json: one JSON object on stdout, exit 0 with findings; a package
//     with a test file appears twice, as "p" and "p [p.test]".
//   - -fix -diff: the unified diff on stdout, exit 0, no file written.
//     -diff without -fix is ignored: plain text diagnostics, exit 3.
//   - go vet -vettool: diagnostics on stderr with paths relative to the
//     module root, exit 1; -json: a stream of JSON objects on stdout (one
//     per package, {} when empty), exit 0; -fix -diff: the diff, exit 1.
//   - go fix -fixtool -diff: the diff, exit 1 (non-empty diff).
//   - -sigtermlint.stop-timeout: go vet accepts and passes it on. A bad
//     value exits 2 standalone; under go vet, every run of the tool (one
//     per package, the standard library's included) prints the error and
//     the usage, and go vet exits 1.
//   - -sigtermlint.manifests (default auto): a manifest that does not
//     parse is one "sigtermlint: warning: FILE:LINE: msg" line on stderr
//     per process (standalone: once, absolute path; go vet: once per
//     package main vetted, path "./deploy/broken.yaml"), and the lint
//     goes on. go vet caches the diagnostics, not the warning (go vet
//     and go vet -json share the cache), and its cache key does not
//     cover the manifests.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"go/format"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	binDir    string // temporary directory holding the binary, made by TestMain
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "sigtermlint-e2e-")
	if err != nil {
		panic(err)
	}
	binDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// sigtermlint returns the path of the binary, building it on first use.
// Every test shares the one build.
func sigtermlint(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test: builds the binary and runs go list/go vet on testdata modules; skipped with -short")
	}
	gocmd := goTool(t)
	buildOnce.Do(func() {
		bin := filepath.Join(binDir, "sigtermlint")
		// The environment go test runs with is the right one to build
		// this module; only VCS stamping is turned off.
		cmd := exec.Command(gocmd, "build", "-buildvcs=false", "-o", bin, ".")
		out, err := cmd.CombinedOutput()
		if err != nil {
			buildErr = errors.New("go build: " + err.Error() + "\n" + string(out))
			return
		}
		binPath = bin
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

func goTool(t *testing.T) string {
	t.Helper()
	// go test puts its own GOROOT/bin first in PATH.
	path, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("go command not found: %v", err)
	}
	return path
}

// env is the environment of the commands under test: the caller's, with
// GOPATH, GOCACHE, HOME and PATH kept, and everything that could change
// how packages are found or built reset. The testdata modules have no
// dependencies, so the module proxy is off.
func env() []string {
	drop := []string{"GOFLAGS", "GOWORK", "GOPACKAGESDRIVER", "GOOS", "GOARCH", "GO111MODULE", "GOTOOLCHAIN", "GOPROXY", "PWD"}
	var out []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if !slices.Contains(drop, name) {
			out = append(out, kv)
		}
	}
	return append(out, "GOFLAGS=", "GOWORK=off", "GO111MODULE=on", "GOTOOLCHAIN=local", "GOPROXY=off")
}

type result struct {
	stdout, stderr string
	code           int
}

func (r result) String() string {
	return "exit " + strconv.Itoa(r.code) + "\n--- stdout:\n" + r.stdout + "\n--- stderr:\n" + r.stderr
}

// goroutineTrace matches the header of a goroutine's stack in a crash
// ("goroutine 1 [running]:"), not the word in help text.
var goroutineTrace = regexp.MustCompile(`(?m)^goroutine \d+ \[`)

// run runs name with args in dir and checks that nothing crashed.
func run(t *testing.T, dir, name string, args ...string) result {
	t.Helper()
	return runEnv(t, dir, nil, name, args...)
}

// runEnv is run with extra environment variables, which win over env's
// (GO111MODULE=off and a GOPATH for the GOPATH-layout testdata).
func runEnv(t *testing.T, dir string, extra []string, name string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(append(env(), "PWD="+dir), extra...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit) && exit.Exited():
		r.code = exit.ExitCode()
	default:
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, r)
	}
	for _, out := range []string{r.stdout, r.stderr} {
		if strings.Contains(out, "panic:") || goroutineTrace.MatchString(out) {
			t.Fatalf("%s %s crashed:\n%s", filepath.Base(name), strings.Join(args, " "), r)
		}
	}
	t.Logf("%s %s (in %s): exit %d", filepath.Base(name), strings.Join(args, " "), filepath.Base(dir), r.code)
	return r
}

func testdataDir(t *testing.T, name string) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// copyModule copies a testdata module into a temporary directory, for the
// commands that could write to it.
func copyModule(t *testing.T, name string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), name)
	if err := os.CopyFS(dst, os.DirFS(testdataDir(t, name))); err != nil {
		t.Fatal(err)
	}
	return dst
}

// relPaths makes the paths under dir in s relative to it, whichever
// spelling of dir (as given or with symlinks resolved) a tool printed.
func relPaths(dir, s string) string {
	s = strings.ReplaceAll(s, dir+string(filepath.Separator), "")
	if real, err := filepath.EvalSymlinks(dir); err == nil && real != dir {
		s = strings.ReplaceAll(s, real+string(filepath.Separator), "")
	}
	return s
}

// lines are the non-empty lines of s, without go vet's "# pkg" headers.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// The findings in testdata/e2e: positions are file:line:col relative to
// the module root.
const (
	apiPosn     = "cmd/api/main.go:14:12"     // server.Run(context.Background(), ":8080")
	intonlyPosn = "cmd/intonly/main.go:22:12" // server.Run(ctx, ":8081")
	notifyPosn  = "cmd/intonly/main.go:17:2"  // signal.Notify(c, os.Interrupt)

	chain         = "server started via server.Run -> (*http.Server).ListenAndServe"
	noSIGTERMMsg  = chain + " never handles SIGTERM: deploys cut off its in-flight requests"
	sigintOnlyMsg = chain + " handles SIGINT, not SIGTERM"
)

// cleanFiles are the files of testdata/e2e that must never be mentioned.
var cleanFiles = []string{"cmd/good/", "cmd/cli/", "internal/server/", "internal/health/"}

// checkTextFindings checks text diagnostics (standalone or go vet), with
// paths already relative to the module root.
func checkTextFindings(t *testing.T, out string) {
	t.Helper()
	want := []struct{ prefix, contains string }{
		{apiPosn + ": ", noSIGTERMMsg},
		{intonlyPosn + ": ", sigintOnlyMsg},
		{notifyPosn + ": ", "only SIGINT is handled here"},
	}
	got := lines(out)
	for _, w := range want {
		n := 0
		for _, l := range got {
			if strings.HasPrefix(l, w.prefix) && strings.Contains(l, w.contains) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("want exactly one line %q...%q, got %d in:\n%s", w.prefix, w.contains, n, out)
		}
	}
	if len(got) != len(want) {
		t.Errorf("want %d lines, got %d:\n%s", len(want), len(got), out)
	}
	for _, f := range cleanFiles {
		if strings.Contains(out, f) {
			t.Errorf("unexpected report in %s:\n%s", f, out)
		}
	}
}

func TestCLIText(t *testing.T) {
	t.Parallel()
	bin := sigtermlint(t)
	dir := testdataDir(t, "e2e")
	r := run(t, dir, bin, "./...")
	if r.code != 3 {
		t.Fatalf("want exit 3 (findings), got\n%s", r)
	}
	if r.stdout != "" {
		t.Errorf("want nothing on stdout, got %q", r.stdout)
	}
	// The standalone driver prints absolute paths.
	if !strings.Contains(r.stderr, filepath.Join(dir, "cmd", "api", "main.go")+":14:12: ") {
		if real, _ := filepath.EvalSymlinks(dir); !strings.Contains(r.stderr, filepath.Join(real, "cmd", "api", "main.go")+":14:12: ") {
			t.Errorf("want absolute path of cmd/api/main.go:14:12 in:\n%s", r.stderr)
		}
	}
	checkTextFindings(t, relPaths(dir, r.stderr))
}

// jsonDiag is a diagnostic of the driver's -json output.
type jsonDiag struct {
	Analyzer       string `json:"-"` // set by jsonFindings
	Category       string `json:"category"`
	Posn           string `json:"posn"`
	End            string `json:"end"`
	Message        string `json:"message"`
	SuggestedFixes []struct {
		Message string `json:"message"`
		Edits   []struct {
			Filename string `json:"filename"`
			New      string `json:"new"`
		} `json:"edits"`
	} `json:"suggested_fixes"`
	Related []jsonRelated `json:"related"`
}

// jsonRelated is a diagnostic's related information in -json output.
type jsonRelated struct {
	Posn    string `json:"posn"`
	Message string `json:"message"`
}

// analyzers are the analyzers the command runs, by name.
var analyzerNames = []string{"sigterm", "shutdown"}

// jsonFindings decodes one -json object: package ID -> analyzer ->
// diagnostics. An analyzer that failed, or one the command does not run,
// is reported as an error.
func jsonFindings(t *testing.T, dir string, obj map[string]map[string]json.RawMessage) map[string][]jsonDiag {
	t.Helper()
	byPkg := map[string][]jsonDiag{}
	for pkg, analyzers := range obj {
		for name, raw := range analyzers {
			var diags []jsonDiag
			if err := json.Unmarshal(raw, &diags); err != nil {
				t.Errorf("%s: analyzer %s: not a list of diagnostics: %s", pkg, name, raw)
				continue
			}
			if !slices.Contains(analyzerNames, name) {
				t.Errorf("%s: diagnostics from analyzer %q: %s", pkg, name, raw)
			}
			for _, d := range diags {
				d.Analyzer = name
				d.Posn = relPaths(dir, d.Posn)
				d.End = relPaths(dir, d.End)
				for i := range d.Related {
					d.Related[i].Posn = relPaths(dir, d.Related[i].Posn)
				}
				byPkg[pkg] = append(byPkg[pkg], d)
			}
		}
	}
	return byPkg
}

// checkJSONFindings checks the diagnostics of testdata/e2e from -json,
// standalone or under go vet.
func checkJSONFindings(t *testing.T, byPkg map[string][]jsonDiag) {
	t.Helper()
	type key struct{ category, posn string }
	seen := map[key]jsonDiag{}
	for pkg, diags := range byPkg {
		path, _, _ := strings.Cut(pkg, " ") // "p [p.test]" is p's test variant
		if path != "example.com/e2e/cmd/api" && path != "example.com/e2e/cmd/intonly" {
			t.Errorf("unexpected diagnostics for package %s: %+v", pkg, diags)
		}
		for _, d := range diags {
			if d.Analyzer != "sigterm" {
				t.Errorf("%s: %s: unexpected diagnostic from analyzer %s: %+v", pkg, d.Posn, d.Analyzer, d)
			}
			if d.End == "" {
				t.Errorf("%s: %s: empty end", pkg, d.Posn)
			}
			file, _, _ := strings.Cut(d.Posn, ":")
			if !strings.HasPrefix(d.End, file+":") {
				t.Errorf("%s: end %s not in the file of %s", pkg, d.End, d.Posn)
			}
			seen[key{d.Category, d.Posn}] = d
		}
	}
	api, ok := seen[key{"no-sigterm", apiPosn}]
	if !ok {
		t.Errorf("no no-sigterm diagnostic at %s; got %+v", apiPosn, byPkg)
	} else if api.Message != noSIGTERMMsg {
		t.Errorf("no-sigterm message:\ngot  %q\nwant %q", api.Message, noSIGTERMMsg)
	}
	intonly, ok := seen[key{"sigint-only", intonlyPosn}]
	if !ok {
		t.Errorf("no sigint-only diagnostic at %s; got %+v", intonlyPosn, byPkg)
	} else {
		if !strings.HasPrefix(intonly.Message, sigintOnlyMsg) {
			t.Errorf("sigint-only message %q does not start with %q", intonly.Message, sigintOnlyMsg)
		}
		if len(intonly.SuggestedFixes) != 1 || intonly.SuggestedFixes[0].Message != "Add SIGTERM to the signal list" {
			t.Errorf("sigint-only: want the one fix \"Add SIGTERM to the signal list\", got %+v", intonly.SuggestedFixes)
		}
		if len(intonly.Related) != 1 || intonly.Related[0].Posn != notifyPosn {
			t.Errorf("sigint-only: want related information at %s, got %+v", notifyPosn, intonly.Related)
		}
	}
	if len(seen) != 2 {
		t.Errorf("want 2 distinct diagnostics, got %d: %+v", len(seen), seen)
	}
}

func TestCLIJSON(t *testing.T) {
	t.Parallel()
	bin := sigtermlint(t)
	dir := testdataDir(t, "e2e")
	r := run(t, dir, bin, "-json", "./...")
	if r.code != 0 {
		t.Fatalf("-json exits 0 even with findings; got\n%s", r)
	}
	if r.stderr != "" {
		t.Errorf("want nothing on stderr, got %q", r.stderr)
	}
	// json.Unmarshal rejects anything after the one object.
	var obj map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(r.stdout), &obj); err != nil {
		t.Fatalf("stdout is not one JSON object: %v\n%s", err, r.stdout)
	}
	byPkg := jsonFindings(t, dir, obj)
	checkJSONFindings(t, byPkg)
	// cmd/api has a test file: its test variant carries the same finding.
	if len(byPkg["example.com/e2e/cmd/api [example.com/e2e/cmd/api.test]"]) != 1 {
		t.Errorf("want the finding in the test variant of cmd/api too; got packages %v", slices.Sorted(maps.Keys(byPkg)))
	}
}

// snapshot returns the contents of every file under dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		files[path] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// checkIntonlyDiff checks a unified diff of testdata/e2e's fixes, paths
// made relative: only cmd/intonly/main.go, gaining the import and SIGTERM.
func checkIntonlyDiff(t *testing.T, diff string) {
	t.Helper()
	for _, want := range []string{
		"--- cmd/intonly/main.go (old)\n",
		"+++ cmd/intonly/main.go (new)\n",
		"\n+\t\"syscall\"\n",
		"\n-\tsignal.Notify(c, os.Interrupt)\n",
		"\n+\tsignal.Notify(c, os.Interrupt, syscall.SIGTERM)\n",
	} {
		if !strings.Contains(diff, want) {
			t.Errorf("diff lacks %q:\n%s", want, diff)
		}
	}
	if n := strings.Count(diff, "\n+++ ") + boolInt(strings.HasPrefix(diff, "+++ ")); n != 1 {
		t.Errorf("want a diff of one file, got %d:\n%s", n, diff)
	}
	if n := strings.Count(diff, "syscall.SIGTERM"); n != 1 {
		t.Errorf("want SIGTERM added once, got %d times (test variant fix applied twice?):\n%s", n, diff)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestCLIFixDiff(t *testing.T) {
	t.Parallel()
	bin := sigtermlint(t)
	dir := copyModule(t, "e2e") // in case -diff wrote anything
	before := snapshot(t, dir)

	t.Run("fix-diff", func(t *testing.T) {
		r := run(t, dir, bin, "-fix", "-diff", "./...")
		if r.code != 0 {
			t.Fatalf("want exit 0, got\n%s", r)
		}
		if r.stderr != "" {
			t.Errorf("want nothing on stderr, got %q", r.stderr)
		}
		checkIntonlyDiff(t, relPaths(dir, r.stdout))
	})

	// -diff alone is not a mode of the x/tools driver: it only qualifies
	// -fix. The findings are printed as text, as without it.
	t.Run("diff-without-fix", func(t *testing.T) {
		r := run(t, dir, bin, "-diff", "./...")
		if r.code != 3 || r.stdout != "" {
			t.Fatalf("want exit 3 and text findings on stderr, got\n%s", r)
		}
		checkTextFindings(t, relPaths(dir, r.stderr))
	})

	if after := snapshot(t, dir); !maps.Equal(before, after) {
		t.Errorf("-diff modified files")
	}
}

// TestCLIFix applies the fix to a copy of testdata/e2e: the result is
// gofmt'ed, builds, and is clean; cmd/api's finding remains.
func TestCLIFix(t *testing.T) {
	t.Parallel()
	bin := sigtermlint(t)
	dir := copyModule(t, "e2e")
	before := snapshot(t, dir)

	r := run(t, dir, bin, "-fix", "./...")
	if r.code != 0 || r.stdout != "" || r.stderr != "" {
		t.Fatalf("want exit 0 and no output, got\n%s", r)
	}
	after := snapshot(t, dir)
	for path, old := range before {
		rel := relPaths(dir, path)
		if rel != filepath.Join("cmd", "intonly", "main.go") && after[path] != old {
			t.Errorf("-fix changed %s", rel)
		}
	}
	fixed := after[filepath.Join(dir, "cmd", "intonly", "main.go")]
	for _, want := range []string{"\n\t\"os/signal\"\n\t\"syscall\"\n\n", "\n\tsignal.Notify(c, os.Interrupt, syscall.SIGTERM)\n"} {
		if !strings.Contains(fixed, want) {
			t.Errorf("fixed cmd/intonly/main.go lacks %q:\n%s", want, fixed)
		}
	}
	if formatted, err := format.Source([]byte(fixed)); err != nil || string(formatted) != fixed {
		t.Errorf("fixed cmd/intonly/main.go is not gofmt'ed (err %v)", err)
	}
	if r := run(t, dir, goTool(t), "build", "./..."); r.code != 0 {
		t.Fatalf("fixed module does not build:\n%s", r)
	}

	r = run(t, dir, bin, "./...")
	got := lines(relPaths(dir, r.stderr))
	if r.code != 3 || len(got) != 1 || !strings.HasPrefix(got[0], apiPosn+": "+noSIGTERMMsg) {
		t.Errorf("after -fix, want only the cmd/api finding, got\n%s", r)
	}
}

func TestGoVet(t *testing.T) {
	t.Parallel()
	bin := sigtermlint(t)
	gocmd := goTool(t)
	dir := testdataDir(t, "e2e")

	t.Run("text", func(t *testing.T) {
		r := run(t, dir, gocmd, "vet", "-vettool="+bin, "./...")
		if r.code == 0 {
			t.Fatalf("want non-zero exit (findings), got\n%s", r)
		}
		// go vet prints paths relative to the current directory.
		checkTextFindings(t, relPaths(dir, r.stderr))
	})

	t.Run("json", func(t *testing.T) {
		r := run(t, dir, gocmd, "vet", "-vettool="+bin, "-json", "./...")
		if r.code != 0 {
			t.Fatalf("want exit 0, got\n%s", r)
		}
		checkJSONFindings(t, vetJSONFindings(t, dir, r.stdout))
	})

	// go vet -fix -diff and go fix -fixtool -diff (go1.26) print the
	// patch and exit non-zero because it is not empty. Run on a copy in
	// case they write.
	copied := copyModule(t, "e2e")
	before := snapshot(t, copied)
	t.Run("fix-diff", func(t *testing.T) {
		r := run(t, copied, gocmd, "vet", "-vettool="+bin, "-fix", "-diff", "./...")
		if r.code == 0 {
			t.Errorf("want non-zero exit (non-empty diff), got\n%s", r)
		}
		checkIntonlyDiff(t, relPaths(copied, r.stdout))
	})
	t.Run("go-fix-diff", func(t *testing.T) {
		r := run(t, copied, gocmd, "fix", "-fixtool="+bin, "-diff", "./...")
		if r.code == 0 {
			t.Errorf("want non-zero exit (non-empty diff), got\n%s", r)
		}
		checkIntonlyDiff(t, relPaths(copied, r.stdout))
	})
	if after := snapshot(t, copied); !maps.Equal(before, after) {
		t.Errorf("-diff modified files")
	}
}

// vetJSONFindings decodes go vet -json output, a stream of JSON objects,
// one per package vetted.
func vetJSONFindings(t *testing.T, dir, stdout string) map[string][]jsonDiag {
	t.Helper()
	byPkg := map[string][]jsonDiag{}
	dec := json.NewDecoder(strings.NewReader(stdout))
	for {
		var obj map[string]map[string]json.RawMessage
		if err := dec.Decode(&obj); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("stdout is not a stream of JSON objects: %v\n%s", err, stdout)
		}
		for pkg, diags := range jsonFindings(t, dir, obj) {
			byPkg[pkg] = append(byPkg[pkg], diags...)
		}
	}
	return byPkg
}

func TestVersionAndFlags(t *testing.T) {
	t.Parallel()
	bin := sigtermlint(t)
	dir := testdataDir(t, "e2e")

	t.Run("V=full", func(t *testing.T) {
		// go vet keys its cache on this line: it must be stable.
		r := run(t, dir, bin, "-V=full")
		if r.code != 0 {
			t.Fatalf("want exit 0, got\n%s", r)
		}
		if !regexp.MustCompile(`^\S*sigtermlint version devel .*buildID=[0-9a-f]{64}\n$`).MatchString(r.stdout) {
			t.Errorf("unexpected -V=full output %q", r.stdout)
		}
		if again := run(t, dir, bin, "-V=full"); again.stdout != r.stdout {
			t.Errorf("-V=full not stable: %q then %q", r.stdout, again.stdout)
		}
	})

	t.Run("flags", func(t *testing.T) {
		r := run(t, dir, bin, "-flags")
		if r.code != 0 {
			t.Fatalf("want exit 0, got\n%s", r)
		}
		var flags []struct {
			Name  string
			Bool  bool
			Usage string
		}
		if err := json.Unmarshal([]byte(r.stdout), &flags); err != nil {
			t.Fatalf("-flags output is not JSON: %v\n%s", err, r.stdout)
		}
		byName := map[string]bool{}
		for _, f := range flags {
			byName[f.Name] = f.Bool
		}
		for name, isBool := range map[string]bool{"V": true, "json": true, "c": false, "sigterm": true, "shutdown": true, "sigtermlint": true, "sigtermlint.stop-timeout": false, "sigtermlint.platform": false, "sigtermlint.manifests": false} {
			if got, ok := byName[name]; !ok || got != isBool {
				t.Errorf("-flags: want %s (bool %v), got %+v", name, isBool, flags)
			}
		}
	})

	t.Run("help", func(t *testing.T) {
		r := run(t, dir, bin, "help", "sigterm")
		if r.code != 0 {
			t.Fatalf("want exit 0, got\n%s", r)
		}
		for _, want := range []string{"sigterm: check that a program", "no-sigterm", "sigint-only", "no-shutdown"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("help sigterm lacks %q:\n%s", want, r.stdout)
			}
		}
	})

	t.Run("help-sigtermlint", func(t *testing.T) {
		r := run(t, dir, bin, "help", "sigtermlint")
		if r.code != 0 {
			t.Fatalf("want exit 0, got\n%s", r)
		}
		for _, want := range []string{"-sigtermlint.stop-timeout value", "-sigtermlint.platform value", "-sigtermlint.manifests value", "kubernetes, nomad, systemd"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("help sigtermlint lacks %q:\n%s", want, r.stdout)
			}
		}
	})

	t.Run("help-shutdown", func(t *testing.T) {
		r := run(t, dir, bin, "help", "shutdown")
		if r.code != 0 {
			t.Fatalf("want exit 0, got\n%s", r)
		}
		for _, want := range []string{
			"shutdown: check that Shutdown drains, has a deadline, and fits in the stop timeout",
			"exit-before-drain", "cancelled-context", "unbounded-shutdown", "shutdown-timeout", "bad-directive",
		} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("help shutdown lacks %q:\n%s", want, r.stdout)
			}
		}
	})
}

func TestBadInput(t *testing.T) {
	t.Parallel()
	bin := sigtermlint(t)
	gocmd := goTool(t)
	e2e := testdataDir(t, "e2e")
	broken := testdataDir(t, "e2e-broken")

	for _, tc := range []struct {
		name   string
		dir    string
		args   []string
		code   int
		stderr []string
	}{
		// Observed: "-: pattern ./nonexistent/...: lstat ./nonexistent/: no
		// such file or directory", then the x/tools checker's
		// "sigtermreach: analysis skipped due to errors in package" and
		// "sigterm: failed prerequisites: sigtermreach@./nonexistent/...".
		{"missing-dir", e2e, []string{"./nonexistent/..."}, 1, []string{"./nonexistent/", "no such file or directory"}},
		// Observed: "sigtermlint: example.com/e2e/zzz/... matched no packages".
		{"no-match", e2e, []string{"example.com/e2e/zzz/..."}, 1, []string{"sigtermlint: example.com/e2e/zzz/... matched no packages"}},
		{"unknown-import-path", e2e, []string{"example.com/nowhere/pkg"}, 1, []string{"no required module provides package example.com/nowhere/pkg"}},
		{"no-go-files", e2e, []string{"./cmd"}, 1, []string{"no Go files in"}},
		{"no-args", e2e, nil, 1, []string{"Usage: sigtermlint [-flag] [package]"}},
		{"unknown-flag", e2e, []string{"-nosuchflag", "./..."}, 2, []string{"flag provided but not defined: -nosuchflag"}},
		{"unknown-analyzer-flag", e2e, []string{"-sigterm.nosuch=1", "./..."}, 2, []string{"flag provided but not defined: -sigterm.nosuch"}},
		{"bad-V", e2e, []string{"-V=short"}, 1, []string{"unsupported flag value: -V=short (use -V=full)"}},
		{"type-error", broken, []string{"./..."}, 1, []string{`cmd/bad/main.go:7:17: cannot use "8080" (untyped string constant) as int value in variable declaration`}},
		// -json exits 0 with findings, but 1 when packages do not load:
		// the type errors on stderr, the analyzers' errors in the JSON.
		{"type-error-json", broken, []string{"-json", "./..."}, 1, []string{`cmd/bad/main.go:7:17: cannot use "8080"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := run(t, tc.dir, bin, tc.args...)
			if r.code != tc.code {
				t.Errorf("want exit %d, got\n%s", tc.code, r)
			}
			for _, want := range tc.stderr {
				if !strings.Contains(r.stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, r)
				}
			}
		})
	}

	t.Run("type-error-go-vet", func(t *testing.T) {
		r := run(t, broken, gocmd, "vet", "-vettool="+bin, "./...")
		want := `cmd/bad/main.go:7:17: cannot use "8080" (untyped string constant) as int value in variable declaration`
		if r.code != 1 || !strings.Contains(r.stderr, want) {
			t.Errorf("want exit 1 and %q, got\n%s", want, r)
		}
	})
}

func TestClean(t *testing.T) {
	t.Parallel()
	bin := sigtermlint(t)
	clean := testdataDir(t, "e2e-clean")

	t.Run("module", func(t *testing.T) {
		r := run(t, clean, bin, "./...")
		if r.code != 0 || r.stdout != "" || r.stderr != "" {
			t.Errorf("want exit 0 and no output, got\n%s", r)
		}
	})
	t.Run("json", func(t *testing.T) {
		r := run(t, clean, bin, "-json", "./...")
		if r.code != 0 || strings.TrimSpace(r.stdout) != "{}" || r.stderr != "" {
			t.Errorf("want exit 0 and {}, got\n%s", r)
		}
	})
	t.Run("go-vet", func(t *testing.T) {
		r := run(t, clean, goTool(t), "vet", "-vettool="+bin, "./...")
		if r.code != 0 || r.stdout != "" || r.stderr != "" {
			t.Errorf("want exit 0 and no output, got\n%s", r)
		}
	})
	// The clean packages of testdata/e2e, by pattern: the server library,
	// the library that could serve, the CLI, and the program that stops
	// on SIGTERM.
	t.Run("pattern", func(t *testing.T) {
		r := run(t, testdataDir(t, "e2e"), bin, "./cmd/good", "./cmd/cli", "./internal/...")
		if r.code != 0 || r.stdout != "" || r.stderr != "" {
			t.Errorf("want exit 0 and no output, got\n%s", r)
		}
	})
}

// The findings of the shutdown analyzer in testdata/e2e-drain: positions
// are file:line:col relative to the module root. Every main there handles
// SIGTERM, so the sigterm analyzer reports nothing.
const (
	drainPosn     = "internal/drain/drain.go:29:9" // return srv.Shutdown(ctx), after a 10s sleep, 25s deadline
	fatalPosn     = "cmd/fatal/main.go:24:2"       // log.Fatal(srv.ListenAndServe())
	cancelledPosn = "cmd/cancelled/main.go:22:12"  // srv.Shutdown(sctx), sctx from WithTimeout(ctx, 5s)
	cancelledDone = "cmd/cancelled/main.go:19:2"   // <-ctx.Done()
	fatalDrain    = "cmd/fatal/main.go:22:3"       // srv.Shutdown(sctx) in the signal goroutine
	declaredPosn  = "cmd/declared/main.go:29:12"   // srv.Shutdown(sctx), 15s deadline, directive 10s in doc.go
	tightPosn     = "cmd/tight/main.go:31:12"      // srv.Shutdown(sctx), 15s deadline
	badDirPosn    = "cmd/baddir/main.go:5:1"       // //sigtermlint:stop-timeout soon
	unboundedPosn = "cmd/baddir/main.go:21:2"      // srv.Shutdown(context.Background())

	killed = ": SIGKILL cuts the drain short"
)

// drainFinding is a diagnostic expected in testdata/e2e-drain.
type drainFinding struct {
	pkg, category, posn, message string
}

// wantDrain returns the findings in testdata/e2e-drain when the tool runs
// with -sigtermlint.stop-timeout=flag ("" for the default, 30s).
func wantDrain(flag string) []drainFinding {
	const pkg = "example.com/drain/"
	want := []drainFinding{
		{pkg + "cmd/fatal", "exit-before-drain", fatalPosn,
			"log.Fatal exits as soon as Shutdown starts (ListenAndServe returns http.ErrServerClosed): in-flight requests are cut off"},
		{pkg + "cmd/cancelled", "cancelled-context", cancelledPosn,
			"Shutdown gets a context that is already cancelled: it returns at once and drains nothing"},
		// The directive wins over the flag, whatever its value.
		{pkg + "cmd/declared", "shutdown-timeout", declaredPosn,
			"shutdown may take 15s but the stop timeout is 10s (//sigtermlint:stop-timeout at doc.go:5)" + killed},
		// The malformed directive is ignored, and the package still checked.
		{pkg + "cmd/baddir", "bad-directive", badDirPosn,
			`malformed //sigtermlint:stop-timeout directive: "soon" is not a duration such as 20s; it is ignored`},
		{pkg + "cmd/baddir", "unbounded-shutdown", unboundedPosn,
			"Shutdown gets a context without a deadline: a stuck connection holds the drain until SIGKILL"},
	}
	// The library package is checked against the flag (a directive
	// applies to package main only).
	budget := "shutdown may take 35s but the stop timeout is "
	switch flag {
	case "":
		want = append(want, drainFinding{pkg + "internal/drain", "shutdown-timeout", drainPosn, budget + "30s" + killed})
	case "10s":
		want = append(want,
			drainFinding{pkg + "internal/drain", "shutdown-timeout", drainPosn, budget + "10s (-sigtermlint.stop-timeout)" + killed},
			drainFinding{pkg + "cmd/tight", "shutdown-timeout", tightPosn,
				"shutdown may take 15s but the stop timeout is 10s (-sigtermlint.stop-timeout)" + killed})
	case "1m":
		// 35s fits in a minute; cmd/declared's directive still says 10s.
	default:
		panic("wantDrain: no expectations for -sigtermlint.stop-timeout=" + flag)
	}
	return want
}

// checkDrainText checks text diagnostics of testdata/e2e-drain
// (standalone or go vet), paths relative to the module root: each
// finding is exactly one line, and cancelled-context's related
// information one more.
func checkDrainText(t *testing.T, out string, want []drainFinding) {
	t.Helper()
	got := lines(out)
	wantLines := []string{cancelledDone + ": \tctx is done here", fatalDrain + ": \tthe drain starts here"}
	for _, w := range want {
		wantLines = append(wantLines, w.posn+": "+w.message)
		wantLines = append(wantLines, drainRelated(w)...)
	}
	for _, w := range wantLines {
		if n := strings.Count("\n"+strings.Join(got, "\n")+"\n", "\n"+w+"\n"); n != 1 {
			t.Errorf("want exactly one line %q, got %d in:\n%s", w, n, out)
		}
	}
	if len(got) != len(wantLines) {
		t.Errorf("want %d lines, got %d:\n%s", len(wantLines), len(got), out)
	}
}

// drainRelated returns the related lines a shutdown-timeout finding of
// testdata/e2e-drain prints after it: the waits that add up.
func drainRelated(w drainFinding) []string {
	if w.category != "shutdown-timeout" {
		return nil
	}
	switch w.posn {
	case drainPosn:
		return []string{"internal/drain/drain.go:26:2: \tsleep 10s", drainPosn + ": \tShutdown deadline 25s"}
	case declaredPosn, tightPosn:
		return []string{w.posn + ": \tShutdown deadline 15s"}
	}
	return nil
}

// checkDrainJSON checks -json diagnostics of testdata/e2e-drain,
// standalone or under go vet.
func checkDrainJSON(t *testing.T, byPkg map[string][]jsonDiag, want []drainFinding) {
	t.Helper()
	type key struct{ pkg, category, posn string }
	seen := map[key]jsonDiag{}
	for pkg, diags := range byPkg {
		for _, d := range diags {
			if d.Analyzer != "shutdown" {
				t.Errorf("%s: %s: unexpected diagnostic from analyzer %s: %+v", pkg, d.Posn, d.Analyzer, d)
			}
			file, _, _ := strings.Cut(d.Posn, ":")
			if d.End == "" || !strings.HasPrefix(d.End, file+":") || d.End == d.Posn {
				t.Errorf("%s: %s: want a non-empty end in the same file, got %q", pkg, d.Posn, d.End)
			}
			k := key{pkg, d.Category, d.Posn}
			if _, dup := seen[k]; dup {
				t.Errorf("%s: duplicate %s diagnostic at %s", pkg, d.Category, d.Posn)
			}
			seen[k] = d
		}
	}
	for _, w := range want {
		d, ok := seen[key{w.pkg, w.category, w.posn}]
		if !ok {
			t.Errorf("%s: no %s diagnostic at %s; got %+v", w.pkg, w.category, w.posn, byPkg)
			continue
		}
		if d.Message != w.message {
			t.Errorf("%s at %s: message\ngot  %q\nwant %q", w.category, w.posn, d.Message, w.message)
		}
		switch w.category {
		case "exit-before-drain":
			if len(d.SuggestedFixes) != 1 || d.SuggestedFixes[0].Message != "Wait for the drain to end before exiting" {
				t.Errorf("exit-before-drain: want the one fix \"Wait for the drain to end before exiting\", got %+v", d.SuggestedFixes)
				break
			}
			var news []string
			for _, e := range d.SuggestedFixes[0].Edits {
				if !strings.HasSuffix(e.Filename, filepath.Join("cmd", "fatal", "main.go")) {
					t.Errorf("exit-before-drain fix edits %s", e.Filename)
				}
				news = append(news, e.New)
			}
			all := strings.Join(news, "\n")
			for _, want := range []string{`"errors"`, "drained := make(chan struct{})", "defer close(drained)", "if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {\n\t\tlog.Fatal(err)\n\t}\n\t<-drained"} {
				if !strings.Contains(all, want) {
					t.Errorf("exit-before-drain fix lacks %q: %+v", want, d.SuggestedFixes)
				}
			}
			if len(d.Related) != 1 || d.Related[0].Posn != fatalDrain || d.Related[0].Message != "the drain starts here" {
				t.Errorf("exit-before-drain: want related information %q at %s, got %+v", "the drain starts here", fatalDrain, d.Related)
			}
		case "cancelled-context":
			if len(d.SuggestedFixes) != 1 || len(d.SuggestedFixes[0].Edits) != 1 || d.SuggestedFixes[0].Edits[0].New != "context.WithoutCancel(ctx)" {
				t.Errorf("cancelled-context: want the one fix wrapping ctx in context.WithoutCancel, got %+v", d.SuggestedFixes)
			}
			if len(d.Related) != 1 || d.Related[0].Posn != cancelledDone || d.Related[0].Message != "ctx is done here" {
				t.Errorf("cancelled-context: want related information %q at %s, got %+v", "ctx is done here", cancelledDone, d.Related)
			}
		default:
			if len(d.SuggestedFixes) != 0 {
				t.Errorf("%s at %s: unexpected fixes %+v", w.category, w.posn, d.SuggestedFixes)
			}
		}
	}
	if len(seen) != len(want) {
		t.Errorf("want %d diagnostics, got %d: %+v", len(want), len(seen), seen)
	}
}

// stopTimeoutFlag is the shutdown analyzer's flag, as the command and go
// vet spell it.
const stopTimeoutFlag = "-sigtermlint.stop-timeout"

// TestDrainCLI runs the standalone command on testdata/e2e-drain.
func TestDrainCLI(t *testing.T) {
	t.Parallel()
	bin := sigtermlint(t)
	dir := testdataDir(t, "e2e-drain")

	for _, tc := range []struct{ name, flag string }{
		{"default", ""},
		// cmd/tight's 15s deadline no longer fits; the library's message
		// names the flag.
		{"stop-timeout=10s", "10s"},
		// The library's 35s fits; the directive's 10s still applies to
		// cmd/declared.
		{"stop-timeout=1m", "1m"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			args := []string{"./..."}
			if tc.flag != "" {
				args = []string{stopTimeoutFlag + "=" + tc.flag, "./..."}
			}
			r := run(t, dir, bin, args...)
			if r.code != 3 {
				t.Fatalf("want exit 3 (findings), got\n%s", r)
			}
			if r.stdout != "" {
				t.Errorf("want nothing on stdout, got %q", r.stdout)
			}
			checkDrainText(t, relPaths(dir, r.stderr), wantDrain(tc.flag))
		})
	}

	for _, tc := range []struct{ name, flag string }{
		{"json", ""},
		{"json-stop-timeout=10s", "10s"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			args := []string{"-json", "./..."}
			if tc.flag != "" {
				args = []string{"-json", stopTimeoutFlag + "=" + tc.flag, "./..."}
			}
			r := run(t, dir, bin, args...)
			if r.code != 0 {
				t.Fatalf("-json exits 0 even with findings; got\n%s", r)
			}
			if r.stderr != "" {
				t.Errorf("want nothing on stderr, got %q", r.stderr)
			}
			var obj map[string]map[string]json.RawMessage
			if err := json.Unmarshal([]byte(r.stdout), &obj); err != nil {
				t.Fatalf("stdout is not one JSON object: %v\n%s", err, r.stdout)
			}
			checkDrainJSON(t, jsonFindings(t, dir, obj), wantDrain(tc.flag))
		})
	}

	// A malformed value stops the command before it loads anything: the
	// flag package's error and usage, exit 2.
	for _, tc := range []struct{ value, err string }{
		{"soon", `time: invalid duration "soon"`},
		{"0s", "the stop timeout must be positive"},
		{"-5s", "the stop timeout must be positive"},
		{"", `time: invalid duration ""`},
	} {
		t.Run("bad-stop-timeout="+tc.value, func(t *testing.T) {
			t.Parallel()
			r := run(t, dir, bin, stopTimeoutFlag+"="+tc.value, "./...")
			if r.code != 2 {
				t.Errorf("want exit 2, got\n%s", r)
			}
			want := `invalid value "` + tc.value + `" for flag ` + stopTimeoutFlag + ": " + tc.err
			if !strings.Contains(r.stderr, want) {
				t.Errorf("stderr lacks %q:\n%s", want, r)
			}
			if strings.Contains(r.stderr, "e2e-drain") || r.stdout != "" {
				t.Errorf("want no findings after a bad flag, got\n%s", r)
			}
		})
	}
}

// TestDrainGoVet runs the command under go vet on testdata/e2e-drain.
func TestDrainGoVet(t *testing.T) {
	t.Parallel()
	bin := sigtermlint(t)
	gocmd := goTool(t)
	dir := testdataDir(t, "e2e-drain")

	for _, tc := range []struct{ name, flag string }{
		{"text", ""},
		// go vet passes the analyzer flag, as -flags lists it, through.
		{"stop-timeout=10s", "10s"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"vet", "-vettool=" + bin, "./..."}
			if tc.flag != "" {
				args = []string{"vet", "-vettool=" + bin, stopTimeoutFlag + "=" + tc.flag, "./..."}
			}
			r := run(t, dir, gocmd, args...)
			if r.code != 1 {
				t.Fatalf("want exit 1 (findings), got\n%s", r)
			}
			checkDrainText(t, relPaths(dir, r.stderr), wantDrain(tc.flag))
		})
	}

	t.Run("json", func(t *testing.T) {
		r := run(t, dir, gocmd, "vet", "-vettool="+bin, "-json", "./...")
		if r.code != 0 {
			t.Fatalf("want exit 0, got\n%s", r)
		}
		checkDrainJSON(t, vetJSONFindings(t, dir, r.stdout), wantDrain(""))
	})

	// go vet does not know the flag's values: every run of the tool, one
	// per package vetted (the standard library's included), fails on it
	// and prints the error and its usage; go vet exits 1.
	for _, tc := range []struct{ value, err string }{
		{"soon", `time: invalid duration "soon"`},
		{"0s", "the stop timeout must be positive"},
	} {
		t.Run("bad-stop-timeout="+tc.value, func(t *testing.T) {
			r := run(t, dir, gocmd, "vet", "-vettool="+bin, stopTimeoutFlag+"="+tc.value, "./...")
			if r.code == 0 {
				t.Errorf("want non-zero exit, got\n%s", r)
			}
			want := `invalid value "` + tc.value + `" for flag ` + stopTimeoutFlag + ": " + tc.err
			if !strings.Contains(r.stderr, want) {
				t.Errorf("stderr lacks %q:\n%s", want, r)
			}
			if strings.Contains(r.stderr, "shutdown may take") || strings.Contains(r.stderr, "Shutdown gets") {
				t.Errorf("want no findings after a bad flag, got\n%s", r)
			}
		})
	}
}

// The findings in testdata/e2e-manifests, where the deployment files
// decide: positions are file:line:col relative to the module root.
//   - cmd/api drains for 18s; deploy/k8s.yaml gives it 20s of grace minus
//     a 5s preStop sleep.
//   - cmd/worker handles SIGTERM and SIGINT; build/worker.Dockerfile's
//     final stage stops it with SIGQUIT.
//   - cmd/edge handles SIGINT only; compose.yaml stops it with SIGINT
//     (and gives it 15s): no finding.
//   - deploy/broken.yaml does not parse: a warning.
//   - vendor/ and testdata/ hold manifests that would change all of this
//     (api 1s of grace, edge stopped with SIGTERM or SIGQUIT, one more
//     broken file): they are never read.
const (
	manAPIPosn        = "cmd/api/main.go:32:12"   // srv.Shutdown(sctx), 18s deadline
	manWorkerPosn     = "cmd/worker/main.go:16:6" // func main
	manEdgePosn       = "cmd/edge/main.go:20:22"  // srv.ListenAndServe()
	manEdgeNotifyPosn = "cmd/edge/main.go:16:15"  // signal.NotifyContext(..., os.Interrupt)
	manGracePosn      = "deploy/k8s.yaml:14:1"    // terminationGracePeriodSeconds
	manStopSignalPosn = "build/worker.Dockerfile:10:1"

	manBudget    = "terminationGracePeriodSeconds 20s at deploy/k8s.yaml:14 minus preStop sleep 5s at deploy/k8s.yaml:20"
	manAPIMsg    = "shutdown may take 18s but the stop timeout is 15s (" + manBudget + ")" + killed
	manWorkerMsg = "the deployment stops this program with SIGQUIT (STOPSIGNAL at build/worker.Dockerfile:10), which it does not handle: in-flight requests are cut off"
	manEdgeMsg   = "server started via (*http.Server).ListenAndServe handles SIGINT, not SIGTERM"
	manWarning   = "deploy/broken.yaml:9: YAML does not parse: mapping values are not allowed in this context"
)

// wantLine is an expected line of text output: the whole line, or, with
// prefix, its start; times is how often it appears (0 means once).
type wantLine struct {
	text   string
	prefix bool
	times  int
}

var (
	manAPILines = []wantLine{
		{text: manAPIPosn + ": " + manAPIMsg},
		{text: manAPIPosn + ": \tShutdown deadline 18s"},
		{text: manGracePosn + ": \tthe stop timeout: " + manBudget},
	}
	manWorkerLines = []wantLine{
		{text: manWorkerPosn + ": " + manWorkerMsg},
		{text: manStopSignalPosn + ": \tthe stop signal is set here"},
		{text: "cmd/worker/main.go:17:15: \tit handles SIGTERM, SIGINT here"},
	}
	// cmd/edge's sigint-only, when compose.yaml is not read.
	manEdgeLines = []wantLine{
		{text: manEdgePosn + ": " + manEdgeMsg, prefix: true},
		{text: manEdgeNotifyPosn + ": \tonly SIGINT is handled here"},
	}
	manWarningLine = wantLine{text: "sigtermlint: warning: " + manWarning}
)

// checkLines checks that the lines of out (paths relative, go vet's
// "# pkg" headers dropped) are exactly want, in any order.
func checkLines(t *testing.T, out string, want ...[]wantLine) {
	t.Helper()
	got := lines(out)
	n := 0
	for _, ws := range want {
		for _, w := range ws {
			times := max(w.times, 1)
			n += times
			matches := 0
			for _, l := range got {
				if l == w.text || (w.prefix && strings.HasPrefix(l, w.text)) {
					matches++
				}
			}
			if matches != times {
				t.Errorf("want the line %q (prefix %v) %d time(s), got %d in:\n%s", w.text, w.prefix, times, matches, out)
			}
		}
	}
	if len(got) != n {
		t.Errorf("want %d lines, got %d:\n%s", n, len(got), out)
	}
	// Nothing under vendor/ or testdata/ is read, nor reported.
	for _, skipped := range []string{"vendor/", "testdata/"} {
		if strings.Contains(out, skipped) {
			t.Errorf("output mentions %s:\n%s", skipped, out)
		}
	}
}

// checkManifestJSON checks the -json diagnostics of testdata/e2e-manifests
// (standalone or go vet): the shutdown-timeout of cmd/api and the
// stop-signal of cmd/worker, each with related information in the
// manifest, and nothing else.
func checkManifestJSON(t *testing.T, byPkg map[string][]jsonDiag) {
	t.Helper()
	type want struct {
		analyzer, posn, message, relPosn, relMessage string
	}
	wants := map[string]want{
		"shutdown-timeout": {"shutdown", manAPIPosn, manAPIMsg, manGracePosn, "the stop timeout: " + manBudget},
		"stop-signal":      {"sigterm", manWorkerPosn, manWorkerMsg, manStopSignalPosn, "the stop signal is set here"},
	}
	wantPkg := map[string]string{
		"shutdown-timeout": "example.com/manifests/cmd/api",
		"stop-signal":      "example.com/manifests/cmd/worker",
	}
	n := 0
	for pkg, diags := range byPkg {
		for _, d := range diags {
			n++
			w, ok := wants[d.Category]
			if !ok || pkg != wantPkg[d.Category] {
				t.Errorf("%s: unexpected %s diagnostic from %s: %+v", pkg, d.Category, d.Analyzer, d)
				continue
			}
			if d.Analyzer != w.analyzer || d.Posn != w.posn || d.Message != w.message {
				t.Errorf("%s: got %s at %s: %q\nwant %s at %s: %q", d.Category, d.Analyzer, d.Posn, d.Message, w.analyzer, w.posn, w.message)
			}
			file, _, _ := strings.Cut(d.Posn, ":")
			if !strings.HasPrefix(d.End, file+":") || d.End == d.Posn {
				t.Errorf("%s: want a non-empty end in the file of %s, got %q", d.Category, d.Posn, d.End)
			}
			// The manifest line is one of the related places (the others
			// are the waits that add up, or the signal handling).
			if !slices.ContainsFunc(d.Related, func(r jsonRelated) bool { return r.Posn == w.relPosn && r.Message == w.relMessage }) {
				t.Errorf("%s: want related information %q at %s, got %+v", d.Category, w.relMessage, w.relPosn, d.Related)
			}
			if len(d.SuggestedFixes) != 0 {
				t.Errorf("%s: unexpected fixes %+v", d.Category, d.SuggestedFixes)
			}
			delete(wants, d.Category)
		}
	}
	for category, w := range wants {
		t.Errorf("no %s diagnostic at %s; got %+v", category, w.posn, byPkg)
	}
	if n != 2 {
		t.Errorf("want 2 diagnostics, got %d: %+v", n, byPkg)
	}
}

// manifestsFlag is the configuration analyzer's flag, as the command and
// go vet spell it.
const manifestsFlag = "-sigtermlint.manifests"

// TestManifestsCLI runs the standalone command on testdata/e2e-manifests.
func TestManifestsCLI(t *testing.T) {
	t.Parallel()
	bin := sigtermlint(t)
	dir := testdataDir(t, "e2e-manifests")

	for _, tc := range []struct {
		name string
		args []string
		want [][]wantLine
	}{
		// auto: the manifests decide api's stop timeout, worker's stop
		// signal, and silence edge's sigint-only. The broken manifest is
		// one warning line, first, and the lint goes on.
		{"auto", nil, [][]wantLine{{manWarningLine}, manAPILines, manWorkerLines}},
		{"auto-explicit", []string{manifestsFlag + "=auto"}, [][]wantLine{{manWarningLine}, manAPILines, manWorkerLines}},
		// The flag wins over the manifests for the stop timeout; the stop
		// signal still comes from the Dockerfile.
		{"stop-timeout=1m", []string{stopTimeoutFlag + "=1m"}, [][]wantLine{{manWarningLine}, manWorkerLines}},
		// off: api's 18s fits in the default 30s, no stop signal is
		// known, and edge's SIGINT-only handling is reported again.
		{"off", []string{manifestsFlag + "=off"}, [][]wantLine{manEdgeLines}},
		// An explicit file: only it is read, so neither compose.yaml nor
		// the Dockerfile nor the broken file. (Its messages name the file
		// by absolute path; relPaths makes it relative.)
		{"explicit", []string{manifestsFlag + "=deploy/k8s.yaml"}, [][]wantLine{manAPILines, manEdgeLines}},
		{"explicit-list", []string{manifestsFlag + "=build/worker.Dockerfile,deploy/k8s.yaml,compose.yaml"}, [][]wantLine{manAPILines, manWorkerLines}},
		// A directory is walked as the module root is: broken.yaml's
		// warning, with the file named below it.
		{"explicit-dir", []string{manifestsFlag + "=deploy"}, [][]wantLine{{manWarningLine}, manAPILines, manEdgeLines}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := run(t, dir, bin, append(tc.args, "./...")...)
			if r.code != 3 {
				t.Fatalf("want exit 3 (findings), got\n%s", r)
			}
			if r.stdout != "" {
				t.Errorf("want nothing on stdout, got %q", r.stdout)
			}
			checkLines(t, relPaths(dir, r.stderr), tc.want...)
		})
	}

	// Relative paths are taken from the working directory.
	t.Run("explicit-from-subdir", func(t *testing.T) {
		t.Parallel()
		r := run(t, filepath.Join(dir, "cmd"), bin, manifestsFlag+"=../deploy/k8s.yaml", "./...")
		if r.code != 3 || r.stdout != "" {
			t.Fatalf("want exit 3 and findings on stderr, got\n%s", r)
		}
		checkLines(t, relPaths(dir, r.stderr), manAPILines, manEdgeLines)
	})

	// The warning goes to stderr: stdout is one JSON object.
	t.Run("json", func(t *testing.T) {
		t.Parallel()
		r := run(t, dir, bin, "-json", "./...")
		if r.code != 0 {
			t.Fatalf("-json exits 0 even with findings; got\n%s", r)
		}
		if got := relPaths(dir, r.stderr); got != manWarningLine.text+"\n" {
			t.Errorf("stderr: want the one warning line %q, got %q", manWarningLine.text, got)
		}
		var obj map[string]map[string]json.RawMessage
		if err := json.Unmarshal([]byte(r.stdout), &obj); err != nil {
			t.Fatalf("stdout is not one JSON object: %v\n%s", err, r.stdout)
		}
		checkManifestJSON(t, jsonFindings(t, dir, obj))
	})

	t.Run("json-off", func(t *testing.T) {
		t.Parallel()
		r := run(t, dir, bin, "-json", manifestsFlag+"=off", "./...")
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("want exit 0 and nothing on stderr, got\n%s", r)
		}
		var obj map[string]map[string]json.RawMessage
		if err := json.Unmarshal([]byte(r.stdout), &obj); err != nil {
			t.Fatalf("stdout is not one JSON object: %v\n%s", err, r.stdout)
		}
		byPkg := jsonFindings(t, dir, obj)
		diags := byPkg["example.com/manifests/cmd/edge"]
		if len(byPkg) != 1 || len(diags) != 1 || diags[0].Category != "sigint-only" || diags[0].Posn != manEdgePosn {
			t.Errorf("want only cmd/edge's sigint-only at %s, got %+v", manEdgePosn, byPkg)
		}
	})

	// A path that does not exist stops the command before it loads
	// anything: the flag package's error naming it and the usage, exit 2.
	for _, value := range []string{"nope.yaml", "deploy/k8s.yaml,nope.yaml"} {
		t.Run("missing="+value, func(t *testing.T) {
			t.Parallel()
			r := run(t, dir, bin, manifestsFlag+"="+value, "./...")
			if r.code != 2 {
				t.Errorf("want exit 2, got\n%s", r)
			}
			for _, want := range []string{
				`invalid value "` + value + `" for flag ` + manifestsFlag + ": manifest nope.yaml: ",
				"no such file or directory",
			} {
				if !strings.Contains(r.stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, r)
				}
			}
			if r.stdout != "" || strings.Contains(r.stderr, "cmd/") || strings.Contains(r.stderr, "warning") {
				t.Errorf("want no findings and no warning after a bad flag, got\n%s", r)
			}
		})
	}
	t.Run("empty", func(t *testing.T) {
		t.Parallel()
		r := run(t, dir, bin, manifestsFlag+"=", "./...")
		want := `invalid value "" for flag ` + manifestsFlag + ": want auto, off, or comma-separated files and directories"
		if r.code != 2 || !strings.Contains(r.stderr, want) {
			t.Errorf("want exit 2 and %q, got\n%s", want, r)
		}
	})
}

// TestManifestsGoVet runs the command under go vet on
// testdata/e2e-manifests. go vet runs the tool once per package, in the
// package's directory, and prints the warning as the tool does, once per
// package main (every run reads the module's manifests), the path made
// "./deploy/broken.yaml". It caches the diagnostics of a run, not what
// the tool wrote to stderr, and go vet and go vet -json share the cache
// (go vet always runs the tool with -json): each run that checks the
// warning is on a fresh copy of the module, which go vet has not seen.
func TestManifestsGoVet(t *testing.T) {
	t.Parallel()
	bin := sigtermlint(t)
	gocmd := goTool(t)
	// go vet prints the warning's path relative to the current directory,
	// with a "./" before it, once per package main: api, edge, worker.
	warning := wantLine{text: "sigtermlint: warning: ./" + manWarning, times: 3}

	t.Run("text", func(t *testing.T) {
		copied := copyModule(t, "e2e-manifests")
		r := run(t, copied, gocmd, "vet", "-vettool="+bin, "./...")
		if r.code != 1 {
			t.Fatalf("want exit 1 (findings), got\n%s", r)
		}
		checkLines(t, relPaths(copied, r.stderr), manAPILines, manWorkerLines, []wantLine{warning})
	})

	t.Run("json", func(t *testing.T) {
		copied := copyModule(t, "e2e-manifests")
		r := run(t, copied, gocmd, "vet", "-vettool="+bin, "-json", "./...")
		if r.code != 0 {
			t.Fatalf("want exit 0, got\n%s", r)
		}
		checkLines(t, relPaths(copied, r.stderr), []wantLine{warning})
		if strings.Contains(r.stdout, "warning") {
			t.Errorf("warning on stdout:\n%s", r.stdout)
		}
		checkManifestJSON(t, vetJSONFindings(t, copied, r.stdout))
	})

	// off needs no fresh copy: there is no warning to miss.
	t.Run("off", func(t *testing.T) {
		dir := testdataDir(t, "e2e-manifests")
		r := run(t, dir, gocmd, "vet", "-vettool="+bin, manifestsFlag+"=off", "./...")
		if r.code != 1 {
			t.Fatalf("want exit 1 (findings), got\n%s", r)
		}
		checkLines(t, relPaths(dir, r.stderr), manEdgeLines)
	})

	// An absolute path works under go vet. (A relative one is taken from
	// the directory of each package go vet runs the tool in.)
	t.Run("explicit-absolute", func(t *testing.T) {
		dir := testdataDir(t, "e2e-manifests")
		r := run(t, dir, gocmd, "vet", "-vettool="+bin, manifestsFlag+"="+filepath.Join(dir, "deploy", "k8s.yaml"), "./...")
		if r.code != 1 {
			t.Fatalf("want exit 1 (findings), got\n%s", r)
		}
		checkLines(t, relPaths(dir, r.stderr), manAPILines, manEdgeLines)
	})
}

// TestPlatformFlag passes -sigtermlint.platform on the command line and
// through go vet: docker stop waits 10s, so cmd/tight's 15s drain does not
// fit, and the message names the preset; an unknown platform is rejected.
func TestPlatformFlag(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("skipping in -short mode: builds and runs the binary")
	}
	bin := sigtermlint(t)
	gocmd := goTool(t)
	dir := testdataDir(t, "e2e-drain")
	const want = "cmd/tight/main.go:31:12: shutdown may take 15s but the stop timeout is 10s (-sigtermlint.platform=docker: docker stop -t, docker run --stop-timeout, STOPSIGNAL): SIGKILL cuts the drain short"
	for _, tc := range []struct {
		name string
		cmd  string
		args []string
		code int
	}{
		{"standalone", bin, []string{"-sigtermlint.platform=docker", "./..."}, 3},
		{"go-vet", gocmd, []string{"vet", "-vettool=" + bin, "-sigtermlint.platform=docker", "./..."}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := run(t, dir, tc.cmd, tc.args...)
			if r.code != tc.code {
				t.Fatalf("want exit %d, got\n%s", tc.code, r)
			}
			if !strings.Contains(relPaths(dir, r.stderr), want) {
				t.Errorf("no platform finding %q in\n%s", want, r.stderr)
			}
		})
	}
	t.Run("unknown", func(t *testing.T) {
		r := run(t, dir, bin, "-sigtermlint.platform=heroku", "./...")
		if r.code != 2 || !strings.Contains(r.stderr, `unknown platform "heroku"`) {
			t.Errorf("want exit 2 naming heroku, got\n%s", r)
		}
	})
}
