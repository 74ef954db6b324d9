package rules

import (
	"slices"

	"github.com/sigtermlint/sigtermlint/internal/directive"
)

// A Rule documents one diagnostic category. Text fields are markdown
// (inline code in backticks); When, Production and Fix also go into the
// analyzers' Doc, so they hold no links.
type Rule struct {
	Category string // the Diagnostic.Category, and the README anchor
	Analyzer string // the analyzer that reports it: "sigterm" or "shutdown"
	Title    string // a short sentence naming the problem

	When       string // the condition, a lower-case phrase, as in the README's table
	Production string // what happens in production, a lower-case phrase

	Bad, Good Example

	Fix     string // what to do, in sentences; names the suggested fix when there is one
	Details string // optional paragraphs: what counts, what does not, exceptions

	Since string // the version that introduced the rule
	Links []Link // related bug reports and documentation
}

// An Example is what a rule's Bad or Good case shows.
type Example struct {
	Note     string // one phrase on what the snippets show; may be empty
	Snippets []Snippet
}

// A Snippet is a fenced code block.
type Snippet struct {
	Lang string // the fence's info string: go, dockerfile, sh
	Code string
}

// A Link is a related public page. URL is empty when the page is known
// only by name: a described link is better than a guessed address.
type Link struct {
	Title string
	URL   string
}

// DocURL is the page every analyzer's Analyzer.URL points at. Drivers
// link a diagnostic to DocURL#category (see [URL]).
const DocURL = "https://github.com/sigtermlint/sigtermlint/blob/main/README.md"

// BadDirective is the category of findings about sigtermlint's own
// directives. It cannot be ignored: a malformed directive is fixed, not
// silenced.
const BadDirective = directive.BadDirective

// All returns the rules, in the order of the README's table.
func All() []Rule { return slices.Clone(all) }

// Lookup returns the rule of category.
func Lookup(category string) (Rule, bool) {
	i := slices.IndexFunc(all, func(r Rule) bool { return r.Category == category })
	if i < 0 {
		return Rule{}, false
	}
	return all[i], true
}

// URL returns the page that documents category, as drivers build it from
// Analyzer.URL and Diagnostic.Category.
func URL(category string) string { return DocURL + "#" + category }

// Categories returns the categories of the findings that analyzer
// reports and a //sigtermlint:ignore directive may name: its rules,
// without bad-directive.
func Categories(analyzer string) []string {
	var cats []string
	for _, r := range all {
		if r.Analyzer == analyzer && r.Category != BadDirective {
			cats = append(cats, r.Category)
		}
	}
	return cats
}

// Ignorable returns every category a //sigtermlint:ignore directive may
// name: all rules but bad-directive.
func Ignorable() []string {
	var cats []string
	for _, r := range all {
		if r.Category != BadDirective {
			cats = append(cats, r.Category)
		}
	}
	return cats
}
