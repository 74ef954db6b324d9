package ruledoc

import (
	"fmt"
	"strings"
)

// width is where the generated prose wraps, as the hand-written
// prose around it does.
const width = 78

// Table returns the rule table: one row per rule, linking to its section
// in the file sectionsAt ("" for the same file).
func Table(rules []Rule, sectionsAt string) string {
	var b strings.Builder
	b.WriteString("| analyzer | category | when | what happens in production |\n")
	b.WriteString("|---|---|---|---|\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "| %s | [`%s`](%s#%s) | %s | %s |\n", r.Analyzer, r.Category, sectionsAt, r.Category, r.When, r.Production)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// Section returns the section of r, under a heading of the given
// level whose text is the category, so that its anchor is the category.
func Section(r Rule, level int) string {
	var blocks []string
	blocks = append(blocks,
		strings.Repeat("#", level)+" "+r.Category,
		fmt.Sprintf("**%s** (analyzer `%s`, since %s)", r.Title, r.Analyzer, r.Since),
		"- **When:** "+r.When+".\n- **In production:** "+r.Production+".",
	)
	blocks = append(blocks, example("Bad", r.Bad)...)
	blocks = append(blocks, example("Good", r.Good)...)
	blocks = append(blocks, "**Fix:** "+r.Fix)
	if r.Details != "" {
		blocks = append(blocks, r.Details)
	}
	for i, blk := range blocks {
		blocks[i] = wrap(blk, width)
	}
	if len(r.Links) > 0 {
		// One line per link, unwrapped: a link broken across lines reads
		// badly in the raw file.
		var links []string
		for _, l := range r.Links {
			if l.URL == "" {
				links = append(links, "- "+l.Title)
			} else {
				links = append(links, "- ["+l.Title+"]("+l.URL+")")
			}
		}
		blocks = append(blocks, "Related:", strings.Join(links, "\n"))
	}
	return strings.Join(blocks, "\n\n")
}

// example returns the blocks of a Bad or Good case: its note, then its
// snippets.
func example(label string, e Example) []string {
	note := label + ":"
	if e.Note != "" {
		note += " " + e.Note
	}
	blocks := []string{note}
	for _, s := range e.Snippets {
		blocks = append(blocks, "```"+s.Lang+"\n"+s.Code+"\n```")
	}
	return blocks
}

// wrap breaks the long lines of a markdown block at spaces, leaving code
// fences and table rows alone. A continuation line is indented like the
// text of its line (past a list marker), and never starts with something
// markdown would read as a new list item, heading or quote.
func wrap(block string, width int) string {
	var out []string
	fenced := false
	for _, line := range strings.Split(block, "\n") {
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
		}
		if fenced || strings.HasPrefix(line, "```") || strings.HasPrefix(line, "|") || len(line) <= width {
			out = append(out, line)
			continue
		}
		out = append(out, wrapLine(line, width)...)
	}
	return strings.Join(out, "\n")
}

// wrapLine wraps one line of prose.
func wrapLine(line string, width int) []string {
	indent := strings.Repeat(" ", textIndent(line))
	words := words(line)
	var lines []string
	cur := line[:len(line)-len(strings.TrimLeft(line, " "))] + words[0]
	for _, w := range words[1:] {
		if len(cur)+1+len(w) > width && !startsBlock(w) {
			lines = append(lines, cur)
			cur = indent + w
			continue
		}
		cur += " " + w
	}
	return append(lines, cur)
}

// textIndent returns the column where the text of a line starts: past
// its leading spaces and its list marker ("- ", "1. "), if any.
func textIndent(line string) int {
	rest := strings.TrimLeft(line, " ")
	n := len(line) - len(rest)
	if strings.HasPrefix(rest, "- ") {
		return n + 2
	}
	digits := len(rest) - len(strings.TrimLeft(rest, "0123456789"))
	if digits > 0 && strings.HasPrefix(rest[digits:], ". ") {
		return n + digits + 2
	}
	return n
}

// startsBlock reports whether a word at the start of a line would make
// markdown begin a new block there.
func startsBlock(w string) bool {
	if strings.ContainsAny(w[:1], "-+*#>|=") {
		return true
	}
	digits := len(w) - len(strings.TrimLeft(w, "0123456789"))
	return digits > 0 && digits < len(w) && (w[digits] == '.' || w[digits] == ')')
}

// words splits a line at spaces, keeping each inline code span and each
// link text in one piece: broken across lines they render the same but
// read badly in the raw file.
func words(line string) []string {
	var out []string
	var cur strings.Builder
	inCode, inLink := false, false
	for _, c := range strings.TrimLeft(line, " ") {
		switch {
		case c == '`':
			inCode = !inCode
		case c == '[' && !inCode:
			inLink = true
		case c == ']' && !inCode:
			inLink = false
		case c == ' ' && !inCode && !inLink:
			if cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
			}
			continue
		}
		cur.WriteRune(c)
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}
