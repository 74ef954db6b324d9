package main

// Install test: the README's `go install MODULE/cmd/sigtermlint@latest`
// and `go run MODULE/cmd/sigtermlint@VERSION`, run against this checkout.
//
// The public module proxy cannot serve this checkout, so the test serves it
// itself: a file:// GOPROXY holding one version, v0.0.0-test, whose zip is
// made from the working tree with golang.org/x/mod/zip, which leaves out
// what the go command leaves out: .git, nested modules (testdata/e2e, ...)
// and vendor directories (internal/deploy/testdata/discover/vendor). That
// proxy comes first in GOPROXY; then the module cache's download directory
// (itself a proxy layout) and the usual GOPROXY, for the dependencies. The
// module cache is a temporary one, so that every run unpacks the current
// tree rather than a v0.0.0-test cached by an earlier run.
//
// What it checks, as observed with go1.26.8:
//   - go install ...@v0.0.0-test builds, and the binary records the module
//     version (go version -m); go install @version also refuses a go.mod
//     with replace directives, which this catches;
//   - the installed binary, run on examples/nosigterm, reports no-sigterm
//     and exits 3;
//   - go run ...@v0.0.0-test -V=full prints the version line go vet reads;
//   - @latest picks the one version the proxy lists (a prerelease, chosen
//     because there is no release).

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/module"
	modzip "golang.org/x/mod/zip"
)

const (
	thisModule  = "github.com/sigtermlint/sigtermlint"
	testVersion = "v0.0.0-test"
)

func TestInstall(t *testing.T) {
	if testing.Short() {
		t.Skip("installs sigtermlint through a local module proxy (go install, go run @version); skipped with -short")
	}
	gocmd := goTool(t)
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	proxy := t.TempDir()
	writeProxy(t, proxy, root)

	// The dependencies come from the module cache when it has them, else
	// from the proxies the caller uses.
	upstream := goEnv(t, gocmd, "GOPROXY")
	modcache := goEnv(t, gocmd, "GOMODCACHE")
	proxies := []string{fileURL(proxy)}
	if modcache != "" {
		proxies = append(proxies, fileURL(filepath.Join(modcache, "cache", "download")))
	}
	if upstream != "" {
		proxies = append(proxies, upstream)
	}
	gobin := t.TempDir()
	work := t.TempDir() // outside any module: go install @version ignores go.mod anyway
	installEnv := installEnviron(
		"GOPROXY="+strings.Join(proxies, ","),
		// The checksum database does not know this zip.
		"GONOSUMDB="+thisModule,
		// A private pattern matching this module would send the go command
		// to git instead of the proxy.
		"GOPRIVATE=", "GONOPROXY=",
		"GOMODCACHE="+t.TempDir(),
		// The temporary module cache must be removable.
		"GOFLAGS=-modcacherw",
		"GOBIN="+gobin,
		"GOWORK=off", "GO111MODULE=on", "GOTOOLCHAIN=local",
	)
	t.Logf("GOPROXY=%s", strings.Join(proxies, ","))

	exe := "sigtermlint"
	if filepath.Separator == '\\' {
		exe += ".exe"
	}
	bin := filepath.Join(gobin, exe)

	t.Run("go install @version", func(t *testing.T) {
		r := runIn(t, work, installEnv, gocmd, "install", thisModule+"/cmd/sigtermlint@"+testVersion)
		if r.code != 0 {
			t.Fatalf("go install: %s", r)
		}
		checkModVersion(t, gocmd, bin, installEnv)

		// The installed binary, run the way a user runs it: in the
		// checkout, with the caller's environment (module proxy off: the
		// example imports only the standard library).
		r = run(t, root, bin, "./examples/nosigterm")
		const want = "examples/nosigterm/main.go:16:12: server started via http.ListenAndServe never handles SIGTERM"
		if r.code != 3 || !strings.Contains(r.stderr, want) {
			t.Errorf("sigtermlint ./examples/nosigterm: %s\nwant exit 3 and %q on stderr", r, want)
		}
	})

	t.Run("go run @version", func(t *testing.T) {
		r := runIn(t, work, installEnv, gocmd, "run", thisModule+"/cmd/sigtermlint@"+testVersion, "-V=full")
		// "/tmp/go-build.../exe/sigtermlint version devel comments-go-here buildID=..."
		out := strings.TrimSpace(r.stdout)
		if r.code != 0 || !strings.Contains(out, "sigtermlint version devel") || !strings.Contains(out, " buildID=") {
			t.Errorf("go run ...@%s -V=full: %s\nwant exit 0 and a line \"sigtermlint version devel ... buildID=...\"", testVersion, r)
		}
	})

	t.Run("go install @latest", func(t *testing.T) {
		if err := os.Remove(bin); err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		r := runIn(t, work, installEnv, gocmd, "install", thisModule+"/cmd/sigtermlint@latest")
		if r.code != 0 {
			t.Fatalf("go install: %s", r)
		}
		checkModVersion(t, gocmd, bin, installEnv)
	})
}

// writeProxy lays out a module proxy serving the tree at root as
// thisModule@testVersion: @v/list, .info, .mod and .zip.
func writeProxy(t *testing.T, proxy, root string) {
	t.Helper()
	writeProxyVersion(t, proxy, root, testVersion)
}

// writeProxyVersion lays out a module proxy serving the tree at root as
// thisModule@version, the one version it lists.
func writeProxyVersion(t *testing.T, proxy, root, version string) {
	t.Helper()
	m := module.Version{Path: thisModule, Version: version}
	escaped, err := module.EscapePath(m.Path)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(proxy, filepath.FromSlash(escaped), "@v")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}

	// What the zip leaves out, and why (nested modules, mostly).
	checked, err := modzip.CheckDir(root)
	if err != nil {
		t.Fatalf("module zip of %s: %v", root, err)
	}
	for _, fe := range checked.Omitted {
		rel, err := filepath.Rel(root, fe.Path)
		if err != nil {
			rel = fe.Path
		}
		t.Logf("left out of the module zip: %s: %v", filepath.ToSlash(rel), fe.Err)
	}
	t.Logf("module zip: %d files, %d left out", len(checked.Valid), len(checked.Omitted))

	zipPath := filepath.Join(dir, m.Version+".zip")
	f, err := os.Create(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := modzip.CreateFromDir(f, m, root); err != nil {
		f.Close()
		t.Fatalf("module zip of %s: %v", root, err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}

	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"list":              m.Version + "\n",
		m.Version + ".info": `{"Version":"` + m.Version + `","Time":"2026-01-01T00:00:00Z"}` + "\n",
		m.Version + ".mod":  string(gomod),
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// checkModVersion checks that bin was built from thisModule@testVersion.
func checkModVersion(t *testing.T, gocmd, bin string, env []string) {
	t.Helper()
	r := runIn(t, filepath.Dir(bin), env, gocmd, "version", "-m", bin)
	want := "\tmod\t" + thisModule + "\t" + testVersion
	if r.code != 0 || !strings.Contains(r.stdout, want) {
		t.Errorf("go version -m %s: %s\nwant a line %q", bin, r, strings.TrimSpace(want))
	}
}

// installEnviron is the caller's environment with the variables that
// decide where modules come from and where binaries go replaced by set.
func installEnviron(set ...string) []string {
	replaced := map[string]bool{"PWD": true, "GOPACKAGESDRIVER": true, "GOOS": true, "GOARCH": true}
	for _, kv := range set {
		name, _, _ := strings.Cut(kv, "=")
		replaced[name] = true
	}
	var out []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if !replaced[name] {
			out = append(out, kv)
		}
	}
	return append(out, set...)
}

// runIn runs name with args in dir, with the environment env.
func runIn(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(env, "PWD="+dir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
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
	t.Logf("%s %s: exit %d in %s", filepath.Base(name), strings.Join(args, " "), r.code, time.Since(start).Round(time.Millisecond))
	return r
}

// goEnv returns the value of a go env variable as the caller's go command
// sees it.
func goEnv(t *testing.T, gocmd, name string) string {
	t.Helper()
	out, err := exec.Command(gocmd, "env", name).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", name, err)
	}
	return strings.TrimSpace(string(out))
}

// fileURL is the file:// URL of the directory dir, as GOPROXY takes it.
func fileURL(dir string) string {
	p := filepath.ToSlash(dir)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter
	}
	return "file://" + path.Clean(p)
}
