package rules

import (
	"fmt"
	"slices"
	"strings"
)

// Regenerate is the command that rewrites the README's generated regions.
const Regenerate = "go generate ./internal/rules"

// The markers of a generated region are lines of their own:
//
//	<!-- rules:begin table -->
//	<!-- rules:begin CATEGORY [CATEGORY...] -->
//	<!-- rules:end -->
//
// "table" is the rule table; a list of categories is their sections, in
// that order, under headings one level below the README heading the
// region follows.
const (
	beginPrefix = "<!-- rules:begin "
	beginSuffix = " -->"
	endMarker   = "<!-- rules:end -->"
	tableRegion = "table"
)

// generatedNote opens each region, for whoever edits the README.
const generatedNote = "<!-- generated from the records in internal/rules: edit them there, then run " + Regenerate + " -->"

// UpdateREADME returns readme with each generated region rewritten from
// the records. Every rule must have its section in exactly one region,
// and the table must be in one.
func UpdateREADME(readme string) (string, error) {
	lines := strings.Split(readme, "\n")
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
				return "", fmt.Errorf("README.md:%d: %s without %s", i+1, endMarker, beginPrefix+"..."+beginSuffix)
			}
			out = append(out, line)
			continue
		}
		names, ok := strings.CutSuffix(strings.TrimPrefix(line, beginPrefix), beginSuffix)
		if !ok || strings.TrimSpace(names) == "" {
			return "", fmt.Errorf("README.md:%d: malformed marker %q: want %sNAMES%s", i+1, line, beginPrefix, beginSuffix)
		}
		end := slices.Index(lines[i+1:], endMarker)
		if end < 0 {
			return "", fmt.Errorf("README.md:%d: %s has no %s", i+1, line, endMarker)
		}
		content, err := region(strings.Fields(names), level+1)
		if err != nil {
			return "", fmt.Errorf("README.md:%d: %v", i+1, err)
		}
		for _, name := range strings.Fields(names) {
			if prev, dup := seen[name]; dup {
				return "", fmt.Errorf("README.md:%d: %s is already generated at line %d", i+1, name, prev)
			}
			seen[name] = i + 1
		}
		out = append(out, line, generatedNote, "", content, "", endMarker)
		i += 1 + end // past the end marker
	}
	for _, name := range append([]string{tableRegion}, categories(all)...) {
		if _, ok := seen[name]; !ok {
			return "", fmt.Errorf("README.md: no region generates %s: add %s%s%s", name, beginPrefix, name, beginSuffix)
		}
	}
	return strings.Join(out, "\n"), nil
}

// region returns the content of a region: the table, or the sections of
// the categories named, under headings of level.
func region(names []string, level int) (string, error) {
	if len(names) == 1 && names[0] == tableRegion {
		return Table(), nil
	}
	var sections []string
	for _, name := range names {
		r, ok := Lookup(name)
		if !ok {
			return "", fmt.Errorf("unknown rule %q in a region of rule sections (the table is a region of its own)", name)
		}
		sections = append(sections, Section(r, level))
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
