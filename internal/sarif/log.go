package sarif

import (
	"cmp"
	"slices"
	"strings"

	gosarif "github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"golang.org/x/mod/semver"

	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
)

// A Finding is one diagnostic with its positions resolved, what [Log]
// converts. Category is the rule's id.
type Finding struct {
	Category string
	Message  string
	Span     Span
	Related  []Related
	Fixes    []Fix
}

// A Span is a range of a file. Lines are 1-based. Columns are 1-based
// UTF-16 code units, SARIF's columnKind, 0 when unknown; the end is
// exclusive, as a Go node's End and SARIF's endColumn both are.
type Span struct {
	File                   string // absolute, in the local file system's syntax
	StartLine, StartColumn int
	EndLine, EndColumn     int
}

// Related is a diagnostic's related information: a second place.
type Related struct {
	Span    Span
	Message string
}

// A Fix is a suggested fix: edits that apply together.
type Fix struct {
	Message string
	Edits   []Edit
}

// An Edit replaces Span (empty for an insertion) by NewText.
type Edit struct {
	Span    Span
	NewText string
}

// Tool describes the command that made the log.
type Tool struct {
	Name           string
	InformationURI string
	Version        string // "" when unknown
}

// Log returns the SARIF log of one run: a rule per record, in the
// records' order, and a result per finding, sorted by position. A finding
// repeated at the same place (a package and its test variant share their
// files) counts once, as in the text output. root is the source root
// that the URIs of files under it are relative to (see [SourceRoot]).
func Log(tool Tool, rules []ruledoc.Rule, root string, findings []Finding) *gosarif.Report {
	run := gosarif.NewRunWithInformationURI(tool.Name, tool.InformationURI)
	if tool.Version != "" {
		run.Tool.Driver.WithVersion(tool.Version)
		if v, ok := semanticVersion(tool.Version); ok {
			run.Tool.Driver.WithSemanticVersion(v)
		}
	}
	index := map[string]int{}
	for _, r := range rules {
		index[r.Category] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.AddRule(descriptor(r))
	}
	run.WithColumnKind("utf16CodeUnits")
	if root != "" {
		run.WithOriginalUriBaseIds(map[string]gosarif.ArtifactLocation{
			SrcRoot: *gosarif.NewArtifactLocation().WithURI(dirURI(root)),
		})
	}
	for _, f := range sortFindings(findings) {
		i, ok := index[f.Category]
		if !ok { // no record: a rule still, with its documentation link
			i = len(run.Tool.Driver.Rules)
			index[f.Category] = i
			run.Tool.Driver.AddRule(gosarif.NewRule(f.Category).WithHelpURI(ruledoc.URL(f.Category)).
				WithDefaultConfiguration(gosarif.NewReportingConfiguration().WithLevel(level(f.Category))))
		}
		run.AddResult(result(root, f, i))
	}
	// One invocation, to say that the analysis ran to its end: a run
	// whose packages failed to load or type-check prints no log at all.
	run.AddInvocation(gosarif.NewInvocation().WithExecutionSuccessful(true))
	return gosarif.NewReport().AddRun(run)
}

// result converts one finding, of the rule at ruleIndex.
func result(root string, f Finding, ruleIndex int) *gosarif.Result {
	r := gosarif.NewRuleResult(f.Category).
		WithRuleIndex(ruleIndex).
		WithLevel(level(f.Category)).
		WithMessage(gosarif.NewTextMessage(f.Message)).
		AddLocation(gosarif.NewLocationWithPhysicalLocation(physical(root, f.Span)))
	for i, rel := range f.Related {
		// Ids let a message link to a related location ("[here](1)").
		r.AddRelatedLocation(gosarif.NewLocationWithPhysicalLocation(physical(root, rel.Span)).
			WithID(i + 1).
			WithMessage(gosarif.NewTextMessage(rel.Message)))
	}
	for _, fix := range f.Fixes {
		r.AddFixe(convertFix(root, fix))
	}
	return r
}

// convertFix gives a fix one artifactChange per file it edits, in the
// order the edits name them.
func convertFix(root string, fix Fix) *gosarif.Fix {
	out := gosarif.NewFix().WithDescription(gosarif.NewTextMessage(fix.Message))
	byFile := map[string]*gosarif.ArtifactChange{}
	for _, e := range fix.Edits {
		change := byFile[e.Span.File]
		if change == nil {
			change = gosarif.NewArtifactChange().WithArtifactLocation(artifactLocation(root, e.Span.File))
			byFile[e.Span.File] = change
			out.AddArtifactChange(change)
		}
		rep := gosarif.NewReplacement().WithDeletedRegion(region(e.Span))
		if e.NewText != "" { // no insertedContent: a deletion
			rep.WithInsertedContent(gosarif.NewArtifactContent().WithText(e.NewText))
		}
		change.AddReplacement(rep)
	}
	return out
}

// sortFindings returns the findings by file, position, rule and message,
// each once.
func sortFindings(findings []Finding) []Finding {
	out := slices.Clone(findings)
	slices.SortStableFunc(out, compareFindings)
	return slices.CompactFunc(out, func(a, b Finding) bool { return compareFindings(a, b) == 0 })
}

func compareFindings(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.Span.File, b.Span.File),
		cmp.Compare(a.Span.StartLine, b.Span.StartLine),
		cmp.Compare(a.Span.StartColumn, b.Span.StartColumn),
		cmp.Compare(a.Span.EndLine, b.Span.EndLine),
		cmp.Compare(a.Span.EndColumn, b.Span.EndColumn),
		cmp.Compare(a.Category, b.Category),
		cmp.Compare(a.Message, b.Message),
	)
}

// semanticVersion returns a Go module version as SARIF's semanticVersion
// (Semantic Versioning 2.0, without Go's "v"), when it is a full one:
// "v1.2.3", "v0.0.0-20260101120000-abcdef123456", not "v1.2" or "(devel)".
func semanticVersion(v string) (string, bool) {
	c := semver.Canonical(v) // drops "+build"
	if c == "" || !strings.HasPrefix(v, c) {
		return "", false
	}
	return strings.TrimPrefix(v, "v"), true
}
