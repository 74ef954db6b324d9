package ruledoc

import (
	"fmt"
	"slices"
	"strings"
)

// Regenerate is the command that rewrites the generated regions of the
// README and docs/rules.md.
const Regenerate = "go generate ./internal/ruledoc"

// A Doc is a markdown file with generated regions.
type Doc struct {
	Name string // the file's path in the repository, for errors: README.md
	// SectionsAt is where the table's links to the rule sections point:
	// "docs/rules.md" from the README, "" when the sections are in the
	// same file.
	SectionsAt string
	// Sections says that every rule's section is generated in this file
	// (and the table is optional); otherwise the file holds the table
	// and no sections.
	Sections bool
}

// The generated files.
var (
	README = Doc{Name: "README.md", SectionsAt: "docs/rules.md"}
	Page   = Doc{Name: "docs/rules.md", Sections: true}
)

// The markers of a generated region are lines of their own:
//
//	<!-- rules:begin table -->
//	<!-- rules:begin CATEGORY [CATEGORY...] -->
//	<!-- rules:end -->
//
// "table" is the rule table; a list of categories is their sections, in
// that order, under headings one level below the heading the region
// follows.
const (
	beginPrefix = "<!-- rules:begin "
	beginSuffix = " -->"
	endMarker   = "<!-- rules:end -->"
	tableRegion = "table"
)

// generatedNote opens each region, for whoever edits the file.
const generatedNote = "<!-- generated from the rule records (analyzers/*/CATEGORY.go): edit them there, then run " + Regenerate + " -->"

// Update returns text, the content of d, with each generated region
// rewritten from rules. In a file of sections every rule must have its
// section in exactly one region; elsewhere the table must be in one.
func (d Doc) Update(text string, rules []Rule) (string, error) {
	lines := strings.Split(text, "\n")
	var out []string
	seen := map[string]int{} // region name or category -> line of its region
	level := 0               // of the last hand-written heading
	fenced := false
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
		}
		if !fenced {
			if l := headingLevel(line); l > 0 {
				level = l
			}
		}
		if fenced || !strings.HasPrefix(line, beginPrefix) {
			if line == endMarker {
				return "", fmt.Errorf("%s:%d: %s without %s", d.Name, i+1, endMarker, beginPrefix+"..."+beginSuffix)
			}
			out = append(out, line)
			continue
		}
		names, ok := strings.CutSuffix(strings.TrimPrefix(line, beginPrefix), beginSuffix)
		if !ok || strings.TrimSpace(names) == "" {
			return "", fmt.Errorf("%s:%d: malformed marker %q: want %sNAMES%s", d.Name, i+1, line, beginPrefix, beginSuffix)
		}
		end := slices.Index(lines[i+1:], endMarker)
		if end < 0 {
			return "", fmt.Errorf("%s:%d: %s has no %s", d.Name, i+1, line, endMarker)
		}
		content, err := d.region(rules, strings.Fields(names), level+1)
		if err != nil {
			return "", fmt.Errorf("%s:%d: %v", d.Name, i+1, err)
		}
		for _, name := range strings.Fields(names) {
			if prev, dup := seen[name]; dup {
				return "", fmt.Errorf("%s:%d: %s is already generated at line %d", d.Name, i+1, name, prev)
			}
			seen[name] = i + 1
		}
		out = append(out, line, generatedNote, "", content, "", endMarker)
		i += 1 + end // past the end marker
	}
	required := []string{tableRegion}
	if d.Sections {
		required = categories(rules)
	}
	for _, name := range required {
		if _, ok := seen[name]; !ok {
			return "", fmt.Errorf("%s: no region generates %s: add %s%s%s", d.Name, name, beginPrefix, name, beginSuffix)
		}
	}
	return strings.Join(out, "\n"), nil
}

// region returns the content of a region: the table, or the sections of
// the categories named, under headings of level.
func (d Doc) region(rules []Rule, names []string, level int) (string, error) {
	if len(names) == 1 && names[0] == tableRegion {
		return Table(rules, d.SectionsAt), nil
	}
	if !d.Sections {
		return "", fmt.Errorf("rule sections belong in %s: this file has the table only", Page.Name)
	}
	var sections []string
	for _, name := range names {
		i := slices.IndexFunc(rules, func(r Rule) bool { return r.Category == name })
		if i < 0 {
			return "", fmt.Errorf("unknown rule %q in a region of rule sections (the table is a region of its own)", name)
		}
		sections = append(sections, Section(rules[i], level))
	}
	return strings.Join(sections, "\n\n"), nil
}

// headingLevel returns the level of an ATX heading line, 0 for other
// lines.
func headingLevel(line string) int {
	n := len(line) - len(strings.TrimLeft(line, "#"))
	if n == 0 || n > 6 || (len(line) > n && line[n] != ' ') {
		return 0
	}
	return n
}

func categories(rules []Rule) []string {
	var cats []string
	for _, r := range rules {
		cats = append(cats, r.Category)
	}
	return cats
}
