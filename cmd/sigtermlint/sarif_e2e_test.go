package main

// End-to-end tests of -format=sarif: the built binary run the same way
// three times, in text, with -json and with -format=sarif, on the
// examples and on testdata modules with each kind of flag; the SARIF log
// must say what the other two say. Also its bad input, and -format=text
// and -format=json as synonyms of the driver's outputs.
//
// Observed: the log on stdout and exit 0 with findings (as -json);
// warnings (a manifest that does not parse) on stderr; exit 1 with the
// errors on stderr and nothing on stdout when packages do not
// type-check; exit 2 on a bad flag. A package and its test variant share
// their files: -json lists a finding under each, the text output and the
// log once.

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	gosarif "github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

// sarifCategories are the rule ids of the log: the categories of the
// output contract (rule-decisions.md), bad-directive's included.
var sarifCategories = []string{
	"no-sigterm", "sigint-only", "no-shutdown", "stop-signal", "signal-not-delivered",
	"exit-before-drain", "cancelled-context", "unbounded-shutdown", "shutdown-timeout",
	"hijacked-not-closed", "stream-blocks-drain",
	"drain-delay-too-short", "drain-delay-too-long", "no-deregistration-wait", "bad-directive",
}

// sarifLog is the part of the log these tests read.
type sarifLog struct {
	Version string
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name, Version, InformationURI string
				Rules                         []struct {
					ID, HelpURI          string
					DefaultConfiguration struct{ Level string }
				}
			}
		}
		OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
		Results            []sarifResult
	}
}

type sarifResult struct {
	RuleID           string
	RuleIndex        int
	Level            string
	Message          struct{ Text string }
	Locations        []sarifLocation
	RelatedLocations []sarifLocation
	Fixes            []struct {
		Description     struct{ Text string }
		ArtifactChanges []struct {
			ArtifactLocation sarifArtifact
			Replacements     []struct {
				DeletedRegion   sarifRegion
				InsertedContent struct{ Text string }
			}
		}
	}
}

type sarifLocation struct {
	Message          struct{ Text string }
	PhysicalLocation struct {
		ArtifactLocation sarifArtifact
		Region           sarifRegion
	}
}

type sarifArtifact struct {
	URI       string
	URIBaseID string `json:"uriBaseId"`
}

type sarifRegion struct{ StartLine, StartColumn, EndLine, EndColumn int }

// decodeSARIF decodes stdout, which must hold one SARIF 2.1.0 log and
// nothing else, valid against the schema.
func decodeSARIF(t *testing.T, stdout string) sarifLog {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(stdout))
	var log sarifLog
	if err := dec.Decode(&log); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, stdout)
	}
	if _, err := dec.Token(); err != io.EOF {
		t.Fatalf("stdout holds more than one JSON value:\n%s", stdout)
	}
	report, err := gosarif.FromString(stdout)
	if err != nil {
		t.Fatal(err)
	}
	if err := report.Validate(); err != nil {
		t.Errorf("the log does not match the SARIF 2.1.0 schema: %v", err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("want SARIF 2.1.0 with one run, got version %q and %d runs", log.Version, len(log.Runs))
	}
	return log
}

// textFinding is a finding of the text output, or of the log spelled the
// same way: "FILE:LINE:COL", absolute.
type textFinding struct {
	Category string // from -json
	Posn     string
	Message  string
	Related  []string // "POSN: MESSAGE"
	Fixes    []string // each fix: its message, then its edits as "POSN-POSN: NEW"
}

// parseText reads the text output: a finding per line, its related
// information on the lines after it, indented with a tab.
func parseText(t *testing.T, stderr string) []textFinding {
	t.Helper()
	var out []textFinding
	for _, l := range strings.Split(strings.TrimSuffix(stderr, "\n"), "\n") {
		posn, msg, ok := strings.Cut(l, ": ")
		if l == "" || strings.HasPrefix(l, "sigtermlint: warning: ") {
			continue
		}
		if !ok {
			t.Fatalf("not a diagnostic line: %q", l)
		}
		if rel, isRelated := strings.CutPrefix(msg, "\t"); isRelated {
			if len(out) == 0 {
				t.Fatalf("related information before any finding: %q", l)
			}
			out[len(out)-1].Related = append(out[len(out)-1].Related, posn+": "+rel)
			continue
		}
		out = append(out, textFinding{Posn: posn, Message: msg})
	}
	return out
}

// sarifJSONDiag is a -json diagnostic, with the byte offsets of its
// fixes' edits.
type sarifJSONDiag struct {
	Category, Posn, Message string
	SuggestedFixes          []struct {
		Message string
		Edits   []struct {
			Filename   string
			Start, End int
			New        string
		}
	} `json:"suggested_fixes"`
}

// addJSON gives the text findings their category and fixes from the
// -json output, which lists each finding once per package variant.
func addJSON(t *testing.T, stdout string, findings []textFinding) {
	t.Helper()
	var obj map[string]map[string][]sarifJSONDiag
	if err := json.Unmarshal([]byte(stdout), &obj); err != nil {
		t.Fatalf("-json: %v\n%s", err, stdout)
	}
	byKey := map[string]sarifJSONDiag{}
	for _, analyzers := range obj {
		for _, diags := range analyzers {
			for _, d := range diags {
				byKey[d.Posn+"\x00"+d.Message] = d
			}
		}
	}
	for i, f := range findings {
		d, ok := byKey[f.Posn+"\x00"+f.Message]
		if !ok {
			t.Errorf("text finding %s: %s is not in the -json output", f.Posn, f.Message)
			continue
		}
		findings[i].Category = d.Category
		for _, fix := range d.SuggestedFixes {
			s := fix.Message
			for _, e := range fix.Edits {
				s += fmt.Sprintf("\n%s-%s: %q", offsetPosn(t, e.Filename, e.Start), offsetPosn(t, e.Filename, e.End), e.New)
			}
			findings[i].Fixes = append(findings[i].Fixes, s)
		}
	}
}

// offsetPosn spells a byte offset of a file as FILE:LINE:COL (columns in
// bytes: the files here are ASCII, where UTF-16 columns are the same).
func offsetPosn(t *testing.T, file string, offset int) string {
	t.Helper()
	content, err := os.ReadFile(file)
	if err != nil || offset > len(content) {
		t.Fatalf("edit of %s at %d: %v", file, offset, err)
	}
	before := content[:offset]
	line := strings.Count(string(before), "\n") + 1
	col := offset - (strings.LastIndex(string(before), "\n") + 1) + 1
	return fmt.Sprintf("%s:%d:%d", file, line, col)
}

// sarifFindings spells the log's results as the text output does, with
// each file resolved against %SRCROOT%, and checks that every file is
// given relative to it.
func sarifFindings(t *testing.T, log sarifLog) []textFinding {
	t.Helper()
	run := log.Runs[0]
	base, err := url.Parse(run.OriginalURIBaseIDs["%SRCROOT%"].URI)
	if err != nil || base.Scheme != "file" || !strings.HasSuffix(base.Path, "/") {
		t.Fatalf("originalUriBaseIds[%%SRCROOT%%] = %q: want a file URI ending in /", run.OriginalURIBaseIDs["%SRCROOT%"].URI)
	}
	file := func(a sarifArtifact) string {
		t.Helper()
		u, err := url.Parse(a.URI)
		if err != nil || a.URIBaseID != "%SRCROOT%" || u.IsAbs() || strings.HasPrefix(a.URI, "/") {
			t.Errorf("artifactLocation %+v: want a relative URI under %%SRCROOT%%", a)
		}
		return filepath.FromSlash(base.ResolveReference(u).Path)
	}
	posn := func(a sarifArtifact, line, col int) string {
		return file(a) + ":" + strconv.Itoa(line) + ":" + strconv.Itoa(col)
	}
	var out []textFinding
	for _, r := range run.Results {
		if len(r.Locations) != 1 {
			t.Fatalf("result %+v: want one location", r)
		}
		loc := r.Locations[0].PhysicalLocation
		f := textFinding{Category: r.RuleID, Posn: posn(loc.ArtifactLocation, loc.Region.StartLine, loc.Region.StartColumn), Message: r.Message.Text}
		for _, rel := range r.RelatedLocations {
			p := rel.PhysicalLocation
			f.Related = append(f.Related, posn(p.ArtifactLocation, p.Region.StartLine, p.Region.StartColumn)+": "+rel.Message.Text)
		}
		for _, fix := range r.Fixes {
			s := fix.Description.Text
			for _, c := range fix.ArtifactChanges {
				for _, rep := range c.Replacements {
					d := rep.DeletedRegion
					s += fmt.Sprintf("\n%s-%s: %q", posn(c.ArtifactLocation, d.StartLine, d.StartColumn), posn(c.ArtifactLocation, d.EndLine, d.EndColumn), rep.InsertedContent.Text)
				}
			}
			f.Fixes = append(f.Fixes, s)
		}
		wantLevel := "error"
		if r.RuleID == "bad-directive" {
			wantLevel = "warning"
		}
		if r.Level != wantLevel || r.RuleIndex < 0 || r.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %s %s: level %q, ruleIndex %d: want level %s and the index of its rule", r.RuleID, f.Posn, r.Level, r.RuleIndex, wantLevel)
		}
		out = append(out, f)
	}
	return out
}

// wantSourceRoot is the directory holding .git at or above dir, else dir.
func wantSourceRoot(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}

// checkSARIF runs the command with args in dir as text, -json and
// -format=sarif, and checks that the log says what the others say. It
// returns the log's findings, and the text and -json runs.
func checkSARIF(t *testing.T, dir string, args ...string) (findings []textFinding, text, js result) {
	t.Helper()
	bin := sigtermlint(t)
	text = run(t, dir, bin, args...)
	if text.code != 0 && text.code != 3 {
		t.Fatalf("text: want exit 0 or 3, got\n%s", text)
	}
	js = run(t, dir, bin, append([]string{"-json"}, args...)...)
	if js.code != 0 {
		t.Fatalf("-json: want exit 0, got\n%s", js)
	}
	var sr result
	if dir == repoRoot(t) && slices.Equal(args, []string{"./examples/..."}) {
		sr = examplesSARIF(t)
	} else {
		sr = run(t, dir, bin, append([]string{"-format=sarif"}, args...)...)
	}
	if sr.code != 0 {
		t.Fatalf("-format=sarif: want exit 0 with findings, as -json, got\n%s", sr)
	}
	// Warnings go to stderr, the same as in text; findings never.
	for _, l := range lines(sr.stderr) {
		if !strings.HasPrefix(l, "sigtermlint: warning: ") {
			t.Errorf("-format=sarif: unexpected line on stderr: %q", l)
		}
	}

	want := parseText(t, text.stderr)
	addJSON(t, js.stdout, want)
	log := decodeSARIF(t, sr.stdout)
	got := sarifFindings(t, log)

	run := log.Runs[0]
	if d := run.Tool.Driver; d.Name != "sigtermlint" || d.Version == "" || d.InformationURI == "" {
		t.Errorf("tool.driver: %+v", d)
	}
	var ids []string
	for _, r := range run.Tool.Driver.Rules {
		ids = append(ids, r.ID)
		if !strings.HasSuffix(r.HelpURI, "#"+r.ID) {
			t.Errorf("rule %s: helpUri %q", r.ID, r.HelpURI)
		}
	}
	if !slices.Equal(ids, sarifCategories) {
		t.Errorf("rule ids %q, want exactly the categories %q", ids, sarifCategories)
	}
	// dir is a module's root in every case.
	wantBase := (&url.URL{Scheme: "file", Path: filepath.ToSlash(wantSourceRoot(dir)) + "/"}).String()
	if b := run.OriginalURIBaseIDs["%SRCROOT%"].URI; b != wantBase {
		t.Errorf("originalUriBaseIds[%%SRCROOT%%] = %q, want %q: the directory holding .git, else the module root", b, wantBase)
	}

	cmpFinding := func(a, b textFinding) int { return strings.Compare(a.Posn+a.Message, b.Posn+b.Message) }
	slices.SortFunc(want, cmpFinding)
	slices.SortFunc(got, cmpFinding)
	if len(got) != len(want) {
		t.Errorf("%d results in the log, %d findings in the text output", len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		g, w := got[i], want[i]
		if g.Posn != w.Posn || g.Message != w.Message || g.Category != w.Category {
			t.Errorf("result %d:\n got %s %s: %s\nwant %s %s: %s", i, g.Category, g.Posn, g.Message, w.Category, w.Posn, w.Message)
			continue
		}
		if !slices.Equal(g.Related, w.Related) {
			t.Errorf("%s %s: related locations\n got %q\nwant %q (the text output's related lines)", g.Category, g.Posn, g.Related, w.Related)
		}
		if !slices.Equal(g.Fixes, w.Fixes) {
			t.Errorf("%s %s: fixes\n got %q\nwant %q (-json's suggested_fixes)", g.Category, g.Posn, g.Fixes, w.Fixes)
		}
	}
	return got, text, js
}

var (
	examplesOnce sync.Once
	examplesRun  result
)

// examplesSARIF is the run of -format=sarif on the examples, shared by
// TestSARIF and TestSARIFValidator. A crash fails the first test to ask.
func examplesSARIF(t *testing.T) result {
	t.Helper()
	bin := sigtermlint(t)
	examplesOnce.Do(func() {
		examplesRun = run(t, repoRoot(t), bin, "-format=sarif", "./examples/...")
	})
	return examplesRun
}

func TestSARIF(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, dir string
		args      []string
		results   int // -1: any
	}{
		// README's first command: nine findings, two with fixes, a
		// related location in a Dockerfile, one in a Terraform file.
		{"examples", "", []string{"./examples/..."}, 9},
		// Test variants: -json lists two findings twice; the log once.
		{"e2e", "e2e", []string{"./..."}, 2},
		// The flags of the lint: the configuration's, the analyzers'
		// selection, -test.
		{"stop-timeout", "e2e-drain", []string{stopTimeoutFlag + "=10s", "-shutdown", "./..."}, -1},
		{"platform", "e2e-drain", []string{"-sigtermlint.platform=docker", "-test=false", "./..."}, -1},
		// The manifests read by default (-sigtermlint.manifests=auto),
		// one of which does not parse: a warning on stderr.
		{"manifests", "e2e-manifests", []string{"./..."}, -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := repoRoot(t)
			if tc.dir != "" {
				dir = testdataDir(t, tc.dir)
			}
			got, text, js := checkSARIF(t, dir, tc.args...)
			if tc.results >= 0 && len(got) != tc.results {
				t.Errorf("want %d results, got %d", tc.results, len(got))
			}
			if len(got) == 0 {
				t.Errorf("no results: the case checks nothing")
			}
			switch tc.name {
			case "examples":
				var related, fixes int
				for _, f := range got {
					related += boolInt(len(f.Related) > 0)
					fixes += boolInt(len(f.Fixes) > 0)
				}
				if related < 5 || fixes < 2 {
					t.Errorf("examples: %d results with related locations, %d with fixes; want at least 5 and 2", related, fixes)
				}
			case "e2e":
				// -format=text and -format=json are the driver's outputs.
				bin := sigtermlint(t)
				for _, syn := range []struct {
					format string
					want   result
				}{{"text", text}, {"json", js}} {
					if r := run(t, dir, bin, append([]string{"-format=" + syn.format}, tc.args...)...); r != syn.want {
						t.Errorf("-format=%s differs from the driver's output:\n%s\n---\n%s", syn.format, r, syn.want)
					}
				}
			}
		})
	}
}

func TestSARIFBadInput(t *testing.T) {
	t.Parallel()
	bin := sigtermlint(t)
	e2e := testdataDir(t, "e2e")
	for _, tc := range []struct {
		name  string
		dir   string
		args  []string
		code  int
		first string // the first line of stderr
		last  string // the last line, when it differs
	}{
		{"unknown-format", e2e, []string{"-format=xml", "./..."}, 2, `invalid value "xml" for flag -format: want text, json or sarif`, ""},
		{"json-and-sarif", e2e, []string{"-format=sarif", "-json", "./..."}, 2, "-json and -format=sarif both choose the output: give one", ""},
		{"fix", e2e, []string{"-format=sarif", "-fix", "./..."}, 2, "sigtermlint: -fix does not go with -format=sarif", ""},
		{"bad-flag-value", e2e, []string{"-format=sarif", stopTimeoutFlag + "=soon", "./..."}, 2, `invalid value "soon" for flag ` + stopTimeoutFlag + `: time: invalid duration "soon"`, "*"},
		{"unknown-flag", e2e, []string{"-format=sarif", "-nosuchflag", "./..."}, 2, "flag provided but not defined: -nosuchflag", "*"},
		{"no-patterns", e2e, []string{"-format=sarif"}, 1, "sigtermlint: -format=sarif needs package patterns, e.g. ./...", "*"},
		{"no-match", e2e, []string{"-format=sarif", "example.com/e2e/zzz/..."}, 1, "example.com/e2e/zzz/... matched no packages", "sigtermlint: the analysis did not complete: no SARIF log written"},
		// Packages that do not type-check: the errors, never a log that
		// looks clean.
		{"type-errors", testdataDir(t, "e2e-broken"), []string{"-format=sarif", "./..."}, 1, "DIR/cmd/bad/main.go:7:17: cannot use \"8080\" (untyped string constant) as int value in variable declaration", "sigtermlint: the analysis did not complete: no SARIF log written"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := run(t, tc.dir, bin, tc.args...)
			if r.code != tc.code || r.stdout != "" {
				t.Fatalf("want exit %d and nothing on stdout, got\n%s", tc.code, r)
			}
			got := lines(r.stderr)
			if want := strings.ReplaceAll(tc.first, "DIR", tc.dir); len(got) == 0 || got[0] != want {
				t.Fatalf("first line of stderr: want %q, got\n%s", want, r)
			}
			switch tc.last {
			case "":
				if len(got) != 1 {
					t.Errorf("want one line on stderr, got\n%s", r)
				}
			case "*":
			default:
				if got[len(got)-1] != tc.last {
					t.Errorf("last line of stderr: want %q, got\n%s", tc.last, r)
				}
			}
		})
	}
}
