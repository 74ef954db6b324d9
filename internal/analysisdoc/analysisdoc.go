// Package analysisdoc cuts an analyzer's Doc out of its package
// documentation, so that doc.go is the one place the text is written.
package analysisdoc

import (
	"fmt"
	"strings"
)

// Extract returns the section of a doc.go file (read with go:embed) that
// follows the heading "# Analyzer NAME": its first line is "NAME: title",
// the rest the description. It panics when the section is missing: that
// is a build-time mistake, caught by any test of the analyzer.
func Extract(content, name string) string {
	heading := "// # Analyzer " + name + "\n"
	i := strings.Index(content, heading)
	if i < 0 {
		panic(fmt.Sprintf("analysisdoc: no %q section", strings.TrimSpace(heading[3:])))
	}
	var lines []string
	for _, line := range strings.Split(content[i+len(heading):], "\n") {
		if !strings.HasPrefix(line, "//") {
			break
		}
		line = strings.TrimPrefix(strings.TrimPrefix(line, "//"), " ")
		if strings.HasPrefix(line, "# ") {
			break // the next section
		}
		lines = append(lines, line)
	}
	doc := strings.TrimSpace(strings.Join(lines, "\n"))
	prefix := name + ": "
	if !strings.HasPrefix(doc, prefix) {
		panic(fmt.Sprintf("analysisdoc: section for %s does not start with %q", name, prefix))
	}
	return strings.TrimPrefix(doc, prefix)
}
