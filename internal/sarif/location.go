package sarif

import (
	"net/url"
	"path/filepath"
	"strings"

	gosarif "github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

// SrcRoot is the uriBaseId of the files under the source root, the name
// GitHub code scanning and the SARIF tutorials use.
const SrcRoot = "%SRCROOT%"

// physical is the physicalLocation of a span.
func physical(root string, s Span) *gosarif.PhysicalLocation {
	p := gosarif.NewPhysicalLocation().WithArtifactLocation(artifactLocation(root, s.File))
	if s.StartLine > 0 {
		p.WithRegion(region(s))
	}
	return p
}

// artifactLocation names a file: relative to %SRCROOT% when it is under
// root, else by its absolute file URI (a file of another module in a
// workspace, outside the repository). A relative name, which only a
// //line directive gives, stays relative, with no base.
func artifactLocation(root, file string) *gosarif.ArtifactLocation {
	if rel, ok := within(root, file); ok {
		return gosarif.NewSimpleArtifactLocation(relativeURI(rel)).WithURIBaseID(SrcRoot)
	}
	if !filepath.IsAbs(file) {
		return gosarif.NewSimpleArtifactLocation(relativeURI(filepath.ToSlash(file)))
	}
	return gosarif.NewSimpleArtifactLocation(fileURI(file, false))
}

// region is a span's region. An empty span (an insertion point) has its
// end equal to its start.
func region(s Span) *gosarif.Region {
	r := gosarif.NewRegion().WithStartLine(s.StartLine)
	if s.StartColumn > 0 {
		r.WithStartColumn(s.StartColumn)
	}
	if s.EndLine > 0 {
		r.WithEndLine(s.EndLine)
		if s.EndColumn > 0 {
			r.WithEndColumn(s.EndColumn)
		}
	}
	return r
}

// within returns file relative to root, in slashes, when it is under it.
func within(root, file string) (string, bool) {
	if root == "" || !filepath.IsAbs(file) {
		return "", false
	}
	rel, err := filepath.Rel(root, file)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// relativeURI is a relative reference to a slash path, its segments
// escaped ("my dir/main.go" is "my%20dir/main.go"; a colon in the first
// segment gets a "./" so that it is not read as a scheme).
func relativeURI(rel string) string {
	return (&url.URL{Path: rel}).String()
}

// dirURI is the file URI of a directory, ending in "/" as a base URI
// must for relative references to resolve inside it.
func dirURI(dir string) string {
	return fileURI(dir, true)
}

// fileURI is the file URI of an absolute path: file:///home/x/main.go,
// file:///C:/x/main.go on Windows.
func fileURI(path string, dir bool) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if dir && !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
