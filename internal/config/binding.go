package config

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/deploy"
	"github.com/sigtermlint/sigtermlint/internal/directive"
)

// binding is what a package main's //sigtermlint:manifest declarations
// say: the deployment files (and containers) that run the program.
type binding struct {
	set      *deploy.Set // nil when no declaration applies
	root     string      // the package directory: the paths are relative to it
	problems []directive.Problem
}

// bound returns the deployment the package main's //sigtermlint:manifest
// declarations bind it to, instead of the name-matching guess over the
// repository's files. Declarations whose file is missing, does not
// parse, or has no container of the name after # are problems, reported
// as bad-directive and otherwise ignored. Each file is read once for the
// pass (the Config's deploy.Cache).
func (c *Config) bound(pass *analysis.Pass) *binding {
	b := &binding{}
	if pass.Pkg.Name() != "main" || !directive.Has(pass.Files) {
		return b
	}
	decls, _ := directive.Parse(pass.Files, "main")
	dir := packageDir(pass)
	if dir == "" {
		return b // nogo gives no file names: nothing can be read
	}
	// Name the files from the module root, as discovery does
	// (deploy/k8s.yaml:19, not ../../deploy/k8s.yaml:19), when they are
	// below it.
	b.root = dir
	if root := moduleRoot(dir); root != "" {
		b.root = root
	}
	set := &deploy.Set{}
	for _, d := range decls {
		if d.Name != directive.Manifest {
			continue
		}
		f, problem := readBound(c.reads, b.root, dir, d)
		if problem != "" {
			b.problems = append(b.problems, directive.Problem{Pos: d.Pos, End: d.End, Message: problem})
			continue
		}
		set.Containers = append(set.Containers, f.Containers...)
		set.Dockerfiles = append(set.Dockerfiles, f.Dockerfiles...)
		set.Drains = append(set.Drains, f.Drains...)
		set.Routes = append(set.Routes, f.Routes...)
		if a := f.AgentStopTimeout; a != nil && (set.AgentStopTimeout == nil || a.D < set.AgentStopTimeout.D) {
			set.AgentStopTimeout = a
		}
	}
	if len(set.Containers)+len(set.Dockerfiles)+len(set.Drains) > 0 {
		b.set = set
	}
	return b
}

// readBound reads the file of one declaration and keeps its containers
// (those named by the target after #, when there is one), bound to the
// program.
func readBound(reads *deploy.Cache, root, dir string, d directive.Directive) (*deploy.Set, string) {
	spelled := directive.Prefix + directive.Manifest
	p := d.Path
	if !filepath.IsAbs(p) {
		p = filepath.Join(dir, p)
	}
	if rel, err := filepath.Rel(root, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		p = rel
	}
	set, _, err := reads.Load(root, []string{p})
	if err != nil {
		return nil, fmt.Sprintf("%s %s: %v; it is ignored", spelled, d.Path, strings.TrimPrefix(err.Error(), "manifest "+p+": "))
	}
	if len(set.Warnings) > 0 {
		w := set.Warnings[0]
		return nil, fmt.Sprintf("%s %s: %s does not parse: %s; it is ignored", spelled, d.Path, w.Source, w.Msg)
	}
	out := &deploy.Set{AgentStopTimeout: set.AgentStopTimeout}
	var names []string
	for _, c := range set.Containers {
		for _, n := range []string{c.Name, c.Workload} {
			if n != "" && !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
		if d.Target == "" || c.Name == d.Target || c.Workload == d.Target {
			c.Bound = true
			out.Containers = append(out.Containers, c)
		}
	}
	for _, df := range set.Dockerfiles {
		if d.Target == "" {
			df.Bound = true
			out.Dockerfiles = append(out.Dockerfiles, df)
		}
	}
	// The load balancers in front of the bound containers are the
	// program's too.
	bound := func(c deploy.Container) bool {
		return d.Target == "" || c.Name == d.Target || c.Workload == d.Target
	}
	for _, dr := range set.Drains {
		for _, c := range dr.Targets {
			if bound(c) {
				dr.Bound = true
				out.Drains = append(out.Drains, dr)
				break
			}
		}
	}
	for _, rt := range set.Routes {
		var targets []deploy.Container
		for _, c := range rt.Targets {
			if bound(c) {
				c.Bound = true
				targets = append(targets, c)
			}
		}
		if len(targets) > 0 {
			rt.Targets = targets
			out.Routes = append(out.Routes, rt)
		}
	}
	switch {
	case len(out.Containers)+len(out.Dockerfiles)+len(out.Drains) > 0:
		return out, ""
	case d.Target != "" && len(names) > 0:
		return nil, fmt.Sprintf("%s %s: no container or service named %q (there are: %s); it is ignored", spelled, d.Path, d.Target, strings.Join(names, ", "))
	case d.Target != "":
		return nil, fmt.Sprintf("%s %s: no container or service named %q: the file deploys none; it is ignored", spelled, d.Path, d.Target)
	}
	return nil, fmt.Sprintf("%s %s: not a deployment file sigtermlint reads (Kubernetes, compose, ECS, fly.toml, Dockerfile); it is ignored", spelled, d.Path)
}

// ManifestProblems returns the package main's //sigtermlint:manifest
// declarations that cannot be used, for the analyzer that reports
// bad-directive. None when manifests are off.
func (c *Config) ManifestProblems(pass *analysis.Pass) []directive.Problem {
	if c.Manifests == ManifestsOff {
		return nil
	}
	return c.bound(pass).problems
}
