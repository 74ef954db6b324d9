package deploy

import (
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Copy is a COPY or ADD instruction.
type Copy struct {
	// From is the stage or image of --from, "" for the build context.
	From string
	// Srcs are the source paths as written; Dest is the destination made
	// absolute against the WORKDIR in effect, with a trailing "/" kept.
	Srcs []string
	Dest string
	Source
}

// GoBuild is a go build command of a RUN instruction.
type GoBuild struct {
	// Output is the -o value made absolute against the WORKDIR, "" when
	// the command has none (go build then names the binary after the
	// package).
	Output string
	// Packages are the package arguments as written ("./cmd/api", ".");
	// none means the package in the working directory.
	Packages []string
	// Dir is the directory the command runs in: the WORKDIR, then -C.
	Dir string
	// ContextAtDir is true when the stage copied the whole build context
	// (COPY . .) to Dir: then "." is the repository root's package.
	ContextAtDir bool
	Source
}

// Script is an entrypoint script the image runs, read from the
// repository.
type Script struct {
	Source // the file, relative like every name in the Set; Line 1
	Text   string
}

// maxScriptSize bounds an entrypoint script read for signal delivery.
const maxScriptSize = 1 << 20

// expandVars replaces $VAR, ${VAR}, ${VAR:-default} and ${VAR-default}
// with the values in vars; an unknown variable without a default is kept
// as written, so that nothing is matched against a guess.
func expandVars(s string, vars map[string]string) string {
	if !strings.Contains(s, "$") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '$' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		var name, def string
		var hasDef bool
		var end int
		if s[i+1] == '{' {
			close := strings.IndexByte(s[i+2:], '}')
			if close < 0 {
				b.WriteByte(s[i])
				continue
			}
			inner := s[i+2 : i+2+close]
			end = i + 2 + close + 1
			name = inner
			for _, sep := range []string{":-", "-"} {
				if k, v, ok := strings.Cut(inner, sep); ok {
					name, def, hasDef = k, v, true
					break
				}
			}
		} else {
			j := i + 1
			for j < len(s) && (s[j] == '_' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= '0' && s[j] <= '9') {
				j++
			}
			name, end = s[i+1:j], j
		}
		if v, ok := vars[name]; ok && v != "" {
			b.WriteString(v)
		} else if hasDef {
			b.WriteString(def)
		} else {
			b.WriteString(s[i:end])
		}
		i = end - 1
	}
	return b.String()
}

// keyValues reads ARG name[=default] ... or ENV key=value ... (and the old
// ENV key value form).
func keyValues(rest string, isArg bool) map[string]string {
	out := map[string]string{}
	words := splitWords(rest)
	if !isArg && len(words) >= 2 && !strings.Contains(words[0], "=") {
		out[words[0]] = strings.Join(words[1:], " ")
		return out
	}
	for _, w := range words {
		k, v, _ := strings.Cut(w, "=")
		if k != "" {
			out[k] = v
		}
	}
	return out
}

// readCopy reads COPY/ADD [--flags] src... dest, in the shell or JSON
// form.
func readCopy(rest, workdir string, at Source) (Copy, bool) {
	c := Copy{Source: at}
	raw := strings.TrimSpace(rest)
	for strings.HasPrefix(raw, "--") {
		flag, more, _ := strings.Cut(raw, " ")
		if v, ok := strings.CutPrefix(flag, "--from="); ok {
			c.From = v
		}
		raw = strings.TrimSpace(more)
	}
	words := splitWords(raw)
	if strings.HasPrefix(raw, "[") {
		words = instruction(raw, nil, at).Args
	}
	if len(words) < 2 {
		return Copy{}, false
	}
	c.Srcs = words[:len(words)-1]
	dest := words[len(words)-1]
	dir := strings.HasSuffix(dest, "/") || dest == "." || dest == ".."
	if !path.IsAbs(dest) {
		dest = path.Join(orRoot(workdir), dest)
	}
	dest = path.Clean(dest)
	if dir && dest != "/" {
		dest += "/"
	}
	c.Dest = dest
	return c, true
}

func orRoot(dir string) string {
	if dir == "" {
		return "/"
	}
	return dir
}

// goBuildValueFlags are the go build flags that take a value.
var goBuildValueFlags = map[string]bool{
	"o": true, "C": true, "p": true, "ldflags": true, "gcflags": true, "asmflags": true,
	"gccgoflags": true, "tags": true, "mod": true, "modfile": true, "pkgdir": true,
	"buildmode": true, "compiler": true, "installsuffix": true, "overlay": true,
	"pgo": true, "toolexec": true, "coverpkg": true, "covermode": true, "buildvcs": false,
}

// goBuilds finds the go build commands of a RUN instruction.
func goBuilds(rest, workdir string, at Source) []GoBuild {
	words := splitWords(rest)
	if strings.HasPrefix(rest, "[") {
		words = instruction(rest, nil, at).Args
	}
	var out []GoBuild
	for i := 0; i+1 < len(words); i++ {
		if path.Base(words[i]) != "go" || words[i+1] != "build" {
			continue
		}
		b := GoBuild{Dir: orRoot(workdir), Source: at}
		j := i + 2
		for ; j < len(words) && !isShellOperator(words[j]); j++ {
			w := words[j]
			if !strings.HasPrefix(w, "-") {
				b.Packages = append(b.Packages, w)
				continue
			}
			name, val, hasVal := strings.Cut(strings.TrimLeft(w, "-"), "=")
			if goBuildValueFlags[name] && !hasVal && j+1 < len(words) {
				j++
				val, hasVal = words[j], true
			}
			switch {
			case name == "o" && hasVal:
				b.Output = val
			case name == "C" && hasVal:
				b.Dir = path.Join(b.Dir, val)
			}
		}
		if b.Output != "" && !path.IsAbs(b.Output) {
			dir := strings.HasSuffix(b.Output, "/")
			b.Output = path.Join(b.Dir, b.Output)
			if dir {
				b.Output += "/"
			}
		}
		out = append(out, b)
		i = j
	}
	return out
}

func isShellOperator(w string) bool {
	switch w {
	case ";", "&", "&&", "|", "||":
		return true
	}
	return false
}

// entrypointScripts reads the scripts the final stage starts (the first
// word of ENTRYPOINT or CMD, or the script a shell is given) that a COPY
// or ADD from the build context puts in the image. The build context is
// looked for in the Dockerfile's directory, then in the root the files
// were found under.
func (r *reader) entrypointScripts(file string, d *Dockerfile) map[string]*Script {
	var out map[string]*Script
	for _, in := range []*Instruction{d.Entrypoint, d.Cmd} {
		if in == nil || !in.Exec || len(in.Args) == 0 {
			continue
		}
		for _, p := range scriptCandidates(in.Args) {
			for _, img := range imagePaths(p, d.Workdir) {
				if out[img] != nil {
					break
				}
				if s := r.readScript(file, d.Copies, img); s != nil {
					if out == nil {
						out = map[string]*Script{}
					}
					out[img] = s
					break
				}
			}
		}
	}
	return out
}

// scriptCandidates are the words of an exec-form command that may name a
// script: the program itself, and the first operand of a shell.
func scriptCandidates(args []string) []string {
	out := []string{args[0]}
	if isShell(args[0]) {
		for _, a := range args[1:] {
			if strings.HasPrefix(a, "-") {
				if strings.Contains(a, "c") {
					break // sh -c: a command line, not a script
				}
				continue
			}
			out = append(out, a)
			break
		}
	}
	return out
}

// readScript finds the repository file that the last COPY from the build
// context puts at img, and reads it.
func (r *reader) readScript(file string, copies []Copy, img string) *Script {
	for i := len(copies) - 1; i >= 0; i-- {
		c := copies[i]
		for _, src := range c.Srcs {
			rel, ok := copySource(c, src, img)
			if !ok {
				continue
			}
			if c.From != "" || strings.Contains(rel, "$") || strings.Contains(src, "://") {
				return nil // from another stage, an image or a URL: not in the repository
			}
			for _, ctx := range []string{filepath.Dir(r.file), r.root} {
				full := filepath.Join(ctx, filepath.FromSlash(rel))
				info, err := r.stat(full)
				if err != nil || !info.Mode().IsRegular() || info.Size() > maxScriptSize {
					continue
				}
				data, err := os.ReadFile(full)
				if err != nil {
					continue
				}
				name := path.Join(path.Dir(file), filepath.ToSlash(rel))
				if ctx == r.root {
					name = filepath.ToSlash(rel)
					if pre := setPrefix(file, r.file, r.root); pre != "" {
						name = path.Join(pre, name)
					}
				}
				return &Script{Source: Source{name, 1}, Text: string(data)}
			}
		}
	}
	return nil
}

// setPrefix is the name the root has in the Set, given the name and the
// disk path of a file under it.
func setPrefix(name, full, root string) string {
	rel, err := filepath.Rel(root, full)
	if err != nil {
		return ""
	}
	rel = filepath.ToSlash(rel)
	if p, ok := strings.CutSuffix(name, rel); ok {
		return strings.TrimSuffix(p, "/")
	}
	return ""
}

// copySource returns the source path (relative to the build context) of
// the file c puts at img.
func copySource(c Copy, src, img string) (string, bool) {
	src = strings.TrimPrefix(path.Clean("/"+src), "/")
	if src == "" {
		src = "."
	}
	switch {
	case !strings.HasSuffix(c.Dest, "/") && len(c.Srcs) == 1:
		// COPY a.sh /entrypoint.sh, or a directory copied to a path.
		if c.Dest == img {
			return src, true
		}
		if rest, ok := strings.CutPrefix(img, c.Dest+"/"); ok {
			return path.Join(src, rest), true
		}
	default:
		dest := strings.TrimSuffix(c.Dest, "/")
		rest, ok := strings.CutPrefix(img, dest+"/")
		if !ok {
			return "", false
		}
		if matched, _ := path.Match(path.Base(src), rest); matched && !strings.Contains(rest, "/") && src != "." {
			return path.Join(path.Dir(src), rest), true // COPY a.sh /bin/ or COPY *.sh /bin/
		}
		if !strings.ContainsAny(src, "*?[") {
			return path.Join(src, rest), true // a directory's contents: COPY . /app/
		}
	}
	return "", false
}

// copiesContextTo reports whether a COPY of the whole build context puts
// it at dir.
func copiesContextTo(copies []Copy, dir string) bool {
	for _, c := range copies {
		if c.From == "" && len(c.Srcs) == 1 && path.Clean(c.Srcs[0]) == "." && strings.TrimSuffix(c.Dest, "/") == strings.TrimSuffix(dir, "/") {
			return true
		}
	}
	return false
}
