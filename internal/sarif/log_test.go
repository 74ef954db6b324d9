package sarif

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sigtermlint/sigtermlint/analyzers/shutdown"
	"github.com/sigtermlint/sigtermlint/analyzers/sigterm"
	"github.com/sigtermlint/sigtermlint/internal/directive"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
)

// logJSON is the part of a SARIF log the tests read, decoded from the
// JSON the command prints (not from the library's types, so that a field
// the library names or nests wrongly shows).
type logJSON struct {
	Schema  string `json:"$schema"`
	Version string
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name, InformationURI, Version, SemanticVersion string
				Rules                                          []ruleJSON
			}
		}
		ColumnKind         string
		OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
		Results            []resultJSON
		Invocations        []struct{ ExecutionSuccessful bool }
	}
}

type ruleJSON struct {
	ID, Name, HelpURI                       string
	ShortDescription, FullDescription, Help struct{ Text, Markdown string }
	DefaultConfiguration                    struct{ Level string }
	Properties                              struct{ Tags []string }
}

type resultJSON struct {
	RuleID           string
	RuleIndex        int
	Level            string
	Message          struct{ Text string }
	Locations        []locationJSON
	RelatedLocations []locationJSON
	Fixes            []struct {
		Description     struct{ Text string }
		ArtifactChanges []struct {
			ArtifactLocation artifactJSON
			Replacements     []struct {
				DeletedRegion   regionJSON
				InsertedContent *struct{ Text string }
			}
		}
	}
}

type locationJSON struct {
	ID               int
	Message          struct{ Text string }
	PhysicalLocation struct {
		ArtifactLocation artifactJSON
		Region           regionJSON
	}
}

type artifactJSON struct {
	URI       string
	URIBaseID string `json:"uriBaseId"`
}

type regionJSON struct{ StartLine, StartColumn, EndLine, EndColumn int }

// encode prints the log as the command does and decodes it back.
func encode(t *testing.T, tool Tool, root string, findings []Finding) (logJSON, []byte) {
	t.Helper()
	log := Log(tool, append(sigterm.Rules(), shutdown.Rules()...), root, findings)
	if err := log.Validate(); err != nil {
		t.Errorf("the log does not match the SARIF 2.1.0 schema: %v", err)
	}
	var b bytes.Buffer
	if err := log.PrettyWrite(&b); err != nil {
		t.Fatal(err)
	}
	var out logJSON
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b.Bytes())
	}
	if len(out.Runs) != 1 {
		t.Fatalf("want one run, got %d", len(out.Runs))
	}
	return out, b.Bytes()
}

var tool = Tool{Name: "sigtermlint", InformationURI: InformationURI, Version: "v1.2.3"}

func TestLogRules(t *testing.T) {
	root := filepath.FromSlash("/src/repo")
	out, raw := encode(t, tool, root, nil)
	if out.Version != "2.1.0" || !strings.Contains(out.Schema, "sarif-schema-2.1.0.json") {
		t.Errorf("version %q, $schema %q: want SARIF 2.1.0", out.Version, out.Schema)
	}
	run := out.Runs[0]
	d := run.Tool.Driver
	if d.Name != "sigtermlint" || d.InformationURI != InformationURI || d.Version != "v1.2.3" || d.SemanticVersion != "1.2.3" {
		t.Errorf("driver: %+v", d)
	}
	if run.ColumnKind != "utf16CodeUnits" {
		t.Errorf("columnKind %q", run.ColumnKind)
	}
	if got := run.OriginalURIBaseIDs[SrcRoot].URI; got != "file:///src/repo/" {
		t.Errorf("originalUriBaseIds[%s] = %q, want file:///src/repo/", SrcRoot, got)
	}
	// code scanning refuses a run without a results array.
	if !bytes.Contains(raw, []byte(`"results": []`)) {
		t.Errorf("want an empty results array, got\n%s", raw)
	}
	if len(run.Invocations) != 1 || !run.Invocations[0].ExecutionSuccessful {
		t.Errorf("want one successful invocation, got %+v", run.Invocations)
	}

	var ids []string
	for _, r := range d.Rules {
		ids = append(ids, r.ID)
	}
	want := append(ruledoc.Ignorable(), directive.BadDirective)
	if !slices.Equal(ids, want) {
		t.Errorf("rule ids %q, want the categories %q", ids, want)
	}
	records := map[string]ruledoc.Rule{}
	for _, r := range append(sigterm.Rules(), shutdown.Rules()...) {
		records[r.Category] = r
	}
	for _, r := range d.Rules {
		rec := records[r.ID]
		if r.HelpURI != ruledoc.URL(r.ID) {
			t.Errorf("%s: helpUri %q, want %q", r.ID, r.HelpURI, ruledoc.URL(r.ID))
		}
		wantLevel := "error"
		if r.ID == directive.BadDirective {
			wantLevel = "warning"
		}
		if r.DefaultConfiguration.Level != wantLevel {
			t.Errorf("%s: default level %q, want %q", r.ID, r.DefaultConfiguration.Level, wantLevel)
		}
		if r.ShortDescription.Markdown != rec.Title || strings.Contains(r.ShortDescription.Text, "`") || r.ShortDescription.Text == "" {
			t.Errorf("%s: shortDescription %+v, want the title %q, its text without backticks", r.ID, r.ShortDescription, rec.Title)
		}
		if !strings.Contains(r.FullDescription.Markdown, rec.When) || !strings.Contains(r.FullDescription.Markdown, rec.Production) || strings.Contains(r.FullDescription.Text, "`") {
			t.Errorf("%s: fullDescription %+v, want when and what happens in production", r.ID, r.FullDescription)
		}
		if r.Help.Text != plain(rec.Fix) || !strings.Contains(r.Help.Markdown, ruledoc.URL(r.ID)) {
			t.Errorf("%s: help %+v, want the fix and the link", r.ID, r.Help)
		}
		if !slices.Equal(r.Properties.Tags, []string{rec.Analyzer}) {
			t.Errorf("%s: tags %q, want [%s]", r.ID, r.Properties.Tags, rec.Analyzer)
		}
	}
	if d.Rules[0].Name != "NoSigterm" || d.Rules[len(d.Rules)-1].Name != "BadDirective" {
		t.Errorf("names %q ... %q, want NoSigterm ... BadDirective", d.Rules[0].Name, d.Rules[len(d.Rules)-1].Name)
	}
}

func TestLogResults(t *testing.T) {
	root := filepath.FromSlash("/src/repo")
	file := func(rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) }
	at := func(rel string, line, col, endLine, endCol int) Span {
		return Span{File: file(rel), StartLine: line, StartColumn: col, EndLine: endLine, EndColumn: endCol}
	}
	intOnly := Finding{
		Category: ruledoc.SIGINTOnly,
		Message:  "server handles SIGINT, not SIGTERM",
		Span:     at("cmd/api/main.go", 22, 12, 22, 36),
		Related:  []Related{{Span: at("cmd/api/main.go", 17, 2, 17, 32), Message: "only SIGINT is handled here"}},
		Fixes: []Fix{{Message: "Add SIGTERM to the signal list", Edits: []Edit{
			{Span: at("cmd/api/main.go", 5, 2, 5, 2), NewText: "\"syscall\"\n\t"},
			{Span: at("cmd/api/main.go", 17, 30, 17, 31), NewText: ", syscall.SIGTERM)"},
			{Span: at("cmd/api/other.go", 3, 1, 4, 1)}, // a deletion, in a second file
		}}},
	}
	directiveFinding := Finding{
		Category: directive.BadDirective,
		Message:  "malformed directive",
		Span:     at("my dir/main.go", 5, 1, 5, 1),
	}
	outside := Finding{
		Category: ruledoc.NoSIGTERM,
		Message:  "elsewhere",
		Span:     Span{File: filepath.FromSlash("/elsewhere/lib/main.go"), StartLine: 3, StartColumn: 1, EndLine: 3, EndColumn: 9},
	}
	// Out of order, and intOnly twice (a package and its test variant).
	out, _ := encode(t, Tool{Name: "sigtermlint", InformationURI: InformationURI, Version: "devel"}, root,
		[]Finding{outside, intOnly, directiveFinding, intOnly})
	run := out.Runs[0]
	if run.Tool.Driver.Version != "devel" || run.Tool.Driver.SemanticVersion != "" {
		t.Errorf("version %q, semanticVersion %q: want devel and none", run.Tool.Driver.Version, run.Tool.Driver.SemanticVersion)
	}
	var got []string
	for _, r := range run.Results {
		got = append(got, r.RuleID+" "+r.Locations[0].PhysicalLocation.ArtifactLocation.URI)
	}
	want := []string{"no-sigterm file:///elsewhere/lib/main.go", "sigint-only cmd/api/main.go", "bad-directive my%20dir/main.go"}
	if !slices.Equal(got, want) {
		t.Fatalf("results %q, want %q (sorted by absolute file name, each once)", got, want)
	}

	if o := run.Results[0].Locations[0].PhysicalLocation.ArtifactLocation; o.URIBaseID != "" {
		t.Errorf("a file outside the root has no uriBaseId, got %+v", o)
	}
	r := run.Results[1]
	if r.Level != "error" || r.Message.Text != intOnly.Message || run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
		t.Errorf("result: level %q, message %q, ruleIndex %d", r.Level, r.Message.Text, r.RuleIndex)
	}
	loc := r.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URIBaseID != SrcRoot || loc.Region != (regionJSON{22, 12, 22, 36}) {
		t.Errorf("location %+v", loc)
	}
	if len(r.RelatedLocations) != 1 {
		t.Fatalf("related %+v", r.RelatedLocations)
	}
	rel := r.RelatedLocations[0]
	if rel.ID != 1 || rel.Message.Text != "only SIGINT is handled here" || rel.PhysicalLocation.Region != (regionJSON{17, 2, 17, 32}) || rel.PhysicalLocation.ArtifactLocation.URI != "cmd/api/main.go" {
		t.Errorf("related location %+v", rel)
	}
	if len(r.Fixes) != 1 || r.Fixes[0].Description.Text != "Add SIGTERM to the signal list" || len(r.Fixes[0].ArtifactChanges) != 2 {
		t.Fatalf("fixes %+v", r.Fixes)
	}
	main, other := r.Fixes[0].ArtifactChanges[0], r.Fixes[0].ArtifactChanges[1]
	if main.ArtifactLocation != (artifactJSON{"cmd/api/main.go", SrcRoot}) || len(main.Replacements) != 2 {
		t.Fatalf("first change %+v", main)
	}
	if ins := main.Replacements[0]; ins.DeletedRegion != (regionJSON{5, 2, 5, 2}) || ins.InsertedContent == nil || ins.InsertedContent.Text != "\"syscall\"\n\t" {
		t.Errorf("insertion %+v", ins)
	}
	if rep := main.Replacements[1]; rep.DeletedRegion != (regionJSON{17, 30, 17, 31}) || rep.InsertedContent.Text != ", syscall.SIGTERM)" {
		t.Errorf("replacement %+v", rep)
	}
	if other.ArtifactLocation.URI != "cmd/api/other.go" || len(other.Replacements) != 1 || other.Replacements[0].InsertedContent != nil || other.Replacements[0].DeletedRegion != (regionJSON{3, 1, 4, 1}) {
		t.Errorf("deletion %+v", other)
	}

	if d := run.Results[2]; d.Level != "warning" || len(d.Fixes) != 0 || len(d.RelatedLocations) != 0 {
		t.Errorf("bad-directive result %+v", d)
	}
}

// A finding of a category without a record still gets a rule, so that
// its ruleIndex points at one.
func TestLogUnknownCategory(t *testing.T) {
	out, _ := encode(t, tool, "/src", []Finding{{Category: "new-rule", Message: "m", Span: Span{File: "/src/a.go", StartLine: 1}}})
	run := out.Runs[0]
	r := run.Results[0]
	if rule := run.Tool.Driver.Rules[r.RuleIndex]; rule.ID != "new-rule" || rule.HelpURI != ruledoc.URL("new-rule") {
		t.Errorf("rule %+v for %+v", rule, r)
	}
}

func TestSemanticVersion(t *testing.T) {
	for v, want := range map[string]string{
		"v1.2.3":                             "1.2.3",
		"v0.1.0-rc.1":                        "0.1.0-rc.1",
		"v0.0.0-20260101120000-abcdef123456": "0.0.0-20260101120000-abcdef123456",
		"v2.0.0+incompatible":                "2.0.0+incompatible",
		"v1.2":                               "",
		"devel":                              "",
		"(devel)":                            "",
	} {
		got, ok := semanticVersion(v)
		if got != want || ok != (want != "") {
			t.Errorf("semanticVersion(%q) = %q, %v; want %q", v, got, ok, want)
		}
	}
}

func TestModuleVersion(t *testing.T) {
	for v, want := range map[string]string{"": "devel", "(devel)": "devel", "v0.0.0-test": "v0.0.0-test"} {
		if got := moduleVersion(v); got != want {
			t.Errorf("moduleVersion(%q) = %q, want %q", v, got, want)
		}
	}
}

func TestURIs(t *testing.T) {
	for _, tc := range []struct{ rel, want string }{
		{"cmd/api/main.go", "cmd/api/main.go"},
		{"my dir/main.go", "my%20dir/main.go"},
		{"a:b/main.go", "./a:b/main.go"},
		{"100%/main.go", "100%25/main.go"},
	} {
		if got := relativeURI(tc.rel); got != tc.want {
			t.Errorf("relativeURI(%q) = %q, want %q", tc.rel, got, tc.want)
		}
	}
	if got := dirURI(filepath.FromSlash("/home/me/src")); got != "file:///home/me/src/" {
		t.Errorf("dirURI = %q", got)
	}
	if got := pascal("signal-not-delivered"); got != "SignalNotDelivered" {
		t.Errorf("pascal = %q", got)
	}
}
