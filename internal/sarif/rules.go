package sarif

import (
	"strings"

	gosarif "github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/sigtermlint/sigtermlint/internal/directive"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
)

// level is the SARIF level of a category's results and its rule's
// default. Every rule's finding is a server that drops requests on a
// deploy: an error, which code scanning shows as such. A bad-directive
// finding is about sigtermlint's own comments, not the server's stop: a
// warning.
func level(category string) string {
	if category == directive.BadDirective {
		return gosarif.LevelWarning
	}
	return gosarif.LevelError
}

// descriptor is the reportingDescriptor of a rule's record. The id is
// the category, the output contract; the name is the category in Pascal
// case, SARIF's form for a rule's friendly name (viewers show it next to
// the id). The record's texts are markdown: each description carries
// them as markdown, and as plain text without the backticks. The full
// description is the rule table's two columns, when and what happens in
// production; the help is the record's fix.
func descriptor(r ruledoc.Rule) *gosarif.ReportingDescriptor {
	full := "Reported when " + r.When + ". In production: " + r.Production + "."
	help := r.Fix + "\n\nSee [" + r.Category + "](" + ruledoc.URL(r.Category) + ")."
	d := gosarif.NewRule(r.Category).
		WithName(pascal(r.Category)).
		WithShortDescription(multiformat(r.Title)).
		WithFullDescription(multiformat(full)).
		WithHelp(gosarif.NewMultiformatMessageString().WithText(plain(r.Fix)).WithMarkdown(help)).
		WithHelpURI(ruledoc.URL(r.Category)).
		WithDefaultConfiguration(gosarif.NewReportingConfiguration().WithLevel(level(r.Category)))
	if r.Analyzer != "" {
		// The analyzer that reports it (sigterm, shutdown): the ruleId
		// alone does not say, and -sigterm/-shutdown select by it.
		d.WithProperties(gosarif.NewPropertyBag().WithTags([]string{r.Analyzer}))
	}
	return d
}

// multiformat is a message string in markdown and in plain text.
func multiformat(markdown string) *gosarif.MultiformatMessageString {
	return gosarif.NewMultiformatMessageString().WithText(plain(markdown)).WithMarkdown(markdown)
}

// plain is the records' markdown as plain text. The texts that become
// descriptions hold no links or emphasis (ruledoc.Rule says so), only
// inline code in backticks.
func plain(markdown string) string {
	return strings.ReplaceAll(markdown, "`", "")
}

// pascal turns a category into Pascal case: "no-sigterm" is "NoSigterm".
func pascal(category string) string {
	var b strings.Builder
	for word := range strings.SplitSeq(category, "-") {
		if word != "" {
			b.WriteString(strings.ToUpper(word[:1]) + word[1:])
		}
	}
	return b.String()
}
