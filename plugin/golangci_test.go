package plugin_test

// Integration test: a real golangci-lint binary with the plugin compiled
// in, run on the module testdata/golangci.
//
// golangci-lint custom would git-clone golangci-lint, which CI cannot do;
// golangciLint builds the same binary offline from the Go module proxy (or
// the module cache): a generated main module that requires golangci-lint
// as a library, copies its cmd/golangci-lint/main.go, blank-imports this
// package and replaces this module with the checkout. The binary is cached
// under os.UserCacheDir()/sigtermlint-golangci/, keyed by a hash of this
// module's Go sources, go.mod and go.sum, the golangci-lint version and the
// Go toolchain, so only the first run after a change pays the build
// (about 2-3 minutes on 2 cores).
//
// Observed with golangci-lint v2.15.0, which the assertions encode:
//   - one linter, sigtermlint; each message is prefixed with the analyzer
//     that reported it ("sigterm: ", "shutdown: ");
//   - exit code 1 with issues; 3 when the plugin refuses its settings,
//     with the plugin's error on stderr;
//   - //nolint:sigtermlint suppresses the finding on its line;
//   - --output.json.path=stdout prints one JSON document ({"Issues": [...],
//     "Report": {...}}, paths relative to the module root) followed, on
//     stdout too, by the text statistics ("2 issues:") unless
//     --show-stats=false.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

const (
	golangciModule  = "github.com/golangci/golangci-lint/v2"
	golangciVersion = "v2.15.0"
	thisModule      = "github.com/sigtermlint/sigtermlint"
	pluginImport    = thisModule + "/plugin"
	// buildRecipe changes when golangciLint builds differently, to
	// invalidate the cached binaries.
	buildRecipe = "1"
)

// issue is what the tests compare: where and what, and the linter name.
type issue struct {
	File   string // slash-separated, relative to testdata/golangci
	Line   int
	Linter string
	Text   string
}

func (i issue) String() string {
	return fmt.Sprintf("%s:%d: %s (%s)", i.File, i.Line, i.Text, i.Linter)
}

var (
	noSigterm = issue{"cmd/nosigterm/main.go", 15, "sigtermlint",
		"sigterm: server started via http.ListenAndServe never handles SIGTERM: deploys cut off its in-flight requests"}
	slowDrain = issue{"cmd/slowdrain/main.go", 29, "sigtermlint",
		"shutdown: shutdown may take 25s but the stop timeout is 20s (-sigtermlint.stop-timeout): SIGKILL cuts the drain short"}
)

func TestGolangciLint(t *testing.T) {
	bin := golangciLint(t)
	dir, err := filepath.Abs(filepath.Join("..", "testdata", "golangci"))
	if err != nil {
		t.Fatal(err)
	}
	// One result cache for all the runs, as a user has: a setting must
	// change the result even when the code is cached.
	cache := t.TempDir()
	run := func(args ...string) (stdout, stderr string, code int) {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+cache, "GOWORK=off")
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		code = 0
		if err != nil {
			var exit *exec.ExitError
			if !errors.As(err, &exit) {
				t.Fatalf("%s %s: %v", bin, strings.Join(args, " "), err)
			}
			code = exit.ExitCode()
		}
		t.Logf("golangci-lint %s: exit %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), code, out.String(), errb.String())
		return out.String(), errb.String(), code
	}
	// Messages the plugin must not cause: a manifest warning (the .yml
	// files here are golangci-lint's), or unknown linter names.
	checkStderr := func(stderr string) {
		t.Helper()
		for _, bad := range []string{"sigtermlint: warning", "unknown linters", "panic"} {
			if strings.Contains(stderr, bad) {
				t.Errorf("stderr contains %q:\n%s", bad, stderr)
			}
		}
	}

	t.Run("version", func(t *testing.T) {
		out, _, code := run("version")
		if code != 0 || !strings.Contains(out, "golangci-lint has version "+golangciVersion+"-custom") {
			t.Errorf("version: exit %d, %q; want exit 0 and version %s-custom...", code, out, golangciVersion)
		}
	})

	t.Run("text", func(t *testing.T) {
		out, stderr, code := run("run", "./...")
		if code != 1 {
			t.Errorf("exit code %d, want 1 (issues found)", code)
		}
		checkStderr(stderr)
		compare(t, parseText(t, out), noSigterm, slowDrain)
		if strings.Contains(out, "cmd/suppressed") {
			t.Errorf("the //nolint:sigtermlint finding of cmd/suppressed is printed:\n%s", out)
		}
	})

	t.Run("json", func(t *testing.T) {
		out, stderr, code := run("run", "--output.json.path=stdout", "--show-stats=false", "./...")
		if code != 1 {
			t.Errorf("exit code %d, want 1 (issues found)", code)
		}
		checkStderr(stderr)
		compare(t, parseJSON(t, dir, out), noSigterm, slowDrain)

		// Without --show-stats=false, the statistics follow the JSON
		// document on stdout: tools must decode one value, not the whole.
		out, _, _ = run("run", "--output.json.path=stdout", "./...")
		dec := json.NewDecoder(strings.NewReader(out))
		var doc json.RawMessage
		if err := dec.Decode(&doc); err != nil {
			t.Fatalf("first JSON value: %v", err)
		}
		compare(t, parseJSON(t, dir, string(doc)), noSigterm, slowDrain)
		rest, _ := io.ReadAll(dec.Buffered())
		if got := strings.TrimSpace(string(rest)); !strings.HasPrefix(got, "2 issues:") {
			t.Errorf("after the JSON: %q, want the statistics (2 issues: ...)", got)
		}
	})

	// Without stop-timeout: 20s, the default 30s holds the 25s drain.
	t.Run("nosettings", func(t *testing.T) {
		out, stderr, code := run("run", "--config=nosettings.golangci.yml", "--output.json.path=stdout", "--show-stats=false", "./...")
		if code != 1 {
			t.Errorf("exit code %d, want 1 (issues found)", code)
		}
		checkStderr(stderr)
		compare(t, parseJSON(t, dir, out), noSigterm)
	})

	// The per-rule switch: disable: [no-sigterm] silences exactly that
	// category.
	t.Run("disable", func(t *testing.T) {
		out, stderr, code := run("run", "--config=disable.golangci.yml", "--output.json.path=stdout", "--show-stats=false", "./...")
		if code != 1 {
			t.Errorf("exit code %d, want 1 (issues found)", code)
		}
		checkStderr(stderr)
		compare(t, parseJSON(t, dir, out), slowDrain)
	})

	t.Run("badcategory", func(t *testing.T) {
		out, stderr, code := run("run", "--config=badcategory.golangci.yml", "./...")
		if code != 3 {
			t.Errorf("exit code %d, want 3 (failure)", code)
		}
		const want = `sigtermlint: settings: enable: unknown category "no-such-rule"`
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not contain %q:\n%s", want, stderr)
		}
		if strings.Contains(out, "sigtermlint") {
			t.Errorf("issues printed despite the bad setting:\n%s", out)
		}
	})

	t.Run("badsetting", func(t *testing.T) {
		out, stderr, code := run("run", "--config=badsetting.golangci.yml", "./...")
		if code != 3 {
			t.Errorf("exit code %d, want 3 (failure)", code)
		}
		const want = `sigtermlint: settings: stop-timeout: time: invalid duration "soon"`
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not contain %q:\n%s", want, stderr)
		}
		if strings.Contains(out, "sigtermlint") {
			t.Errorf("issues printed despite the bad setting:\n%s", out)
		}
	})
}

// compare checks that got holds exactly want, in any order.
func compare(t *testing.T, got []issue, want ...issue) {
	t.Helper()
	key := func(a, b issue) int { return strings.Compare(a.String(), b.String()) }
	slices.SortFunc(got, key)
	want = slices.Clone(want)
	slices.SortFunc(want, key)
	if !slices.Equal(got, want) {
		t.Errorf("issues:\n%s\nwant:\n%s", lines(got), lines(want))
	}
}

func lines(is []issue) string {
	var b strings.Builder
	for _, i := range is {
		fmt.Fprintf(&b, "\t%s\n", i)
	}
	return b.String()
}

// textIssue matches the first line of an issue in the text output, e.g.
// "cmd/nosigterm/main.go:15:12: sigterm: server started ... (sigtermlint)".
var textIssue = regexp.MustCompile(`^(\S+\.go):(\d+):\d+: (.*) \((\S+)\)$`)

func parseText(t *testing.T, out string) []issue {
	t.Helper()
	var is []issue
	for _, l := range strings.Split(out, "\n") {
		if m := textIssue.FindStringSubmatch(l); m != nil {
			var line int
			fmt.Sscan(m[2], &line)
			is = append(is, issue{filepath.ToSlash(m[1]), line, m[4], m[3]})
		}
	}
	return is
}

func parseJSON(t *testing.T, dir, out string) []issue {
	t.Helper()
	var res struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename string
				Line     int
			}
		}
		Report map[string]any
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("--output.json.path=stdout: %v\n%s", err, out)
	}
	if res.Report == nil {
		t.Errorf("no Report in the JSON output")
	}
	var is []issue
	for _, i := range res.Issues {
		name := i.Pos.Filename
		if filepath.IsAbs(name) {
			if rel, err := filepath.Rel(dir, name); err == nil {
				name = rel
			}
		}
		is = append(is, issue{filepath.ToSlash(name), i.Pos.Line, i.FromLinter, i.Text})
	}
	return is
}

// golangciLint returns the path of a golangci-lint binary with the plugin
// compiled in, building it unless the cache has one for the current
// sources. Skipped with -short.
func golangciLint(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds golangci-lint " + golangciVersion + " with the plugin (minutes the first time, then cached); skipped with -short")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	goVersion := goOutput(t, root, "env", "GOVERSION")
	key := sourceKey(t, root, goVersion)
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	base = filepath.Join(base, "sigtermlint-golangci")
	keyDir := filepath.Join(base, key[:20])
	exe := "golangci-lint"
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	bin := filepath.Join(keyDir, exe)
	if _, err := os.Stat(bin); err == nil {
		t.Logf("golangci-lint with the plugin: cached %s (key %s)", bin, key[:20])
		return bin
	}

	start := time.Now()
	if err := os.MkdirAll(base, 0o755); err != nil {
		t.Fatal(err)
	}
	work, err := os.MkdirTemp(base, "build-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(work)
	t.Logf("building golangci-lint %s with the plugin in %s (key %s): a few minutes the first time", golangciVersion, work, key[:20])

	// The sources of golangci-lint's main package.
	var dl struct{ Dir, Error string }
	if err := json.Unmarshal([]byte(goOutput(t, work, "mod", "download", "-json", golangciModule+"@"+golangciVersion)), &dl); err != nil || dl.Dir == "" {
		t.Fatalf("go mod download %s@%s: %v %s", golangciModule, golangciVersion, err, dl.Error)
	}
	mainGo, err := os.ReadFile(filepath.Join(dl.Dir, "cmd", "golangci-lint", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	var mod struct{ Go string }
	if err := json.Unmarshal([]byte(goOutput(t, root, "mod", "edit", "-json")), &mod); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"main.go": string(mainGo),
		"plugins.go": "// Code generated by plugin/golangci_test.go. DO NOT EDIT.\n\n" +
			"package main\n\nimport _ \"" + pluginImport + "\"\n",
		"go.mod": fmt.Sprintf("module golangci-lint-sigtermlint\n\ngo %s\n\nrequire (\n\t%s %s\n\t%s v0.0.0\n)\n\nreplace %s => %s\n",
			mod.Go, golangciModule, golangciVersion, thisModule, thisModule, root),
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(work, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("go mod tidy (downloads golangci-lint's dependencies the first time)")
	goOutput(t, work, "mod", "tidy")
	t.Logf("go mod tidy: done after %s; go build", time.Since(start).Round(time.Second))
	version := golangciVersion + "-custom-gcl-" + key[:12]
	ldflags := fmt.Sprintf("-s -w -X main.version=%s -X main.date=%s", version, time.Now().UTC().Format(time.RFC3339))
	goOutput(t, work, "build", "-ldflags", ldflags, "-o", exe, ".")

	// Publish: rename is atomic, so concurrent runs see a whole binary or
	// none; they may both build, and the last rename wins.
	if err := os.MkdirAll(keyDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"go.mod", "go.sum"} {
		if data, err := os.ReadFile(filepath.Join(work, name)); err == nil {
			_ = os.WriteFile(filepath.Join(keyDir, name), data, 0o644)
		}
	}
	if err := os.Rename(filepath.Join(work, exe), bin); err != nil {
		t.Fatal(err)
	}
	t.Logf("built %s (version %s) in %s", bin, version, time.Since(start).Round(time.Second))

	// Drop the binaries of other sources (about 100 MB each) and builds
	// abandoned more than a day ago.
	entries, _ := os.ReadDir(base)
	for _, e := range entries {
		p := filepath.Join(base, e.Name())
		if p == keyDir || p == work {
			continue
		}
		if strings.HasPrefix(e.Name(), "build-") {
			if info, err := e.Info(); err != nil || time.Since(info.ModTime()) < 24*time.Hour {
				continue
			}
		}
		os.RemoveAll(p)
	}
	return bin
}

// sourceKey hashes what the binary is built from: the golangci-lint
// version, the Go toolchain, the build recipe, this module's go.mod and
// go.sum and its Go files outside testdata and hidden directories, test
// files excepted.
func sourceKey(t *testing.T, root, goVersion string) string {
	t.Helper()
	h := sha256.New()
	fmt.Fprintf(h, "%s@%s\n%s %s/%s\nrecipe %s\n", golangciModule, golangciVersion, goVersion, runtime.GOOS, runtime.GOARCH, buildRecipe)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		goFile := strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go")
		if !goFile && !(filepath.Dir(p) == root && (name == "go.mod" || name == "go.sum")) {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		fmt.Fprintf(h, "%s %d\n", filepath.ToSlash(rel), len(data))
		h.Write(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// goOutput runs the go command in dir and returns its trimmed stdout.
func goOutput(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go %s (in %s): %v\n%s%s", strings.Join(args, " "), dir, err, out, stderr.String())
	}
	return strings.TrimSpace(string(out))
}
