package deploy

import (
	"fmt"
	"path"
	"sort"
	"strings"
)

// Undelivered says why the stop signal does not reach a program: a shell
// that stays PID 1 between the platform and the program. PID 1 ignores
// every signal it has no handler for, and sh installs none for SIGTERM,
// so the signal is lost and the platform kills the container when its
// stop timeout ends.
type Undelivered struct {
	// Source is the line that starts the program under the shell: the
	// CMD or ENTRYPOINT, the script line, or the container.
	Source
	// Reason is a clause: "it runs under sh -c, which is dash in
	// debian:bookworm and starts it as a child instead of exec'ing it, so
	// the shell stays PID 1".
	Reason string
	// Kind is the file's platform (KindDockerfile for an image's own
	// command), Signal the stop signal it sends, and Timeout the time it
	// waits before SIGKILL (docker stop's 10s for a Dockerfile).
	Kind    Kind
	Signal  string
	Timeout Duration
}

// shellKind is what a /bin/sh (or a named shell) does with the last
// command of sh -c. Measured with dash 0.5.12, BusyBox 1.35 ash and bash
// 5.2 (see the README): BusyBox ash execs the last simple command of -c,
// also inside if, braces and subshells and with redirections; bash execs
// the last simple command when it has no redirection and is not inside a
// compound command; dash never execs. No shell execs a command that is
// followed by another, runs in a pipeline or in the background, or is
// run by a script file.
type shellKind int

const (
	shellUnknown shellKind = iota
	shellDash
	shellAsh
	shellBash
	shellNone // scratch and distroless images have no shell
)

func (k shellKind) String() string {
	switch k {
	case shellDash:
		return "dash"
	case shellAsh:
		return "BusyBox ash"
	case shellBash:
		return "bash"
	}
	return "an unknown shell"
}

// imageShell tells an image's /bin/sh from its name, where the name is
// enough: Alpine and BusyBox images have BusyBox ash, Debian and Ubuntu
// images (and the official golang image, built on Debian) have dash, the
// Red Hat family has bash. Anything else is unknown.
func imageShell(image string) shellKind {
	if image == "" || strings.Contains(image, "$") {
		return shellUnknown
	}
	ref := image
	if i := strings.Index(ref, "@"); i >= 0 {
		ref = ref[:i]
	}
	tag := ""
	if i := strings.LastIndex(ref, ":"); i > strings.LastIndex(ref, "/") {
		ref, tag = ref[:i], ref[i+1:]
	}
	name := path.Base(ref)
	switch {
	case ref == "scratch":
		return shellNone
	case strings.Contains(ref, "distroless"):
		if strings.Contains(tag, "debug") {
			return shellAsh
		}
		return shellNone
	case name == "alpine" || name == "busybox" || strings.Contains(tag, "alpine"):
		return shellAsh
	case name == "debian" || name == "ubuntu" || name == "golang" || name == "buildpack-deps":
		return shellDash
	case name == "fedora" || name == "centos" || name == "rockylinux" || name == "almalinux" ||
		name == "amazonlinux" || name == "oraclelinux" || strings.HasPrefix(name, "ubi"):
		return shellBash
	}
	for _, codename := range []string{"bookworm", "bullseye", "buster", "stretch", "trixie", "jammy", "focal", "noble", "bionic"} {
		if strings.Contains(tag, codename) {
			return shellDash
		}
	}
	return shellUnknown
}

// isShell reports whether a program word names a POSIX shell.
func isShell(w string) bool {
	switch path.Base(w) {
	case "sh", "bash", "ash", "dash", "busybox":
		return true
	}
	return false
}

// namedShell is the shell a program word names; sh is the image's.
func namedShell(w string, image shellKind) shellKind {
	switch path.Base(w) {
	case "bash":
		return shellBash
	case "ash", "busybox":
		return shellAsh
	case "dash":
		return shellDash
	}
	return image
}

// isInit reports whether a program word is an init that passes signals
// on to the program it starts (or a supervisor that stops it).
func isInit(w string) bool {
	switch path.Base(w) {
	case "tini", "tini-static", "dumb-init", "catatonit", "docker-init", "init",
		"s6-svscan", "runsvdir", "supervisord", "pid1":
		return true
	}
	return false
}

// execWrappers are programs that exec the command they are given, with
// the number of operands they take before it (env takes its options and
// assignments).
var execWrappers = map[string]int{"gosu": 1, "su-exec": 1, "s6-setuidgid": 1, "nohup": 0, "setsid": 0, "env": 0}

func isWrapper(base string) bool {
	_, ok := execWrappers[base]
	return ok
}

// unwrap drops a wrapper and its operands from a command's words: what
// is left is the command it execs (nil when nothing is).
func unwrap(words []string) []string {
	base := path.Base(words[0])
	words = words[1:]
	if base == "env" {
		for len(words) > 0 && (strings.HasPrefix(words[0], "-") || strings.Contains(words[0], "=")) {
			words = words[1:]
		}
		return words
	}
	if n := execWrappers[base]; len(words) > n {
		return words[n:]
	}
	return nil
}

// launch is how a command line starts the program.
type launch struct {
	names  []string           // the program's binary names
	image  shellKind          // the image's /bin/sh
	imgRef string             // the image, for the message
	script map[string]*Script // scripts by their path in the image
	wd     string             // the image's WORKDIR
}

// argv decides for an exec-form command line (a Docker exec form, a
// Kubernetes command, a compose list) whether the signal reaches the
// program it starts: undelivered and found true when a shell stays
// between them; found false when the command does not start the program
// or the answer is not certain.
func (l launch) argv(args []string, at Source) (u Undelivered, found bool) {
	for len(args) > 0 {
		w := args[0]
		switch base := path.Base(w); {
		case isInit(w):
			return u, false
		case l.isProgram(w):
			return u, false // the program is PID 1 and gets the signal
		case isWrapper(base):
			if args = unwrap(args); len(args) == 0 {
				return u, false
			}
			continue
		case isShell(w):
			return l.shell(args, at)
		}
		if s := l.scriptAt(w); s != nil {
			return l.scriptFile(s, args[1:])
		}
		return u, false
	}
	return u, false
}

// shell decides for sh [-flags] -c 'command' [args] or sh script [args].
func (l launch) shell(args []string, at Source) (Undelivered, bool) {
	kind := namedShell(args[0], l.image)
	rest := args[1:]
	if path.Base(args[0]) == "busybox" {
		if len(rest) == 0 || rest[0] != "sh" && rest[0] != "ash" {
			return Undelivered{}, false
		}
		rest = rest[1:]
	}
	for i, a := range rest {
		if !strings.HasPrefix(a, "-") || a == "-" || a == "--" {
			if s := l.scriptAt(a); s != nil {
				return l.scriptFile(s, rest[i+1:])
			}
			return Undelivered{}, false
		}
		if strings.Contains(a[1:], "c") {
			if i+1 >= len(rest) {
				return Undelivered{}, false
			}
			return l.commandString(rest[i+1], kind, at)
		}
	}
	return Undelivered{}, false
}

// commandString decides for the command line of sh -c run by a shell of
// kind.
func (l launch) commandString(cmd string, kind shellKind, at Source) (Undelivered, bool) {
	toks, ok := shellTokens(cmd)
	if !ok {
		return Undelivered{}, false
	}
	st, found := l.find(commands(toks), nil)
	if !found || st.trap || st.exec {
		return Undelivered{}, false
	}
	if why, certain := st.neverExeced(); certain {
		return Undelivered{Source: at, Reason: fmt.Sprintf("it runs under sh -c %s, so the shell stays PID 1", why)}, true
	}
	shell := kind.String()
	if l.imgRef != "" && kind == l.image {
		shell += " in " + l.imgRef
	}
	switch kind {
	case shellDash:
		return Undelivered{Source: at, Reason: fmt.Sprintf("it runs under sh -c, which is %s and starts it as a child instead of exec'ing it, so the shell stays PID 1", shell)}, true
	case shellBash:
		if st.compound || st.redirect {
			return Undelivered{Source: at, Reason: fmt.Sprintf("it runs under sh -c, which is %s and starts it as a child (a redirection or a compound command) instead of exec'ing it, so the shell stays PID 1", shell)}, true
		}
	}
	return Undelivered{}, false // ash and bash exec it; an unknown shell may
}

// scriptAt returns the repository script the image runs as word.
func (l launch) scriptAt(word string) *Script {
	for _, p := range imagePaths(word, l.wd) {
		if s := l.script[p]; s != nil {
			return s
		}
	}
	return nil
}

// searchPath is the PATH of the common base images.
var searchPath = []string{"/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"}

// imagePaths are the paths in the image a program word may name: itself
// against the WORKDIR, or, for a bare name, the PATH directories.
func imagePaths(word, wd string) []string {
	if strings.Contains(word, "$") {
		return nil
	}
	if !strings.Contains(word, "/") {
		out := make([]string, len(searchPath))
		for i, dir := range searchPath {
			out[i] = dir + "/" + word
		}
		return out
	}
	if path.IsAbs(word) {
		return []string{path.Clean(word)}
	}
	return []string{path.Join(orRoot(wd), word)}
}

// scriptFile decides for an entrypoint script run with args: no shell
// execs the last command of a script file, so the program must be
// started with exec.
func (l launch) scriptFile(s *Script, args []string) (Undelivered, bool) {
	toks, ok := shellTokens(strings.TrimPrefix(s.Text, string(utf8BOM)))
	if !ok {
		return Undelivered{}, false
	}
	st, found := l.find(commands(toks), args)
	if !found || st.trap || st.exec {
		return Undelivered{}, false
	}
	at := Source{s.File, st.line}
	if why, certain := st.neverExeced(); certain {
		return Undelivered{Source: at, Reason: fmt.Sprintf("the entrypoint script starts it %s, so the script's shell stays PID 1", why)}, true
	}
	return Undelivered{Source: at, Reason: "the entrypoint script starts it without exec, so the script's shell stays PID 1"}, true
}

// isProgram reports whether a word names the program's binary.
func (l launch) isProgram(w string) bool {
	if strings.Contains(w, "$") {
		return false
	}
	b := path.Base(w)
	for _, n := range l.names {
		if b == n {
			return true
		}
	}
	return false
}

// simpleCommand is one simple command of a shell command line.
type simpleCommand struct {
	words    []string
	line     int
	before   string // the operator before it ("" at the start)
	after    string // the operator after it ("" at the end)
	compound bool   // inside if, while, for, case, braces or a subshell
	redirect bool
}

// reservedPrefixes open or continue a compound command when they start
// a command; they are stripped to find the command's program.
var reservedPrefixes = map[string]bool{
	"if": true, "then": true, "else": true, "elif": true, "while": true, "until": true,
	"for": true, "case": true, "do": true, "{": true, "!": true, "time": true,
}

// commands splits tokens into simple commands.
func commands(toks []shellToken) []simpleCommand {
	var out []simpleCommand
	depth := 0
	cur := simpleCommand{}
	flush := func(op string) {
		if len(cur.words) > 0 {
			cur.after = op
			out = append(out, cur)
		}
		cur = simpleCommand{before: op}
	}
	for _, t := range toks {
		if t.op {
			flush(t.text)
			continue
		}
		w := t.text
		if len(cur.words) == 0 {
			cur.line = t.line
			for strings.HasPrefix(w, "(") && len(w) > 1 {
				w, depth = w[1:], depth+1 // a subshell
			}
			if reservedPrefixes[w] || w == "(" {
				if w != "then" && w != "else" && w != "do" && w != "!" && w != "time" && w != "elif" {
					depth++
				}
				cur.compound = true
				if w == "for" || w == "case" {
					cur.words = append(cur.words, w) // the rest of the line is not a program
				}
				continue
			}
			if strings.HasSuffix(w, ")") && !strings.Contains(w, "(") && w != ")" {
				cur.compound = true // a case pattern: server)
				continue
			}
			switch w {
			case "fi", "done", "esac", "}", ")":
				depth--
				flush("")
				continue
			}
		}
		for strings.HasSuffix(w, ")") && depth > 0 && !strings.Contains(w, "$(") {
			w, depth = strings.TrimSuffix(w, ")"), depth-1
		}
		if w == "" {
			continue
		}
		if depth > 0 {
			cur.compound = true
		}
		if isRedirection(w) {
			cur.redirect = true
			continue
		}
		cur.words = append(cur.words, w)
	}
	flush("")
	return out
}

// isRedirection reports whether a word is a redirection operator with or
// without its target: >log, 2>&1, >>out, <in, &>all.
func isRedirection(w string) bool {
	w = strings.TrimLeft(w, "0123456789")
	return strings.HasPrefix(w, ">") || strings.HasPrefix(w, "<") || strings.HasPrefix(w, "&>")
}

// start is the command that starts the program, as found.
type start struct {
	simpleCommand
	exec bool // started with exec
	trap bool // the command line sets a trap: it may pass signals on
	last bool // no command follows it
}

// neverExeced returns why no shell would exec the command, when that is
// certain.
func (s start) neverExeced() (string, bool) {
	switch {
	case s.after == "|" || s.before == "|":
		return "in a pipeline", true
	case s.after == "&":
		return "in the background (&)", true
	case !s.last:
		return "with more commands after it", true
	}
	return "", false
}

// find returns the last command of cmds that starts the program; args
// are the script's arguments ("$@"), nil for sh -c.
func (l launch) find(cmds []simpleCommand, args []string) (start, bool) {
	var found start
	ok, anyExec, trap := false, false, false
	for i, c := range cmds {
		words := c.words
		for len(words) > 0 && isAssignment(words[0]) {
			words = words[1:]
		}
		if len(words) == 0 {
			continue
		}
		if words[0] == "trap" {
			trap = true
			continue
		}
		exec := false
		if words[0] == "exec" {
			exec, words = true, words[1:]
			for len(words) > 0 && strings.HasPrefix(words[0], "-") {
				words = words[1:]
			}
		}
		if !l.starts(words, args) {
			continue
		}
		anyExec = anyExec || exec
		last := true
		for _, later := range cmds[i+1:] {
			if len(later.words) > 0 {
				last = false
				break
			}
		}
		found, ok = start{simpleCommand: c, exec: exec, last: last}, true
	}
	found.trap = trap
	found.exec = found.exec || anyExec // one exec'ing branch: say nothing
	return found, ok
}

// starts reports whether a command's words start the program, directly,
// through a wrapper that execs it, or as "$@" whose arguments do.
func (l launch) starts(words, args []string) bool {
	for len(words) > 0 {
		w := words[0]
		base := path.Base(w)
		switch {
		case l.isProgram(w):
			return true
		case w == "$@" || w == "${@}" || w == "$*":
			if len(args) == 0 {
				return false
			}
			words = append(append([]string(nil), args...), words[1:]...)
			args = nil
			continue
		case isWrapper(base):
			if words = unwrap(words); len(words) == 0 {
				return false
			}
			continue
		}
		return false
	}
	return false
}

func isAssignment(w string) bool {
	k, _, ok := strings.Cut(w, "=")
	if !ok || k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// Delivery reports whether the stop signal reaches program bin (known
// by names: the binary names the build gives it) when the image this
// Dockerfile builds starts it: an Undelivered with found true when a
// shell stays between them. Nothing is found when the Dockerfile does
// not start the program, or when whether the shell execs it depends on a
// shell the image's name does not tell.
func (d Dockerfile) Delivery(names []string) (Undelivered, bool) {
	l := launch{names: names, image: imageShell(d.Image), imgRef: d.Image, script: d.Scripts, wd: d.Workdir}
	if l.image == shellNone {
		return Undelivered{}, false // no /bin/sh: a shell form would not start at all
	}
	ep, cmd := d.Entrypoint, d.Cmd
	switch {
	case ep != nil && !ep.Exec:
		return l.shellForm(ep)
	case ep != nil:
		args := append([]string(nil), ep.Args...)
		if cmd != nil {
			if cmd.Exec {
				args = append(args, cmd.Args...)
			} else {
				args = append(append(args, cmd.Shell...), cmd.Raw)
			}
		}
		if len(args) > 0 && isInit(args[0]) {
			return Undelivered{}, false
		}
		at := ep.Source
		if cmd != nil && len(ep.Args) > 1 && isShell(ep.Args[0]) && strings.HasPrefix(ep.Args[len(ep.Args)-1], "-") {
			at = cmd.Source // ENTRYPOINT ["sh", "-c"] with the command in CMD
		}
		return l.argv(args, at)
	case cmd != nil && !cmd.Exec:
		return l.shellForm(cmd)
	case cmd != nil:
		return l.argv(cmd.Args, cmd.Source)
	}
	return Undelivered{}, false
}

// shellForm decides for a shell-form CMD or ENTRYPOINT: SHELL (or
// /bin/sh -c) runs its text.
func (l launch) shellForm(in *Instruction) (Undelivered, bool) {
	sh := in.Shell
	if len(sh) == 0 {
		sh = defaultShell
	}
	return l.argv(append(append([]string(nil), sh...), in.Raw), in.Source)
}

// delivery reports, like Dockerfile.Delivery, whether the stop signal
// reaches the program when the container's own command (Kubernetes
// command and args, compose entrypoint and command, ECS entryPoint and
// command) starts it through a shell, judged with the given shell: sh -c
// or a script is not followed into the image, so only sh -c command
// lines are judged.
func (c Container) delivery(names []string, shell shellKind, image string) (Undelivered, bool) {
	args := append(append([]string(nil), c.Command...), c.Args...)
	if len(args) == 0 || !isShell(args[0]) || shell == shellNone {
		return Undelivered{}, false
	}
	l := launch{names: names, image: shell, imgRef: image}
	u, found := l.argv(args, c.Source)
	if found {
		u.Kind, u.Timeout = c.Kind, c.StopTimeout
		u.Signal = DefaultSignal(c.Kind)
		if c.StopSignal != nil {
			u.Signal = c.StopSignal.Name
		}
	}
	return u, found
}

// Undelivered returns, in file order, the ways the deployment files keep
// the stop signal from reaching program p: a Dockerfile or a container
// command that starts it under a shell that stays PID 1. A container
// whose image's name does not tell its shell is judged with the shell of
// the repository's Dockerfiles that start the program, when they agree.
func (s *Set) Undelivered(p Program) []Undelivered {
	names := s.BinaryNames(p)
	var out []Undelivered
	repoShell, repoImage, agree := shellUnknown, "", true
	for _, d := range s.Dockerfiles {
		if d.Runs(names...) {
			if k := imageShell(d.Image); repoImage == "" || k == repoShell {
				repoShell, repoImage = k, d.Image
			} else {
				agree = false
			}
		}
		if u, found := d.Delivery(names); found {
			u.Kind, u.Signal = KindDockerfile, "SIGTERM"
			if d.StopSignal != nil {
				u.Signal = d.StopSignal.Name
			}
			u.Timeout = Duration{D: ComposeDefaultGrace, Default: true, Source: d.Source}
			out = append(out, u)
		}
	}
	if !agree {
		repoShell, repoImage = shellUnknown, ""
	}
	for _, c := range s.Containers {
		shell, image := imageShell(c.Image), c.Image
		if shell == shellUnknown && repoShell != shellUnknown {
			shell, image = repoShell, repoImage
		}
		if u, found := c.delivery(names, shell, image); found {
			out = append(out, u)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return lessSource(out[i].Source, out[j].Source) })
	return out
}
