package deploy

import (
	"encoding/json"
	"path"
	"regexp"
	"strings"

	"github.com/sigtermlint/sigtermlint/internal/signals"
)

// defaultShell runs the shell form of CMD and ENTRYPOINT unless SHELL
// changes it.
var defaultShell = []string{"/bin/sh", "-c"}

// stage is the image configuration a Dockerfile stage builds.
type stage struct {
	name         string
	base         string
	from         Source
	signal       *Signal
	cmd          *Instruction
	entrypoint   *Instruction
	shell        []string
	cmdInherited bool              // cmd comes from the stage this one is built from
	image        string            // the image at the root of the FROM chain
	vars         map[string]string // ARG defaults and ENV values, for ${VAR}
	workdir      string
	copies       []Copy
	builds       []GoBuild
}

// heredocRE finds the heredoc delimiters of RUN, COPY and ADD: <<EOF,
// <<-EOF, <<"EOF", <<'EOF'.
var heredocRE = regexp.MustCompile(`(^|[^<])<<(-?)(["']?)([A-Za-z0-9_.-]+)(["']?)`)

// dockerfile reads a Dockerfile's final stage: STOPSIGNAL, CMD and
// ENTRYPOINT, inherited from an earlier stage when the final stage is
// built FROM it. Parser directives (# escape=`), continuation lines,
// comments inside them, case-insensitive instruction names and heredocs
// are handled; build arguments ($VAR) are not expanded.
func (r *reader) dockerfile(file string, data []byte) {
	text := strings.TrimPrefix(string(data), string(utf8BOM))
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	escape := dockerEscape(lines)

	var stages []*stage
	var cur *stage
	globals := map[string]string{} // ARGs before the first FROM
	isSkippable := func(s string) bool {
		t := strings.TrimLeft(s, " \t")
		return t == "" || t[0] == '#'
	}
	for ln := 0; ln < len(lines); {
		if isSkippable(lines[ln]) {
			ln++
			continue
		}
		start := ln + 1
		var b strings.Builder
		phys := lines[ln]
		ln++
		for {
			trimmed := strings.TrimRight(phys, " \t")
			if !strings.HasSuffix(trimmed, string(escape)) {
				b.WriteString(phys)
				break
			}
			b.WriteString(trimmed[:len(trimmed)-1])
			// Comment and empty lines inside a continuation are dropped.
			for ln < len(lines) && isSkippable(lines[ln]) {
				ln++
			}
			if ln >= len(lines) {
				break
			}
			phys = lines[ln]
			ln++
		}
		logical := strings.TrimSpace(b.String())
		instr, rest := logical, ""
		if i := strings.IndexAny(logical, " \t"); i >= 0 {
			instr, rest = logical[:i], logical[i+1:]
		}
		rest = strings.TrimSpace(rest)
		instr = strings.ToUpper(instr)
		at := Source{file, start}

		if instr == "RUN" || instr == "COPY" || instr == "ADD" {
			ln = skipHeredocs(lines, ln, rest)
		}
		switch instr {
		case "FROM":
			cur = newStage(stages, expandVars(rest, globals), at)
			stages = append(stages, cur)
		case "ARG", "ENV":
			vars := globals
			if cur != nil {
				vars = cur.vars
			} else if instr == "ENV" {
				continue
			}
			for k, v := range keyValues(rest, instr == "ARG") {
				if _, set := vars[k]; !set || v != "" || instr == "ENV" {
					vars[k] = expandVars(v, vars)
				}
			}
		case "WORKDIR":
			if cur != nil {
				cur.workdir = path.Join(cur.workdir, expandVars(rest, cur.vars))
				if !path.IsAbs(cur.workdir) {
					cur.workdir = "/" + cur.workdir
				}
			}
		case "COPY", "ADD":
			if cur == nil {
				continue
			}
			if c, ok := readCopy(expandVars(rest, cur.vars), cur.workdir, at); ok {
				cur.copies = append(cur.copies, c)
			}
		case "RUN":
			if cur != nil {
				for _, b := range goBuilds(expandVars(rest, cur.vars), cur.workdir, at) {
					b.ContextAtDir = copiesContextTo(cur.copies, b.Dir)
					cur.builds = append(cur.builds, b)
				}
			}
		case "STOPSIGNAL":
			if cur == nil {
				continue
			}
			if strings.Contains(rest, "$") {
				r.warn(file, start, "STOPSIGNAL %s: build arguments are not resolved; the signal is unknown", rest)
				cur.signal = nil
				continue
			}
			sig, err := signals.Parse(rest)
			if err != nil {
				r.warn(file, start, "STOPSIGNAL: %v", err)
				cur.signal = nil
				continue
			}
			cur.signal = &Signal{sig, at}
		case "CMD":
			if cur != nil {
				cur.cmd = instruction(rest, cur.shell, at)
				cur.cmdInherited = false
			}
		case "ENTRYPOINT":
			if cur != nil {
				cur.entrypoint = instruction(rest, cur.shell, at)
				// Setting ENTRYPOINT resets a CMD inherited from the base.
				if cur.cmdInherited {
					cur.cmd = nil
					cur.cmdInherited = false
				}
			}
		case "SHELL":
			var sh []string
			if cur != nil && json.Unmarshal([]byte(rest), &sh) == nil && len(sh) > 0 {
				cur.shell = sh
			}
		}
	}
	if cur == nil {
		r.warn(file, 0, "no FROM instruction: not read as a Dockerfile")
		return
	}
	var builds []GoBuild
	for _, st := range stages {
		builds = append(builds, st.builds...)
	}
	df := Dockerfile{
		Source:     cur.from,
		Base:       cur.base,
		Image:      cur.image,
		StopSignal: cur.signal,
		Cmd:        cur.cmd,
		Entrypoint: cur.entrypoint,
		Copies:     cur.copies,
		Builds:     builds,
		Workdir:    cur.workdir,
	}
	df.Scripts = r.entrypointScripts(file, &df)
	r.set.Dockerfiles = append(r.set.Dockerfiles, df)
}

// dockerEscape reads the escape parser directive at the top of the file.
func dockerEscape(lines []string) byte {
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if !strings.HasPrefix(t, "#") {
			break
		}
		k, v, ok := strings.Cut(strings.TrimSpace(t[1:]), "=")
		k = strings.ToLower(strings.TrimSpace(k))
		if !ok || strings.ContainsAny(k, " \t") {
			break // a plain comment ends the directives
		}
		if k == "escape" {
			if v = strings.TrimSpace(v); v == "`" {
				return '`'
			}
			return '\\'
		}
	}
	return '\\'
}

// newStage starts a stage at FROM [--platform=...] image [AS name]. A
// stage built from an earlier one inherits its configuration.
func newStage(stages []*stage, rest string, at Source) *stage {
	fields := strings.Fields(rest)
	for len(fields) > 0 && strings.HasPrefix(fields[0], "--") {
		fields = fields[1:]
	}
	st := &stage{from: at, shell: defaultShell, vars: map[string]string{}}
	if len(fields) > 0 {
		st.base = fields[0]
		st.image = st.base
	}
	if len(fields) >= 3 && strings.EqualFold(fields[1], "as") {
		st.name = fields[2]
	}
	for i := len(stages) - 1; i >= 0; i-- {
		if prev := stages[i]; prev.name != "" && strings.EqualFold(prev.name, st.base) {
			st.signal = prev.signal
			st.cmd = prev.cmd
			st.entrypoint = prev.entrypoint
			st.shell = prev.shell
			st.cmdInherited = prev.cmd != nil
			st.image = prev.image
			st.workdir = prev.workdir
			st.copies = append([]Copy(nil), prev.copies...)
			for k, v := range prev.vars {
				st.vars[k] = v
			}
			break
		}
	}
	return st
}

// skipHeredocs skips the bodies of the heredocs an instruction opens; ln
// is the line after the instruction.
func skipHeredocs(lines []string, ln int, rest string) int {
	for _, m := range heredocRE.FindAllStringSubmatch(rest, -1) {
		if m[3] != m[5] {
			continue
		}
		dash, delim := m[2] == "-", m[4]
		for ln < len(lines) {
			l := lines[ln]
			ln++
			if dash {
				l = strings.TrimLeft(l, "\t")
			}
			if l == delim {
				break
			}
		}
	}
	return ln
}

// instruction reads a CMD or ENTRYPOINT.
func instruction(rest string, shell []string, at Source) *Instruction {
	in := &Instruction{Raw: rest, Source: at}
	var args []string
	if strings.HasPrefix(rest, "[") && json.Unmarshal([]byte(rest), &args) == nil {
		in.Exec = true
		in.Args = args
		return in
	}
	in.Args = splitWords(rest)
	in.Shell = append([]string(nil), shell...)
	return in
}
