// Package deploy finds and reads the deployment files of a repository:
// Kubernetes manifests, ECS task definitions and agent configuration,
// docker compose files, Dockerfiles and fly.toml. It returns, for each
// container, the stop timeout it runs under (the time between the stop
// signal and SIGKILL), the time a preStop hook spends before the signal is
// sent, the stop signal, and the strings that identify the program it runs
// (name, image, command, args), each value with its file and line.
//
// The analyzers use it to resolve a Go program's stop timeout and stop
// signal from the manifests that run it.
//
// Reading is bounded and never fatal: files over 10 MiB are skipped with a
// Warning, YAML that does not parse, JSON that does not decode and values
// that cannot be read are Warnings, templates (Helm, any YAML with {{ }}) are
// skipped with a Note, and the rest of the set still loads. Discover and
// Load return an error only for a root or path that cannot be read. A
// Cache keeps what they read for one pass, shared with the passes alive
// at the same time until a file changes.
package deploy

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Kind says which platform's file a container comes from.
type Kind string

// The kinds of deployment file.
const (
	KindKubernetes Kind = "kubernetes"
	KindECS        Kind = "ecs"
	KindECSAgent   Kind = "ecs-agent"
	KindCompose    Kind = "compose"
	KindDockerfile Kind = "dockerfile"
	KindFly        Kind = "fly"
)

// Platform defaults, applied (and marked Default) when a file leaves the
// value unset.
const (
	KubernetesDefaultGrace = 30 * time.Second  // terminationGracePeriodSeconds
	KnativeDefaultTimeout  = 300 * time.Second // revision-timeout-seconds of config-defaults
	ECSDefaultStopTimeout  = 30 * time.Second  // stopTimeout / ECS_CONTAINER_STOP_TIMEOUT
	ECSAgentMinStopTimeout = 1 * time.Second   // the agent raises smaller values to this
	ComposeDefaultGrace    = 10 * time.Second  // stop_grace_period (docker stop)
	FlyDefaultKillTimeout  = 5 * time.Second   // kill_timeout
)

// MaxFileSize is the largest file read; larger ones are skipped with a
// Warning.
const MaxFileSize = 10 << 20

// Source is where a value is written: File is relative to the root given
// to Discover (slash-separated), or as given to Load. Line is 1-based; 0
// when the position is not known.
type Source struct {
	File string
	Line int
}

// String returns "file:line", or "file" when the line is not known.
func (s Source) String() string {
	if s.Line <= 0 {
		return s.File
	}
	return fmt.Sprintf("%s:%d", s.File, s.Line)
}

// Duration is a time read from a file. Default marks a value that the file
// does not write: the platform default was applied, and Source is where
// the value would go (the pod spec, the container, the service), or, for an
// ECS container without stopTimeout, the ecs.config line whose
// ECS_CONTAINER_STOP_TIMEOUT applies.
type Duration struct {
	D       time.Duration
	Default bool
	Source
}

// Signal is a stop signal, canonical: "SIGTERM", "SIGQUIT", "SIGRTMIN+3".
type Signal struct {
	Name string
	Source
}

// DefaultSignal is the stop signal a platform sends when no file sets one
// (for Kubernetes, ECS and compose, the image's STOPSIGNAL comes first).
func DefaultSignal(k Kind) string {
	if k == KindFly {
		return "SIGINT"
	}
	return "SIGTERM"
}

// Container is one container (or compose service, or fly app) and how it is
// stopped.
//
// Command and Args follow Kubernetes: Command replaces the image's
// ENTRYPOINT, Args its CMD. So ECS entryPoint and compose entrypoint go to
// Command, ECS command and compose command to Args. A string command of
// compose is split into words as compose does.
type Container struct {
	Kind Kind
	// Workload is the Kubernetes object's metadata.name, the compose
	// service, the ECS task family, the fly app.
	Workload string
	// Object is the Kubernetes kind (Deployment, CronJob, Service for
	// Knative, ...); empty for the other platforms.
	Object  string
	Name    string
	Image   string
	Command []string
	Args    []string
	Source  // where the container is declared
	// StopTimeout is the time between the stop signal and SIGKILL:
	// terminationGracePeriodSeconds (Knative: timeoutSeconds), ECS
	// stopTimeout, compose stop_grace_period, fly kill_timeout.
	StopTimeout Duration
	// PreStop is the time a Kubernetes preStop hook sleeps before the
	// signal is sent (it counts against StopTimeout); nil if there is no
	// hook whose time is known.
	PreStop *Duration
	// HasPreStop: the container has a preStop hook, whether or not its
	// time is known (an httpGet hook may wait too).
	HasPreStop bool
	// StopSignal is the signal set for the container (k8s
	// lifecycle.stopSignal, compose stop_signal, fly kill_signal); nil
	// when unset: then the image's STOPSIGNAL applies, else
	// DefaultSignal(Kind).
	StopSignal *Signal
	// Bound marks a container a //sigtermlint:manifest declaration binds
	// to the program: it runs the program whatever its names say.
	Bound bool
	// Namespace and Labels are a Kubernetes workload's metadata.namespace
	// and its pods' labels (the template's), for the Services that select
	// them.
	Namespace string
	Labels    map[string]string
}

// Dockerfile is what the final stage of a Dockerfile declares. Source is
// the line of the final stage's FROM.
type Dockerfile struct {
	Source
	// Base is the image the final stage is built FROM.
	Base string
	// StopSignal is the final stage's STOPSIGNAL, or the one it inherits
	// from an earlier stage it is built from; nil when the Dockerfile sets
	// none (the base image may).
	StopSignal *Signal
	Cmd        *Instruction
	Entrypoint *Instruction
	// Image is the image at the root of the final stage's FROM chain
	// (Base, or what the stage Base names is built from), with build
	// arguments declared before the first FROM expanded.
	Image string
	// Workdir is the final stage's WORKDIR ("" when unset).
	Workdir string
	// Copies are the final stage's COPY and ADD instructions.
	Copies []Copy
	// Builds are the go build commands of RUN instructions in all stages.
	Builds []GoBuild
	// Scripts are the entrypoint scripts the final stage copies from the
	// repository and starts, by their path in the image.
	Scripts map[string]*Script
	// Bound: as for Container.
	Bound bool
}

// Instruction is a CMD or ENTRYPOINT.
type Instruction struct {
	// Raw is the text after the instruction name, continuation lines
	// joined.
	Raw string
	// Exec is true for the JSON exec form (["/app", "serve"]), which runs
	// the program as PID 1; false for the shell form, which runs it under
	// Shell.
	Exec bool
	// Args are the exec form's strings, or the shell form's words (split
	// as a shell would, without expansion).
	Args []string
	// Shell is the SHELL in effect for the shell form (["/bin/sh", "-c"]
	// unless the Dockerfile sets one); nil for the exec form.
	Shell []string
	Source
}

// Warning is a file, or part of one, that could not be read.
type Warning struct {
	Source
	Msg string
}

func (w Warning) String() string { return w.Source.String() + ": " + w.Msg }

// Note is something skipped on purpose (a template), worth telling.
type Note struct {
	Source
	Msg string
}

func (n Note) String() string { return n.Source.String() + ": " + n.Msg }

// Set is everything read from a tree or a list of files, sorted by file
// and line.
type Set struct {
	Containers  []Container
	Dockerfiles []Dockerfile
	// AgentStopTimeout is ECS_CONTAINER_STOP_TIMEOUT from ecs.config (the
	// smallest, when several files set it); nil when none does.
	AgentStopTimeout *Duration
	// Drains are the load balancers' connection draining, each with the
	// containers it routes to.
	Drains []Drain
	// Routes are the Kubernetes Services that load balancers or Ingresses
	// route to, with the workloads they select.
	Routes   []Route
	Warnings []Warning
	Notes    []Note
}

// skipDir reports whether Discover skips a directory.
func skipDir(name string) bool {
	return name == "vendor" || name == "node_modules" || name == "testdata" || strings.HasPrefix(name, ".")
}

// Discover walks root and reads every recognized deployment file, skipping
// the directories vendor, node_modules, testdata and hidden ones (name
// starting with "."), except keep and the directories on the way down to
// it (a module nested in a repository whose root is searched, even under
// testdata/). File names in the Set are relative to root, slash-separated,
// or to keep when it is given (../fly.toml for a file above it).
// The error is only for a root that cannot be read.
func Discover(root, keep string) (*Set, error) {
	s := readRoot(root, keep)
	return s.set, s.err
}

func readRoot(root, keep string) *snapshot {
	r := newReader()
	info, err := r.stat(root)
	if err != nil {
		return r.failed(err)
	}
	if !info.IsDir() {
		return r.failed(fmt.Errorf("%s: not a directory", root))
	}
	if _, err := os.ReadDir(root); err != nil {
		return r.failed(err)
	}
	r.keep = keep
	r.walk(root, "")
	return r.done()
}

// Load reads the given files and directories (the -manifests list).
// Relative paths are taken from root ("" for the working directory); names
// in the Set are the paths as given, slash-separated, with the relative
// path below a given directory appended. A directory is walked as Discover
// walks root. A named file is read even when its name is not one Discover
// recognizes: its kind is then told from its extension and content. A
// path that does not exist or cannot be read is an error naming it.
func Load(root string, paths []string) (*Set, error) {
	s := readPaths(root, paths)
	return s.set, s.err
}

func readPaths(root string, paths []string) *snapshot {
	r := newReader()
	for _, p := range paths {
		if p == "" {
			continue
		}
		full := p
		if !filepath.IsAbs(p) && root != "" {
			full = filepath.Join(root, p)
		}
		name := filepath.ToSlash(filepath.Clean(p))
		info, err := r.stat(full)
		if err != nil {
			return r.failed(fmt.Errorf("manifest %s: %w", p, pathErr(err)))
		}
		if info.IsDir() {
			if _, err := os.ReadDir(full); err != nil {
				return r.failed(fmt.Errorf("manifest %s: %w", p, pathErr(err)))
			}
			r.walk(full, name)
			continue
		}
		data, err := r.readFile(full)
		if err != nil {
			return r.failed(fmt.Errorf("manifest %s: %w", p, pathErr(err)))
		}
		if data == nil {
			r.warn(name, 0, "skipped: larger than %d MiB", MaxFileSize>>20)
			continue
		}
		kind := classify(name)
		if kind == fileUnknown {
			kind = sniff(name, data)
		}
		if kind == fileUnknown {
			r.warn(name, 0, "not a deployment file sigtermlint reads (Kubernetes or compose YAML, ECS task definition JSON, ecs.config, Dockerfile, fly.toml, Terraform .tf)")
			continue
		}
		r.file, r.root = full, filepath.Dir(full)
		r.parse(name, kind, data, true)
	}
	return r.done()
}

// fileKind is how a file is read.
type fileKind int

const (
	fileUnknown fileKind = iota
	fileYAML             // Kubernetes manifests (and, by content, compose)
	fileCompose
	fileECS // JSON: task definitions
	fileECSAgent
	fileDockerfile
	fileFly
	fileTerraform // HCL: target groups, ECS services and task definitions
)

// classify tells a file's kind from its name, as Discover recognizes them.
func classify(name string) fileKind {
	base := path.Base(name)
	lower := strings.ToLower(base)
	switch {
	case isComposeName(base):
		return fileCompose
	case strings.HasSuffix(lower, ".yaml") || strings.HasSuffix(lower, ".yml"):
		return fileYAML
	case strings.HasSuffix(lower, ".json"):
		return fileECS
	case base == "ecs.config":
		return fileECSAgent
	case base == "fly.toml" || (strings.HasPrefix(base, "fly.") && strings.HasSuffix(base, ".toml")):
		return fileFly
	case isDockerfileName(base):
		return fileDockerfile
	case strings.HasSuffix(lower, ".tf"):
		return fileTerraform
	}
	return fileUnknown
}

func isComposeName(base string) bool {
	for _, prefix := range []string{"compose", "docker-compose"} {
		for _, ext := range []string{".yaml", ".yml"} {
			if base == prefix+ext {
				return true
			}
			// compose.prod.yaml, docker-compose.override.yml
			if strings.HasPrefix(base, prefix+".") && strings.HasSuffix(base, ext) && len(base) > len(prefix)+1+len(ext) {
				return true
			}
		}
	}
	return false
}

func isDockerfileName(base string) bool {
	if strings.HasSuffix(base, ".dockerignore") {
		return false
	}
	switch {
	case base == "Dockerfile", base == "dockerfile", base == "Containerfile":
		return true
	case strings.HasPrefix(base, "Dockerfile.") || strings.HasPrefix(base, "Containerfile."):
		return true
	case strings.HasSuffix(base, ".Dockerfile") || strings.HasSuffix(base, ".dockerfile"):
		return true
	}
	return false
}

// sniff tells the kind of an explicitly named file whose name Discover
// would not recognize.
func sniff(name string, data []byte) fileKind {
	lower := strings.ToLower(path.Base(name))
	switch {
	case strings.HasSuffix(lower, ".toml"):
		return fileFly
	case strings.Contains(lower, "dockerfile") || strings.Contains(lower, "containerfile"):
		return fileDockerfile
	case strings.Contains(string(data), "ECS_CONTAINER_STOP_TIMEOUT"):
		return fileECSAgent
	}
	return fileUnknown
}

// readFile reads a file of at most MaxFileSize bytes; nil, nil when it is
// larger.
func (r *reader) readFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		r.stat(name)
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	r.saw(name, info, err)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file")
	}
	if info.Size() > MaxFileSize {
		return nil, nil
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, nil
	}
	return data, nil
}

// reader accumulates a Set.
type reader struct {
	set Set
	// file is the path on disk of the file being read, and root the
	// directory a Discover walk or a -manifests directory started from:
	// the places a Dockerfile's build context may be.
	file, root string
	// keep is a directory below a Discover root walked even where its
	// name would be skipped, with its ancestors (see Discover).
	keep       string
	agentFiles []Duration // ECS_CONTAINER_STOP_TIMEOUT of each ecs.config
	ecsPending []ecsPending
	k8s        k8sRouting // Services, Ingresses and BackendConfigs, linked in finish
	// tf holds the Terraform files by directory (one module each), read
	// together once every file is seen.
	tf     map[string]*tfModule
	inputs []input // the files and directories looked at
}

func newReader() *reader { return &reader{} }

// done returns the Set read, with what it was read from.
func (r *reader) done() *snapshot {
	return &snapshot{set: r.finish(), inputs: r.inputs}
}

// failed returns err, with what was looked at before it.
func (r *reader) failed(err error) *snapshot {
	return &snapshot{err: err, inputs: r.inputs}
}

func (r *reader) warn(file string, line int, format string, args ...any) {
	r.set.Warnings = append(r.set.Warnings, Warning{Source{file, line}, fmt.Sprintf(format, args...)})
}

func (r *reader) note(file string, line int, format string, args ...any) {
	r.set.Notes = append(r.set.Notes, Note{Source{file, line}, fmt.Sprintf(format, args...)})
}

// skipped reports whether a walk from root leaves out p: a directory
// named as skipDir says below root, unless it is r.keep or on the way down
// to it; inside r.keep, the names below keep decide.
func (r *reader) skipped(root, p string) bool {
	if r.keep != "" {
		if within(r.keep, p) {
			return p != r.keep && skippedBelow(r.keep, p)
		}
		if within(p, r.keep) {
			return false // on the way down to keep
		}
	}
	return skippedBelow(root, p)
}

// skippedBelow reports whether a path component of p below base is one
// that Discover skips.
func skippedBelow(base, p string) bool {
	rel, err := filepath.Rel(base, p)
	if err != nil {
		return false
	}
	for _, name := range strings.Split(filepath.ToSlash(rel), "/") {
		if name != "." && skipDir(name) {
			return true
		}
	}
	return false
}

// within reports whether p is dir or below it.
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// walk reads the recognized files under dir; prefix is the name dir has in
// the Set ("" for a Discover root).
func (r *reader) walk(dir, prefix string) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		rel, rerr := filepath.Rel(dir, p)
		if rerr != nil {
			return nil
		}
		name := filepath.ToSlash(rel)
		switch {
		case prefix != "":
			name = path.Join(prefix, name)
		case r.keep != "":
			// Named from the module, as go build and the messages see
			// it: ../fly.toml for the repository's root-level file.
			if k, err := filepath.Rel(r.keep, p); err == nil {
				name = filepath.ToSlash(k)
			}
		}
		if err != nil {
			if p != dir {
				r.warn(name, 0, "cannot read: %v", pathErr(err))
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if p != dir && r.skipped(dir, p) {
				return fs.SkipDir
			}
			// Before WalkDir lists it: a file added or removed later
			// changes its modification time.
			r.stat(p)
			return nil
		}
		kind := classify(d.Name())
		if kind == fileUnknown || r.keep != "" && !within(r.keep, p) && skippedBelow(dir, filepath.Dir(p)) {
			return nil // or in a skipped directory walked on the way to keep
		}
		data, err := r.readFile(p)
		if err != nil {
			// A symlink to a directory or a special file is not read.
			if !d.Type().IsRegular() {
				return nil
			}
			r.warn(name, 0, "cannot read: %v", pathErr(err))
			return nil
		}
		if data == nil {
			r.warn(name, 0, "skipped: larger than %d MiB", MaxFileSize>>20)
			return nil
		}
		r.file, r.root = p, dir
		r.parse(name, kind, data, false)
		return nil
	})
}

// pathErr is err without the path it names (the Warning names it).
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// parse reads one file; a panic in a parser becomes a Warning. explicit
// is true for a file named in Load's list: a YAML file is then read as
// compose when its content is.
func (r *reader) parse(name string, kind fileKind, data []byte, explicit bool) {
	r.guard(name, func() { r.parseKind(name, kind, data, explicit) })
}

// guard runs f, turning a panic into a Warning on the file.
func (r *reader) guard(name string, f func()) {
	defer func() {
		if p := recover(); p != nil {
			r.warn(name, 0, "internal error while reading this file: %v", p)
		}
	}()
	f()
}

func (r *reader) parseKind(name string, kind fileKind, data []byte, explicit bool) {
	switch kind {
	case fileYAML:
		if explicit {
			r.yamlFile(name, data, yamlEither)
		} else {
			r.yamlFile(name, data, yamlKubernetes)
		}
	case fileCompose:
		r.yamlFile(name, data, yamlCompose)
	case fileECS:
		if isCloudFormationJSON(data) {
			r.cloudFormationJSON(name, data)
			return
		}
		r.ecsFile(name, data)
	case fileECSAgent:
		r.ecsAgentFile(name, data)
	case fileDockerfile:
		r.dockerfile(name, data)
	case fileFly:
		r.flyFile(name, data)
	case fileTerraform:
		r.terraformFile(name, data)
	}
}

// finish applies the ECS defaults and sorts.
func (r *reader) finish() *Set {
	if len(r.agentFiles) > 0 {
		min := r.agentFiles[0]
		for _, d := range r.agentFiles[1:] {
			if d.D < min.D || (d.D == min.D && lessSource(d.Source, min.Source)) {
				min = d
			}
		}
		r.set.AgentStopTimeout = &min
	}
	for _, p := range r.ecsPending {
		r.set.Containers = append(r.set.Containers, r.ecsDefault(p))
	}
	r.finishTerraform()
	r.finishKubernetes()
	s := &r.set
	sort.SliceStable(s.Drains, func(i, j int) bool { return lessSource(s.Drains[i].Delay.Source, s.Drains[j].Delay.Source) })
	sort.SliceStable(s.Routes, func(i, j int) bool { return lessSource(s.Routes[i].Source, s.Routes[j].Source) })
	sort.SliceStable(s.Containers, func(i, j int) bool { return lessSource(s.Containers[i].Source, s.Containers[j].Source) })
	sort.SliceStable(s.Dockerfiles, func(i, j int) bool { return lessSource(s.Dockerfiles[i].Source, s.Dockerfiles[j].Source) })
	sort.SliceStable(s.Warnings, func(i, j int) bool {
		a, b := s.Warnings[i], s.Warnings[j]
		if a.Source != b.Source {
			return lessSource(a.Source, b.Source)
		}
		return a.Msg < b.Msg
	})
	sort.SliceStable(s.Notes, func(i, j int) bool {
		a, b := s.Notes[i], s.Notes[j]
		if a.Source != b.Source {
			return lessSource(a.Source, b.Source)
		}
		return a.Msg < b.Msg
	})
	return s
}

// ecsDefault gives an ECS container without stopTimeout the time it
// stops under: the agent's ECS_CONTAINER_STOP_TIMEOUT, known once every
// ecs.config is read, unless it runs on Fargate, which has no agent
// configuration.
func (r *reader) ecsDefault(p ecsPending) Container {
	c := p.c
	switch {
	case p.fargate || r.set.AgentStopTimeout == nil:
		c.StopTimeout = Duration{ECSDefaultStopTimeout, true, c.Source}
	default:
		c.StopTimeout = *r.set.AgentStopTimeout
		c.StopTimeout.Default = true
	}
	return c
}

func lessSource(a, b Source) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	return a.Line < b.Line
}
