package main

// The examples' SARIF log checked by Microsoft's SARIF validator, the
// Sarif.Multitool of the SARIF SDK, from the npm package
// @microsoft/sarif-multitool. That package is a wrapper: npm installs
// the platform's package beside it (@microsoft/sarif-multitool-linux, a
// self-contained .NET program, x86-64 only, ~100 MB), so neither a .NET
// runtime nor anything but npm is needed. The test installs it once into
// the user's cache directory and runs the executable itself (the
// wrapper's bin.js hands the arguments to a shell).
//
// Observed with 5.7.0:
//   - `Sarif.Multitool validate FILE... -o OUT` writes its findings as a
//     SARIF log to OUT and exits 0 whether or not it finds errors: the
//     test reads OUT. A result's level is its own, else its rule's
//     defaultConfiguration.level, else SARIF's default, warning. Errors
//     (schema violations JSON1xxx, spec rules SARIF1xxx) fail the test;
//     warnings and notes (SARIF2xxx, advice) are logged.
//   - It finds no error in a log whose result level is outside the
//     schema's enum (it reports nothing at all for that file): the e2e
//     tests also check the log against the schema with go-sarif.
//   - It needs ICU unless .NET runs in invariant globalization mode,
//     which the test sets (DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1).
//
// Without npm the test skips, saying so; .ci/run makes sure npm is there
// and sets SIGTERMLINT_SARIF_VALIDATOR=required, which turns every skip
// into a failure.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// multitoolVersion is the validator's version, pinned.
const multitoolVersion = "5.7.0"

func TestSARIFValidator(t *testing.T) {
	t.Parallel()
	exe := sarifMultitool(t)
	r := examplesSARIF(t)
	if r.code != 0 {
		t.Fatalf("-format=sarif ./examples/...: want exit 0, got\n%s", r)
	}

	// The examples' log, and a canary: the same log broken (an endLine
	// of 0, below the schema's minimum), in which the validator must
	// find an error, or it is not checking anything.
	dir := t.TempDir()
	examples := filepath.Join(dir, "examples.sarif")
	canary := filepath.Join(dir, "canary.sarif")
	if err := os.WriteFile(examples, []byte(r.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	var broken map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &broken); err != nil {
		t.Fatal(err)
	}
	result := broken["runs"].([]any)[0].(map[string]any)["results"].([]any)[0].(map[string]any)
	region := result["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)["region"].(map[string]any)
	region["endLine"] = 0
	data, _ := json.Marshal(broken)
	if err := os.WriteFile(canary, data, 0o644); err != nil {
		t.Fatal(err)
	}

	out := filepath.Join(dir, "validation.sarif")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe, "validate", examples, canary, "--output", out, "--log", "ForceOverwrite")
	cmd.Env = append(os.Environ(), "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1")
	console, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s validate: %v\n%s", exe, err, console)
	}
	t.Logf("%s validate examples.sarif canary.sarif:\n%s", filepath.Base(exe), console)

	byFile := validatorFindings(t, out)
	if len(byFile["canary.sarif"]["error"]) == 0 {
		t.Fatalf("the validator found no error in canary.sarif (endLine 0): it checks nothing\n%s", console)
	}
	found := byFile["examples.sarif"]
	for _, msg := range found["error"] {
		t.Errorf("validator error: %s", msg)
	}
	for _, level := range []string{"warning", "note", "none"} {
		for _, msg := range found[level] {
			t.Logf("validator %s: %s", level, msg)
		}
	}
	t.Logf("validator on the examples' log: %d errors, %d warnings, %d notes", len(found["error"]), len(found["warning"]), len(found["note"]))
}

// validatorFindings reads the validator's log: file base name -> level
// -> "RULE: message" lines.
func validatorFindings(t *testing.T, path string) map[string]map[string][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	type message struct {
		Text      string
		ID        string
		Arguments []string
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID                   string
						DefaultConfiguration struct{ Level string }
						MessageStrings       map[string]struct{ Text string }
					}
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex *int
				Level     string
				Message   message
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatalf("the validator's output is not JSON: %v\n%s", err, data)
	}
	out := map[string]map[string][]string{}
	for _, run := range log.Runs {
		rules := run.Tool.Driver.Rules
		for _, r := range run.Results {
			level, text := r.Level, r.Message.Text
			for i, rule := range rules {
				if rule.ID == r.RuleID && (r.RuleIndex == nil || *r.RuleIndex == i) {
					if level == "" {
						level = rule.DefaultConfiguration.Level
					}
					if text == "" {
						// A message by id: the rule's template, {0}... filled.
						text = rule.MessageStrings[r.Message.ID].Text
						for j, arg := range r.Message.Arguments {
							text = strings.ReplaceAll(text, "{"+strconv.Itoa(j)+"}", arg)
						}
					}
				}
			}
			if level == "" {
				level = "warning" // SARIF's default
			}
			file := "?"
			if len(r.Locations) > 0 {
				loc := r.Locations[0].PhysicalLocation
				file = filepath.Base(loc.ArtifactLocation.URI)
				text = fmt.Sprintf("(%d,%d) %s", loc.Region.StartLine, loc.Region.StartColumn, text)
			}
			if out[file] == nil {
				out[file] = map[string][]string{}
			}
			out[file][level] = append(out[file][level], r.RuleID+": "+text)
		}
	}
	return out
}

// sarifMultitool returns the validator's executable, installing the npm
// package into the user's cache directory the first time. It skips the
// test, saying why, when the validator cannot run here; with
// SIGTERMLINT_SARIF_VALIDATOR=required (CI) it fails instead.
func sarifMultitool(t *testing.T) string {
	t.Helper()
	skip := func(format string, args ...any) {
		t.Helper()
		if os.Getenv("SIGTERMLINT_SARIF_VALIDATOR") == "required" {
			t.Fatalf("SIGTERMLINT_SARIF_VALIDATOR=required, but: "+format, args...)
		}
		t.Skipf("SARIF validator: "+format, args...)
	}
	if testing.Short() {
		skip("installs and runs the npm package @microsoft/sarif-multitool; skipped with -short")
	}
	var pkg, name string
	switch {
	case runtime.GOOS == "linux" && runtime.GOARCH == "amd64":
		pkg, name = "sarif-multitool-linux", "Sarif.Multitool"
	case runtime.GOOS == "darwin":
		pkg, name = "sarif-multitool-darwin", "Sarif.Multitool"
	case runtime.GOOS == "windows":
		pkg, name = "sarif-multitool-win32", "Sarif.Multitool.exe"
	default:
		skip("@microsoft/sarif-multitool has no build for %s/%s (its Linux build is x86-64 only)", runtime.GOOS, runtime.GOARCH)
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		skip("npm is not on PATH: the validator is the npm package @microsoft/sarif-multitool@%s; install Node.js and npm to run this test", multitoolVersion)
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		skip("no user cache directory to install @microsoft/sarif-multitool into: %v", err)
	}
	parent := filepath.Join(cache, "sigtermlint-sarif-multitool")
	dir := filepath.Join(parent, multitoolVersion)
	exe := filepath.Join(dir, "node_modules", "@microsoft", pkg, name)
	if _, err := os.Stat(exe); errors.Is(err, os.ErrNotExist) {
		if out, err := installMultitool(npm, parent, dir); err != nil {
			skip("npm install @microsoft/sarif-multitool@%s failed: %v\n%s", multitoolVersion, err, out)
		}
	}
	// npm may not run the package's postinstall (chmod u+x), as npm 11
	// does not run scripts it was not allowed to.
	if fi, err := os.Stat(exe); err != nil {
		skip("npm installed @microsoft/sarif-multitool@%s without %s: %v", multitoolVersion, filepath.Join("@microsoft", pkg, name), err)
	} else if runtime.GOOS != "windows" && fi.Mode()&0o100 == 0 {
		if err := os.Chmod(exe, fi.Mode()|0o111); err != nil {
			skip("cannot make %s executable: %v", exe, err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe, "--version")
	cmd.Env = append(os.Environ(), "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1")
	if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), "SARIF Multitool") {
		skip("%s --version does not run here: %v\n%s", exe, err, out)
	}
	return exe
}

// installMultitool installs the package with npm into a new directory
// beside dir, then renames it to dir, so that a test process never sees
// half an installation and two that install at once do not mix theirs.
func installMultitool(npm, parent, dir string) ([]byte, error) {
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "install-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp) // left only when the rename failed
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, npm, "install", "--prefix", tmp, "--no-audit", "--no-fund", "--loglevel=error",
		"@microsoft/sarif-multitool@"+multitoolVersion)
	cmd.Dir = tmp
	out, err := cmd.CombinedOutput()
	if err != nil {
		return out, err
	}
	if err := os.Rename(tmp, dir); err != nil {
		if _, statErr := os.Stat(dir); statErr == nil {
			return out, nil // another process installed it first
		}
		return out, err
	}
	return out, nil
}
