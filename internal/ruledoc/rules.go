package ruledoc

import "strings"

// A Rule documents one diagnostic category. Text fields are markdown
// (inline code in backticks); When, Production and Fix also go into the
// analyzers' Doc, so they hold no links.
type Rule struct {
	Category string // the Diagnostic.Category, and the anchor of its section
	Analyzer string // the analyzer that reports it: "sigterm" or "shutdown"
	Title    string // a short sentence naming the problem

	When       string // the condition, a lower-case phrase, as in the rule table
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

// V010 is the first release, not tagged yet.
const V010 = "v0.1.0"

// Pages that several rules link to.
var (
	LinkShutdown   = Link{"net/http: (*Server).Shutdown", "https://pkg.go.dev/net/http#Server.Shutdown"}
	LinkK8sStop    = Link{"Kubernetes: termination of pods", "https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination"}
	LinkDockerStop = Link{"docker container stop", "https://docs.docker.com/reference/cli/docker/container/stop/"}
)

// GoCode returns a Go snippet; the code may start and end with a newline,
// to be written as a raw string on lines of its own.
func GoCode(code string) Snippet {
	return Snippet{Lang: "go", Code: strings.TrimPrefix(strings.TrimSuffix(code, "\n"), "\n")}
}

// Paras joins markdown blocks into one text.
func Paras(blocks ...string) string { return strings.Join(blocks, "\n\n") }

// DocURL is the page every analyzer's Analyzer.URL points at: the rules'
// documentation, generated from the records. Drivers link a diagnostic
// to DocURL#category (see [URL]).
const DocURL = "https://github.com/sigtermlint/sigtermlint/blob/main/docs/rules.md"

// URL returns the page that documents category, as drivers build it from
// Analyzer.URL and Diagnostic.Category.
func URL(category string) string { return DocURL + "#" + category }
