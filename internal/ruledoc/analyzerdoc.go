package ruledoc

import "strings"

// docWidth is where the per-rule lines of an Analyzer's Doc wrap, for
// "sigtermlint help NAME" in a terminal.
const docWidth = 72

// AnalyzerDoc returns the Doc of an analyzer: intro (the hand-written
// part, cut from its doc.go, whose first line is the title), then one
// entry per rule it reports, bad-directive included, made from their
// records.
func AnalyzerDoc(intro string, rules []Rule) string {
	var b strings.Builder
	b.WriteString(strings.TrimSpace(intro))
	b.WriteString("\n\nIts findings, by category (each documented at " + DocURL + "#CATEGORY):\n")
	for _, r := range rules {
		text := r.Category + ": " + r.When + ". In production, " + r.Production + ". Fix: " + r.Fix
		b.WriteString("\n")
		b.WriteString(wrapPlain(plain(text), docWidth, "  - ", "    "))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// plain turns the markdown of a record's short fields into text: inline
// code loses its backticks.
func plain(md string) string { return strings.ReplaceAll(md, "`", "") }

// wrapPlain wraps text at width, the first line after first, the others
// after rest.
func wrapPlain(text string, width int, first, rest string) string {
	var b strings.Builder
	line := first
	fresh := true
	for _, w := range strings.Fields(text) {
		if !fresh && len(line)+1+len(w) > width {
			b.WriteString(line + "\n")
			line, fresh = rest, true
		}
		if !fresh {
			line += " "
		}
		line += w
		fresh = false
	}
	b.WriteString(line + "\n")
	return b.String()
}
