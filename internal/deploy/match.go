package deploy

import (
	"path"
	"slices"
	"strings"
)

// Runs reports whether the container runs program bin, the way a reader
// of the file would tell: it is named bin (container, service, workload),
// its image's repository is bin, or a word of its command or args is a
// path whose base name is bin; or a declaration binds it to the program.
func (c Container) Runs(bin string) bool {
	if c.Bound {
		return true
	}
	if bin == "" {
		return false
	}
	if c.Name == bin || c.Workload == bin || imageName(c.Image) == bin {
		return true
	}
	argv := append(append([]string(nil), c.Command...), c.Args...)
	return mentions(argv, bin)
}

// Runs reports whether the final stage's ENTRYPOINT or CMD mentions
// program bin, under any of its names, or a declaration binds it to the
// program.
func (d Dockerfile) Runs(bins ...string) bool {
	if d.Bound {
		return true
	}
	for _, in := range []*Instruction{d.Entrypoint, d.Cmd} {
		if in == nil {
			continue
		}
		words := in.Args
		if !in.Exec {
			words = []string{in.Raw} // a shell form is a script: cd /app && server
		}
		for _, bin := range bins {
			if mentions(words, bin) {
				return true
			}
		}
	}
	return false
}

// mentions reports whether a command line (the words of an exec form,
// a Kubernetes command and args, a compose command) names program bin: a
// word anywhere that is a path with base name bin (/app/server,
// ./server), or bin as a bare word where a program stands: the first
// word, after wrappers such as tini -- or env, and the first word of
// each command of a sh -c script. A bare word elsewhere is an argument
// (minio server /data does not run a program named server).
func mentions(words []string, bin string) bool {
	for _, s := range words {
		for _, w := range strings.Fields(s) {
			if strings.Contains(w, "/") && path.Base(w) == bin {
				return true
			}
		}
	}
	return slices.Contains(programWords(words, 0), bin)
}

// programWords returns the base names of the programs a command line
// runs: its first word, unwrapped, and when that is a shell given -c,
// the programs of the script's commands. depth bounds the shells within
// shells.
func programWords(words []string, depth int) []string {
	for len(words) > 0 && strings.TrimSpace(words[0]) == "" {
		words = words[1:] // compose's entrypoint: [""] clears the image's
	}
	for len(words) > 0 {
		switch w := words[0]; {
		case isAssignment(w) || path.Base(w) == "exec":
			words = words[1:]
		case isInit(w):
			// tini -g -- server: the init's options, then the program
			for words = words[1:]; len(words) > 0 && strings.HasPrefix(words[0], "-"); words = words[1:] {
				if words[0] == "--" {
					words = words[1:]
					break
				}
			}
		case isWrapper(path.Base(w)):
			words = unwrap(words)
		default:
			return programsOf(words, depth)
		}
	}
	return nil
}

// programsOf is programWords for a command line that starts with its
// program.
func programsOf(words []string, depth int) []string {
	if len(words) == 0 {
		return nil
	}
	first := strings.Fields(words[0])
	if len(first) == 0 {
		return nil
	}
	if len(first) > 1 && len(words) == 1 && depth < 3 {
		// One string holding a whole command line (a compose or ECS
		// command string kept as one word): read it as a script.
		return scriptPrograms(words[0], depth+1)
	}
	out := []string{path.Base(first[0])}
	if isShell(first[0]) && depth < 3 {
		for i, w := range words[1:] {
			if w == "-c" && i+2 < len(words) {
				out = append(out, scriptPrograms(words[i+2], depth+1)...)
				break
			}
		}
	}
	return out
}

// scriptPrograms returns the programs of a shell script's commands.
func scriptPrograms(script string, depth int) []string {
	toks, ok := shellTokens(script)
	if !ok {
		return nil
	}
	var out []string
	for _, cmd := range commands(toks) {
		out = append(out, programWords(cmd.words, depth)...)
	}
	return out
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

// Applying returns the containers of s that apply to program bin, by the
// rule that picks its stop timeout and stop signal. named is true when
// some run bin (Runs): those are returned, Kubernetes containers without
// an image left out (patches, as kustomize overlays write them). When
// none does, named is false and the result is the containers that may
// still be its deployment: all but the patches, the compose services
// that set no stop_grace_period and the ECS containers that set no stop
// timeout (such a service counts only when it runs bin). When none runs bin and templates were skipped, the result is
// nil: the program's own deployment may be one of them.
func (s *Set) Applying(bin string) (cs []Container, named bool) {
	if s == nil {
		return nil, false
	}
	var others []Container
	for _, c := range s.Containers {
		if c.Kind == KindKubernetes && c.Image == "" {
			continue // a patch (kustomize), not a container that runs
		}
		if c.Runs(bin) {
			cs = append(cs, c)
		} else if !(c.Kind == KindCompose && c.StopTimeout.Default) && !ecsDefault(c) {
			others = append(others, c)
		}
	}
	switch {
	case len(cs) > 0:
		return cs, true
	case len(s.Notes) > 0:
		return nil, false
	}
	return others, false
}

// ecsDefault reports whether an ECS container's stop timeout is ECS's
// own default, set by no file (neither stopTimeout nor an ecs.config): it
// tells nothing of another program's deployment. Terraform and
// CloudFormation task definitions of a repository's other services are
// such containers.
func ecsDefault(c Container) bool {
	return c.Kind == KindECS && c.StopTimeout.Default && c.StopTimeout.Source == c.Source
}

// Only returns the one deployment of the set when no container runs bin
// and there is exactly one that may be its deployment (see Applying).
func (s *Set) Only(bin string) (Container, bool) {
	if cs, named := s.Applying(bin); !named && len(cs) == 1 {
		return cs[0], true
	}
	return Container{}, false
}

// Program is a Go main package as the deployment files may name it.
type Program struct {
	// Name is the binary go build names it: its import path's last
	// element.
	Name string
	// Dir is its directory relative to the module root, slash-separated,
	// "." for the root.
	Dir string
	// ImportPath is its import path.
	ImportPath string
}

// BinaryNames returns the names the program's binary has in the images
// the Dockerfiles build: the default name, the -o of each go build of
// the program's package, and the name a COPY --from gives it in the
// final stage. A build is the program's when its package argument is
// the import path, the program's directory (./cmd/api, from the
// repository root or through WORKDIR and -C), or "." run where the stage
// copied the whole build context and the program is the root package.
func (s *Set) BinaryNames(p Program) []string {
	names := []string{p.Name}
	add := func(n string) {
		if n == "" || n == "." || n == "/" || strings.Contains(n, "$") {
			return
		}
		for _, have := range names {
			if have == n {
				return
			}
		}
		names = append(names, n)
	}
	for _, d := range s.Dockerfiles {
		// A Dockerfile outside the module (../services/x/Dockerfile in a
		// monorepo searched from its root) builds its own directory's
		// packages: only its builds that name the program's import path
		// are the program's.
		outside := strings.HasPrefix(d.File, "../")
		var outputs []string
		for _, b := range d.Builds {
			if !b.builds(p) || outside && !b.namesImportPath(p) {
				continue
			}
			if b.Output != "" && !strings.HasSuffix(b.Output, "/") {
				add(path.Base(b.Output))
				outputs = append(outputs, b.Output)
			}
		}
		for _, c := range d.Copies {
			if c.From == "" || strings.HasSuffix(c.Dest, "/") {
				continue
			}
			for _, src := range c.Srcs {
				for _, out := range outputs {
					if path.Clean("/"+src) == path.Clean(out) || path.Base(src) == path.Base(out) {
						add(path.Base(c.Dest))
					}
				}
			}
		}
	}
	return names
}

// namesImportPath reports whether the go build command names program p
// by its import path.
func (b GoBuild) namesImportPath(p Program) bool {
	return len(b.Packages) == 1 && b.Packages[0] == p.ImportPath
}

// builds reports whether the go build command builds program p.
func (b GoBuild) builds(p Program) bool {
	pkgs := b.Packages
	if len(pkgs) == 0 {
		pkgs = []string{"."}
	}
	if len(pkgs) != 1 {
		return false // several packages: go build writes no binary with -o a file
	}
	arg := pkgs[0]
	if arg == p.ImportPath {
		return true
	}
	if strings.HasSuffix(arg, ".go") && !strings.Contains(arg, "*") {
		// go build -o app ./cmd/main/main.go: the package of the file's
		// directory (when main.go is all of it; the -o name is what
		// matters here).
		arg = path.Dir(arg)
		if !strings.HasPrefix(arg, ".") && !strings.HasPrefix(arg, "/") {
			arg = "./" + arg
		}
	}
	if strings.Contains(arg, "...") || strings.Contains(arg, "$") || strings.HasSuffix(arg, ".go") {
		return false
	}
	if p.Dir == "." {
		return path.Clean(arg) == "." && b.ContextAtDir
	}
	rel := path.Clean(arg)
	if rel == p.Dir {
		return true
	}
	// WORKDIR /src/cmd/api (or -C cmd/api) and go build .
	return rel == "." && strings.HasSuffix(b.Dir, "/"+p.Dir)
}
