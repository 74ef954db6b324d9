package deploy

import (
	"path"
	"strings"
)

// Runs reports whether the container runs program bin, the way a reader
// of the file would tell: it is named bin (container, service, workload),
// its image's repository is bin, or a word of its command or args is a
// path whose base name is bin.
func (c Container) Runs(bin string) bool {
	if bin == "" {
		return false
	}
	if c.Name == bin || c.Workload == bin || imageName(c.Image) == bin {
		return true
	}
	return mentions(c.Command, bin) || mentions(c.Args, bin)
}

// Runs reports whether the final stage's ENTRYPOINT or CMD starts program
// bin.
func (d Dockerfile) Runs(bin string) bool {
	for _, in := range []*Instruction{d.Entrypoint, d.Cmd} {
		if in != nil && mentions(in.Args, bin) {
			return true
		}
	}
	return false
}

// mentions reports whether a word of words is a path with base name bin.
func mentions(words []string, bin string) bool {
	for _, s := range words {
		for _, w := range strings.Fields(s) {
			if path.Base(w) == bin {
				return true
			}
		}
	}
	return false
}

// imageName is an image reference's repository base name:
// registry.example/acme/api:1.4@sha256:... -> api.
func imageName(image string) string {
	if i := strings.Index(image, "@"); i >= 0 {
		image = image[:i]
	}
	if i := strings.LastIndex(image, ":"); i > strings.LastIndex(image, "/") {
		image = image[:i]
	}
	if image == "" {
		return ""
	}
	return path.Base(image)
}
