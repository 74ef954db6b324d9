package config

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/deploy"
)

// LoadManifests returns the deployment files that apply to the package of
// pass, and the directory their names are relative to: with auto, those
// found below the module root (the directory of the go.mod above the
// package); with paths, the files and directories given. Nil when off,
// when there is no module root, or under drivers that give no file names
// (nogo). Files that do not parse are reported once per read, as one line
// each on stderr, and skipped. The files are read once for the pass (the
// Config's), and shared with the passes alive at the same time while
// none of them changes (deploy.Cache).
//
// A package main's //sigtermlint:manifest declarations win over both:
// the files they name (relative to the package directory) are its
// deployment, bound to it whatever their names say. The Dockerfiles
// found below the module root still apply (the image's STOPSIGNAL and
// how it starts the program), unless a declaration names one.
func (c *Config) LoadManifests(pass *analysis.Pass) (*deploy.Set, string) {
	if c.Manifests == ManifestsOff {
		return nil, ""
	}
	b := c.bound(pass)
	if b.set == nil {
		return c.discover(pass)
	}
	if c.Manifests == ManifestsAuto && len(b.set.Dockerfiles) == 0 {
		if found, root := c.discover(pass); found != nil && root == b.root && len(found.Dockerfiles) > 0 {
			set := *b.set
			set.Dockerfiles = found.Dockerfiles
			return &set, b.root
		}
	}
	return b.set, b.root
}

// discover reads the deployment files the flag names: those below the
// module root (auto), or the files and directories given (paths).
func (c *Config) discover(pass *analysis.Pass) (*deploy.Set, string) {
	switch c.Manifests {
	case ManifestsPaths:
		set, read, err := c.reads.Load("", c.ManifestPaths)
		if err != nil {
			if read {
				warn(err.Error())
			}
			return nil, ""
		}
		if read {
			report(set, "")
		}
		return set, ""
	}
	module := moduleRoot(packageDir(pass))
	if module == "" {
		return nil, ""
	}
	root, keep := searchRoot(module), ""
	if root != module {
		keep = module
	}
	set, read, err := c.reads.Discover(root, keep)
	if err != nil {
		if read {
			warn(fmt.Sprintf("%s: %v", root, err))
		}
		return nil, ""
	}
	// The files are named from the module root (../fly.toml for the
	// repository's), where go build and the program's directory are.
	if read {
		report(set, module)
	}
	return set, module
}

// ProgramName is the name go build gives the program's binary: the last
// element of its import path, without a major version suffix (/v2), not
// the name of the directory it was checked out in.
func ProgramName(pass *analysis.Pass) string { return programName(pass.Pkg.Path()) }

func programName(p string) string {
	if i := strings.LastIndex(p, "/"); i >= 0 {
		if last := p[i+1:]; len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
			p = p[:i]
		}
	}
	return path.Base(p)
}

func packageDir(pass *analysis.Pass) string {
	for _, f := range pass.Files {
		if name := pass.Fset.File(f.Pos()).Name(); filepath.IsAbs(name) {
			return filepath.Dir(name)
		}
	}
	return ""
}

// searchRoot is where manifests=auto searches from a module's root: the
// repository it is nested in (the nearest directory at or above it that
// holds .git, or a go.work), so that a monorepo's root-level Dockerfile,
// compose file, fly.toml or k8s/ directory is read for a module in
// backend/ or services/x/; the module root itself when it is in none.
func searchRoot(module string) string {
	for dir := module; ; {
		for _, marker := range []string{".git", "go.work"} {
			if _, err := os.Stat(filepath.Join(dir, marker)); err == nil {
				return dir
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return module
		}
		dir = parent
	}
}

// moduleRoot returns the directory of the go.mod at or above dir, or "".
func moduleRoot(dir string) string {
	for dir != "" {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	return ""
}

// report prints a set's warnings, and one line for the templates it
// skipped: once per read of the files (deploy.Cache), so once per run of
// the standalone command.
func report(set *deploy.Set, root string) {
	printed := map[string]bool{}
	for _, w := range set.Warnings {
		if msg := filepath.Join(root, w.String()); !printed[msg] {
			printed[msg] = true
			warn(msg)
		}
	}
	if n := len(set.Notes); n > 0 {
		where := root
		if where == "" {
			where = "the -manifests files"
		}
		warn(fmt.Sprintf("skipped %d templated file(s) under %s (only rendered manifests are read), e.g. %s", n, where, set.Notes[0]))
	}
}

func warn(msg string) {
	fmt.Fprintf(os.Stderr, "sigtermlint: warning: %s\n", msg)
}

// Program is the package main of pass as deployment files name it: its
// binary name, its directory below root (the module root LoadManifests
// returned; "." when unknown), and its import path.
func Program(pass *analysis.Pass, root string) deploy.Program {
	p := deploy.Program{Name: ProgramName(pass), Dir: ".", ImportPath: pass.Pkg.Path()}
	if dir := packageDir(pass); root != "" && dir != "" {
		if rel, err := filepath.Rel(root, dir); err == nil && !strings.HasPrefix(rel, "..") {
			p.Dir = filepath.ToSlash(rel)
		}
	}
	return p
}
