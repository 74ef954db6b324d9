package main

// The GitHub Action: action.yml at the repository root and the script it
// runs, action/run.sh.
//
// TestActionYAML reads action.yml (and the workflows that use the action,
// in examples/ci and docs/integrations.md) and checks what GitHub would
// only find when the action runs: the composite steps' shape, the inputs,
// outputs and environment variables the steps, the script and the
// workflows refer to.
//
// TestActionScript runs action/run.sh as the action's step does, without
// GitHub and offline: the inputs in INPUT_* variables, GITHUB_OUTPUT and
// GITHUB_PATH temporary files, RUNNER_TEMP a temporary directory. The
// script's `go install MODULE/cmd/sigtermlint@VERSION` is served by a
// file:// GOPROXY made from this checkout as in install_test.go
// (v0.0.0-test, the one version listed, so @latest too), followed by the
// module cache's download directory for the dependencies and then "off",
// with GOSUMDB=off: nothing is fetched from the network. It checks:
//   - text: exit 3 and the findings on testdata/e2e (installed @latest,
//     its directory on GITHUB_PATH), 0 on testdata/e2e-clean (with
//     working-directory, args, and a -mod flag in GOFLAGS, which the
//     install must drop) and on clean packages of testdata/e2e named by
//     several patterns; with fail-on-findings false, findings (one that
//     only args cause) only warn; packages that do not load fail; bad
//     inputs fail before installing anything;
//   - sarif, with a stand-in sigtermlint (a module served as v0.0.0-stub
//     whose command prints what the test tells it): the sarif-file and
//     findings outputs, fail-on-findings, exit status 3 with findings,
//     no sarif-file when sigtermlint did not finish, a version without
//     -format=sarif, output that is not SARIF;
//   - sarif with this checkout's sigtermlint, when it accepts
//     -format=sarif (skipped, saying so, when it does not): the outputs,
//     one finding counted per finding of the text format, and
//     fail-on-findings.

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The action as action.yml declares it.
type actionFile struct {
	Name        string                  `yaml:"name"`
	Description string                  `yaml:"description"`
	Author      string                  `yaml:"author"`
	Branding    map[string]string       `yaml:"branding"`
	Inputs      map[string]actionInput  `yaml:"inputs"`
	Outputs     map[string]actionOutput `yaml:"outputs"`
	Runs        struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionInput struct {
	Description string `yaml:"description"`
	Required    bool   `yaml:"required"`
	// GitHub hands inputs to the steps as strings (yaml.v3 decodes an
	// unquoted true into a string too).
	Default *string `yaml:"default"`
}

type actionOutput struct {
	Description string `yaml:"description"`
	Value       string `yaml:"value"`
}

type actionStep struct {
	Name             string            `yaml:"name"`
	ID               string            `yaml:"id"`
	If               string            `yaml:"if"`
	Uses             string            `yaml:"uses"`
	With             map[string]string `yaml:"with"`
	Run              string            `yaml:"run"`
	Shell            string            `yaml:"shell"`
	Env              map[string]string `yaml:"env"`
	WorkingDirectory string            `yaml:"working-directory"`
	ContinueOnError  string            `yaml:"continue-on-error"`
}

// actionScript is the script action.yml runs, relative to the root.
const actionScript = "action/run.sh"

var (
	inputRef    = regexp.MustCompile(`\binputs\.([A-Za-z_][A-Za-z0-9_-]*)`)
	stepOutRef  = regexp.MustCompile(`\bsteps\.([A-Za-z_][A-Za-z0-9_-]*)\.outputs\.([A-Za-z_][A-Za-z0-9_-]*)`)
	majorTag    = regexp.MustCompile(`^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@v[0-9]+$`)
	scriptInput = regexp.MustCompile(`\$\{(INPUT_[A-Z0-9_]+)`)
	scriptOut   = regexp.MustCompile(`echo "([a-z][a-z0-9-]*)=`)
)

// readAction reads and decodes action.yml, refusing keys it does not know.
func readAction(t *testing.T, root string) (actionFile, string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a actionFile
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return a, string(data)
}

func TestActionYAML(t *testing.T) {
	t.Parallel()
	root := repoRoot(t)
	a, text := readAction(t, root)
	script, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(actionScript)))
	if err != nil {
		t.Fatal(err)
	}

	if a.Name == "" || a.Description == "" {
		t.Errorf("action.yml: name and description are required")
	}
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using = %q, want composite", a.Runs.Using)
	}
	for name, in := range a.Inputs {
		if in.Description == "" {
			t.Errorf("input %s has no description", name)
		}
		if !in.Required && in.Default == nil {
			t.Errorf("input %s is optional and has no default", name)
		}
	}

	// Every input referred to exists, and every input is used.
	used := map[string]bool{}
	for _, m := range inputRef.FindAllStringSubmatch(text, -1) {
		used[m[1]] = true
		if _, ok := a.Inputs[m[1]]; !ok {
			t.Errorf("action.yml refers to inputs.%s, which it does not declare", m[1])
		}
	}
	for name := range a.Inputs {
		if !used[name] {
			t.Errorf("input %s is declared but never used", name)
		}
	}

	// The steps: each runs a command with a shell, or uses an action
	// pinned to a major version tag; ids are unique.
	ids := map[string]actionStep{}
	var runStep *actionStep
	for i, s := range a.Runs.Steps {
		label := fmt.Sprintf("step %d (%s)", i+1, s.Name)
		if s.Name == "" {
			t.Errorf("%s has no name", label)
		}
		switch {
		case s.Run != "" && s.Uses != "":
			t.Errorf("%s has both run and uses", label)
		case s.Run != "":
			if s.Shell == "" {
				t.Errorf("%s runs a command without shell (composite steps need one)", label)
			}
			if strings.Contains(s.Run, "${{") {
				t.Errorf("%s pastes an expression into its command: pass it in env", label)
			}
			if strings.Contains(s.Run, actionScript) {
				runStep = &a.Runs.Steps[i]
			}
		case s.Uses != "":
			if s.Shell != "" {
				t.Errorf("%s has shell but runs no command", label)
			}
			if !majorTag.MatchString(s.Uses) {
				t.Errorf("%s uses %s: want owner/repo[/path]@vN", label, s.Uses)
			}
		default:
			t.Errorf("%s has neither run nor uses", label)
		}
		if s.If != "" && strings.HasPrefix(strings.TrimSpace(s.If), "!") {
			t.Errorf("%s: if starting with ! must be inside ${{ }}", label)
		}
		if s.ID != "" {
			if _, dup := ids[s.ID]; dup {
				t.Errorf("step id %s is used twice", s.ID)
			}
			ids[s.ID] = s
		}
	}
	if runStep == nil {
		t.Fatalf("no step runs %s", actionScript)
	}
	if _, err := os.Stat(filepath.Join(root, "action", "sarifcount", "main.go")); err != nil {
		t.Errorf("the script's helper: %v", err)
	}

	// The script's inputs: the variables it reads are the ones the step
	// sets, each from the input of the same name.
	read := map[string]bool{}
	for _, m := range scriptInput.FindAllStringSubmatch(string(script), -1) {
		read[m[1]] = true
	}
	for v := range read {
		if _, ok := runStep.Env[v]; !ok {
			t.Errorf("%s reads %s, which the step does not set", actionScript, v)
		}
	}
	for v, val := range runStep.Env {
		if !read[v] {
			t.Errorf("the step sets %s, which %s does not read", v, actionScript)
		}
		input := strings.ReplaceAll(strings.ToLower(strings.TrimPrefix(v, "INPUT_")), "_", "-")
		if want := "${{ inputs." + input + " }}"; val != want {
			t.Errorf("env %s = %q, want %q", v, val, want)
		}
	}

	// Outputs: each comes from a step output that exists (the script's
	// own, for its step).
	written := map[string]bool{}
	for _, m := range scriptOut.FindAllStringSubmatch(string(script), -1) {
		written[m[1]] = true
	}
	for _, m := range stepOutRef.FindAllStringSubmatch(text, -1) {
		s, ok := ids[m[1]]
		switch {
		case !ok:
			t.Errorf("action.yml refers to steps.%s, which is no step id", m[1])
		case s.Run == runStep.Run && !written[m[2]]:
			t.Errorf("action.yml refers to steps.%s.outputs.%s, which %s never writes", m[1], m[2], actionScript)
		}
	}
	for name, out := range a.Outputs {
		if out.Description == "" || !stepOutRef.MatchString(out.Value) {
			t.Errorf("output %s: want a description and a step output as its value, got %+v", name, out)
		}
	}

	// The workflows that use the action give it inputs it has.
	t.Run("examples", func(t *testing.T) {
		checkActionUses(t, a, filepath.Join(root, "examples", "ci", "github-actions.yml"))
	})
	t.Run("docs", func(t *testing.T) {
		checkActionUses(t, a, filepath.Join(root, "docs", "integrations.md"))
	})
}

// actionRef matches a use of this repository's action.
var actionRef = regexp.MustCompile(`^sigtermlint/sigtermlint@[A-Za-z0-9._/-]+$`)

// checkActionUses finds the steps that use the action in a workflow file
// (or in the yaml blocks of a markdown file) and checks their inputs: all
// declared, and the SARIF upload with the permission it needs.
func checkActionUses(t *testing.T, a actionFile, file string) {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	docs := []string{string(data)}
	if strings.HasSuffix(file, ".md") {
		docs = nil
		for _, block := range strings.Split(string(data), "```yaml\n")[1:] {
			block, _, _ = strings.Cut(block, "```")
			if strings.Contains(block, "sigtermlint/sigtermlint@") {
				docs = append(docs, block)
			}
		}
	}
	uses := 0
	formats := map[string]bool{}
	for _, doc := range docs {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(doc), &n); err != nil {
			t.Fatalf("%s: %v\n%s", file, err, doc)
		}
		var walk func(n, job *yaml.Node)
		walk = func(n, job *yaml.Node) {
			if n.Kind == yaml.MappingNode && mapValue(n, "runs-on") != nil {
				job = n
			}
			if n.Kind == yaml.MappingNode {
				if u := mapValue(n, "uses"); u != nil && actionRef.MatchString(u.Value) {
					uses++
					with := map[string]string{}
					if w := mapValue(n, "with"); w != nil {
						if err := w.Decode(&with); err != nil {
							t.Errorf("%s:%d: with: %v", file, w.Line, err)
						}
					}
					for k := range with {
						if _, ok := a.Inputs[k]; !ok {
							t.Errorf("%s:%d: input %s is not one of action.yml's", file, n.Line, k)
						}
					}
					format := with["format"]
					if format == "" {
						format = "text"
					}
					formats[format] = true
					if with["upload-sarif"] == "true" && !grants(job, "security-events", "write") {
						t.Errorf("%s:%d: upload-sarif in a job without permissions security-events: write", file, n.Line)
					}
				}
			}
			for _, c := range n.Content {
				walk(c, job)
			}
		}
		walk(&n, nil)
	}
	if uses == 0 || !formats["text"] || !formats["sarif"] {
		t.Errorf("%s: want uses of the action with format text and sarif, got %d uses, formats %v", file, uses, formats)
	}
}

// mapValue is the value of key in the mapping node n, or nil.
func mapValue(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// grants reports whether the job's permissions give scope the access.
// A snippet without the job around it (job nil) is not checked.
func grants(job *yaml.Node, scope, access string) bool {
	if job == nil {
		return true
	}
	p := mapValue(job, "permissions")
	if p == nil {
		return false
	}
	v := mapValue(p, scope)
	return v != nil && v.Value == access
}

// actionHarness runs action/run.sh offline.
type actionHarness struct {
	gocmd, root string
	// proxies: one serving this checkout as testVersion, one serving the
	// stand-in as stubVersion; each with the module cache's downloads
	// after it, then off.
	proxy, stubProxy string
	modcache         string // a temporary module cache for the installs
}

const stubVersion = "v0.0.0-stub"

func newActionHarness(t *testing.T) *actionHarness {
	t.Helper()
	if testing.Short() {
		t.Skip("runs action/run.sh, which installs sigtermlint through a local module proxy; skipped with -short")
	}
	if runtime.GOOS == "windows" {
		t.Skip("action/run.sh is a bash script; not tested on Windows")
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash on PATH")
	}
	h := &actionHarness{gocmd: goTool(t), root: repoRoot(t), modcache: t.TempDir()}
	tail := []string{}
	if mc := goEnv(t, h.gocmd, "GOMODCACHE"); mc != "" {
		tail = append(tail, fileURL(filepath.Join(mc, "cache", "download")))
	}
	tail = append(tail, "off")

	real := t.TempDir()
	writeProxy(t, real, h.root)
	h.proxy = strings.Join(append([]string{fileURL(real)}, tail...), ",")

	stub := t.TempDir()
	writeProxyVersion(t, stub, writeStub(t), stubVersion)
	h.stubProxy = strings.Join(append([]string{fileURL(stub)}, tail...), ",")
	return h
}

// writeStub writes the stand-in module: thisModule, whose
// cmd/sigtermlint writes its working directory and arguments to
// $STUB_RECORD, $STUB_STDERR to stderr, $STUB_STDOUT to stdout, and exits
// with $STUB_EXIT.
func writeStub(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module " + thisModule + "\n\ngo 1.26\n",
		"cmd/sigtermlint/main.go": `// Command sigtermlint is a stand-in for the action's test.
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

func main() {
	if f := os.Getenv("STUB_RECORD"); f != "" {
		wd, _ := os.Getwd()
		os.WriteFile(f, []byte(strings.Join(append([]string{wd}, os.Args[1:]...), "\n")+"\n"), 0o644)
	}
	if s := os.Getenv("STUB_STDERR"); s != "" {
		fmt.Fprintln(os.Stderr, s)
	}
	fmt.Print(os.Getenv("STUB_STDOUT"))
	code, _ := strconv.Atoi(os.Getenv("STUB_EXIT"))
	os.Exit(code)
}
`,
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// actionResult is a run of the script: its exit status and output, and
// what it wrote to GITHUB_OUTPUT and GITHUB_PATH.
type actionResult struct {
	result
	outputs map[string]string
	path    []string
}

// run runs the script in dir (the workspace) with the inputs and extra
// environment variables, installing from proxy.
func (h *actionHarness) run(t *testing.T, dir, proxy string, inputs map[string]string, extra ...string) actionResult {
	t.Helper()
	tmp := t.TempDir()
	output := filepath.Join(tmp, "github_output")
	ghpath := filepath.Join(tmp, "github_path")
	runnerTemp := filepath.Join(tmp, "runner_temp")
	for _, f := range []string{output, ghpath} {
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(runnerTemp, 0o755); err != nil {
		t.Fatal(err)
	}
	set := []string{
		"GOPROXY=" + proxy,
		// Offline, no checksum database: the local proxy's zip is not in
		// it, and the dependencies come from this machine's module
		// cache, checked when they were downloaded.
		"GOSUMDB=off", "GOPRIVATE=", "GONOPROXY=",
		"GOMODCACHE=" + h.modcache,
		"GOFLAGS=-modcacherw",
		"GOWORK=off", "GO111MODULE=on", "GOTOOLCHAIN=local",
		"GITHUB_OUTPUT=" + output, "GITHUB_PATH=" + ghpath, "RUNNER_TEMP=" + runnerTemp,
	}
	for name, v := range inputs {
		set = append(set, "INPUT_"+strings.ToUpper(strings.ReplaceAll(name, "-", "_"))+"="+v)
	}
	set = append(set, extra...)
	// The caller's environment, without what a GitHub runner (this test
	// may run on one) or an earlier run would leave in it.
	var env []string
	for _, kv := range installEnviron(set...) {
		name, _, _ := strings.Cut(kv, "=")
		if (strings.HasPrefix(name, "GITHUB_") || strings.HasPrefix(name, "RUNNER_") ||
			strings.HasPrefix(name, "INPUT_") || strings.HasPrefix(name, "STUB_")) && !slices.Contains(set, kv) {
			continue
		}
		env = append(env, kv)
	}
	r := actionResult{result: runIn(t, dir, env, "bash", filepath.Join(h.root, filepath.FromSlash(actionScript)))}

	out, err := os.ReadFile(output)
	if err != nil {
		t.Fatal(err)
	}
	r.outputs = map[string]string{}
	for _, l := range lines(string(out)) {
		k, v, ok := strings.Cut(l, "=")
		if !ok {
			t.Errorf("GITHUB_OUTPUT: %q is not name=value", l)
		}
		r.outputs[k] = v
	}
	p, err := os.ReadFile(ghpath)
	if err != nil {
		t.Fatal(err)
	}
	r.path = lines(string(p))
	return r
}

func (r actionResult) String() string {
	return r.result.String() + fmt.Sprintf("\n--- outputs: %v\n--- path: %v", r.outputs, r.path)
}

// findingCount counts the findings in sigtermlint's text output: the lines
// that are not related information (which has a tab before its text).
func findingCount(stderr string) int {
	n := 0
	for _, l := range lines(stderr) {
		if strings.Contains(l, ".go:") && !strings.Contains(l, "\t") {
			n++
		}
	}
	return n
}

func TestActionScript(t *testing.T) {
	h := newActionHarness(t)

	t.Run("text/findings", func(t *testing.T) {
		dir := copyModule(t, "e2e")
		r := h.run(t, dir, h.proxy, nil)
		if r.code != 3 || !strings.Contains(r.stderr, noSIGTERMMsg) || !strings.Contains(r.stdout, "::error title=sigtermlint::") {
			t.Fatalf("want exit 3, the no-sigterm finding on stderr and an error annotation, got\n%s", r)
		}
		// @latest (the default) is the one version the proxy lists; the
		// binary's directory is on GITHUB_PATH for the next steps.
		if len(r.path) != 1 {
			t.Fatalf("want one directory on GITHUB_PATH, got %v", r.path)
		}
		checkModVersion(t, h.gocmd, filepath.Join(r.path[0], "sigtermlint"), installEnviron("GOFLAGS=", "GOWORK=off"))
		if len(r.outputs) != 0 {
			t.Errorf("text format: want no outputs, got %v", r.outputs)
		}
	})

	t.Run("text/clean", func(t *testing.T) {
		dir := copyModule(t, "e2e-clean")
		// Run from the workspace above the module. -mod=vendor in GOFLAGS
		// stops go install @version ("cannot query module due to
		// -mod=vendor"): the script drops it for the install only (the
		// module has no requirements, so the lint runs with it).
		r := h.run(t, filepath.Dir(dir), h.proxy, map[string]string{
			"version":           testVersion,
			"working-directory": filepath.Base(dir),
			"args":              "-sigtermlint.stop-timeout=45s\n-test=false",
		}, "GOFLAGS=-modcacherw -mod=vendor")
		if r.code != 0 || !strings.Contains(r.stdout, "no findings") {
			t.Errorf("want exit 0 and no findings, got\n%s", r)
		}
	})

	t.Run("text/packages", func(t *testing.T) {
		// The clean packages of testdata/e2e, by two patterns.
		dir := copyModule(t, "e2e")
		r := h.run(t, dir, h.proxy, map[string]string{"packages": "./cmd/good  ./internal/...\n./cmd/cli"})
		if r.code != 0 {
			t.Errorf("want exit 0, got\n%s", r)
		}
	})

	t.Run("text/fail-on-findings-false", func(t *testing.T) {
		// The clean module's 20s Shutdown deadline does not fit a 20s stop
		// timeout: a finding that only args can cause.
		dir := copyModule(t, "e2e-clean")
		r := h.run(t, dir, h.proxy, map[string]string{"fail-on-findings": "false", "args": "-sigtermlint.stop-timeout=20s"})
		const want = "the stop timeout is 20s (-sigtermlint.stop-timeout)"
		if r.code != 0 || !strings.Contains(r.stderr, want) || !strings.Contains(r.stdout, "::warning title=sigtermlint::") {
			t.Errorf("want exit 0, %q and a warning, got\n%s", want, r)
		}
	})

	t.Run("text/load-error", func(t *testing.T) {
		dir := copyModule(t, "e2e-broken")
		r := h.run(t, dir, h.proxy, map[string]string{"fail-on-findings": "false"})
		if r.code != 1 {
			t.Errorf("packages that do not load: want exit 1 whatever fail-on-findings says, got\n%s", r)
		}
	})

	t.Run("bad-inputs", func(t *testing.T) {
		dir := t.TempDir()
		for _, in := range []map[string]string{
			{"format": "json"},
			{"fail-on-findings": "yes"},
			{"upload-sarif": "true"}, // format text
			{"working-directory": "nowhere"},
		} {
			r := h.run(t, dir, h.proxy, in)
			if r.code != 1 || !strings.Contains(r.stdout, "::error") || strings.Contains(r.stdout, "go install") {
				t.Errorf("%v: want exit 1 and an error before installing, got\n%s", in, r)
			}
		}
	})

	t.Run("sarif-stub", func(t *testing.T) {
		h.checkStub(t)
	})

	t.Run("sarif", func(t *testing.T) {
		// This checkout's sigtermlint: does it take -format=sarif yet?
		bin := sigtermlint(t)
		probe := run(t, testdataDir(t, "e2e-clean"), bin, "-format=sarif", "./...")
		if probe.code == 2 && strings.Contains(probe.stderr, "flag provided but not defined: -format") {
			t.Skip("this checkout's sigtermlint rejects -format=sarif (flag provided but not defined): the sarif format is tested here with the stand-in only")
		}
		// One SARIF result per finding the text format prints.
		text := run(t, testdataDir(t, "e2e"), bin, "./...")
		findingsCount := findingCount(text.stderr)
		if text.code != 3 || findingsCount == 0 {
			t.Fatalf("sigtermlint ./... on testdata/e2e: want exit 3 and findings, got\n%s", text)
		}
		for _, fail := range []string{"true", "false"} {
			dir := copyModule(t, "e2e")
			r := h.run(t, dir, h.proxy, map[string]string{"format": "sarif", "fail-on-findings": fail})
			want := 3
			if fail == "false" {
				want = 0
			}
			if r.code != want {
				t.Errorf("fail-on-findings %s: want exit %d, got\n%s", fail, want, r)
			}
			checkSARIFOutputs(t, r, findingsCount)
		}
		r := h.run(t, copyModule(t, "e2e-clean"), h.proxy, map[string]string{"format": "sarif"})
		if r.code != 0 {
			t.Errorf("clean: want exit 0, got\n%s", r)
		}
		checkSARIFOutputs(t, r, 0)
	})
}

// checkSARIFOutputs checks that the run set sarif-file to a SARIF log and
// findings to want.
func checkSARIFOutputs(t *testing.T, r actionResult, want int) {
	t.Helper()
	if r.outputs["findings"] != fmt.Sprint(want) {
		t.Errorf("findings = %q, want %d\n%s", r.outputs["findings"], want, r)
	}
	f := r.outputs["sarif-file"]
	if !filepath.IsAbs(f) {
		t.Fatalf("sarif-file = %q, want an absolute path\n%s", f, r)
	}
	data, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string            `json:"version"`
		Runs    []json.RawMessage `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil || log.Version == "" || log.Runs == nil {
		t.Errorf("sarif-file %s: not a SARIF log (%v):\n%s", f, err, data)
	}
}

// sarifDoc is a SARIF log with n results.
func sarifDoc(n int, extra ...map[string]any) string {
	results := []map[string]any{}
	for i := range n {
		results = append(results, map[string]any{
			"ruleId":  "no-sigterm",
			"level":   "error",
			"message": map[string]any{"text": fmt.Sprintf("finding %d", i+1)},
			"locations": []any{map[string]any{"physicalLocation": map[string]any{
				"artifactLocation": map[string]any{"uri": "cmd/api/main.go"},
				"region":           map[string]any{"startLine": 10 + i, "startColumn": 2},
			}}},
		})
	}
	for _, r := range extra {
		results = append(results, r)
	}
	data, err := json.Marshal(map[string]any{
		"version": "2.1.0",
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"runs": []any{map[string]any{
			"tool":    map[string]any{"driver": map[string]any{"name": "sigtermlint"}},
			"results": results,
		}},
	})
	if err != nil {
		panic(err)
	}
	return string(data)
}

// checkStub runs the script in sarif format on the stand-in.
func (h *actionHarness) checkStub(t *testing.T) {
	type tc struct {
		name   string
		inputs map[string]string
		stdout string // what the stand-in prints
		stderr string
		exit   int // the stand-in's exit status
		// want
		code     int
		findings string // "" for no outputs
		log      []string
	}
	suppressed := map[string]any{"ruleId": "no-sigterm", "message": map[string]any{"text": "ignored"},
		"suppressions": []any{map[string]any{"kind": "inSource"}}}
	pass := map[string]any{"ruleId": "no-sigterm", "kind": "pass", "message": map[string]any{"text": "fine"}}
	for _, c := range []tc{
		{name: "findings", stdout: sarifDoc(2), code: 3, findings: "2",
			log: []string{"cmd/api/main.go:10:2: finding 1 [no-sigterm]", "cmd/api/main.go:11:2: finding 2 [no-sigterm]", "::error title=sigtermlint::"}},
		{name: "findings-exit-3", stdout: sarifDoc(1), exit: 3, code: 3, findings: "1"},
		{name: "fail-on-findings-false", inputs: map[string]string{"fail-on-findings": "false"}, stdout: sarifDoc(2), code: 0, findings: "2",
			log: []string{"::warning title=sigtermlint::"}},
		{name: "none", stdout: sarifDoc(0, suppressed, pass), code: 0, findings: "0"},
		{name: "load-error", stdout: sarifDoc(0), exit: 1, stderr: "e2e/cmd/api: undefined: x", code: 1,
			log: []string{"undefined: x", "exited with status 1"}},
		{name: "no-format-flag", exit: 2, stderr: "flag provided but not defined: -format", code: 2,
			log: []string{"sigtermlint " + stubVersion + " has no -format=sarif"}},
		{name: "not-sarif", stdout: "{}", code: 1, log: []string{"did not write a SARIF log"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.Mkdir(filepath.Join(dir, "mod"), 0o755); err != nil {
				t.Fatal(err)
			}
			record := filepath.Join(t.TempDir(), "record")
			inputs := map[string]string{
				"version": stubVersion, "format": "sarif", "working-directory": "mod",
				"packages": "./cmd/...\n./internal/...", "args": "-sigtermlint.stop-timeout=20s",
			}
			for k, v := range c.inputs {
				inputs[k] = v
			}
			r := h.run(t, dir, h.stubProxy, inputs,
				"STUB_RECORD="+record, "STUB_STDOUT="+c.stdout, "STUB_STDERR="+c.stderr, fmt.Sprint("STUB_EXIT=", c.exit))
			if r.code != c.code {
				t.Errorf("want exit %d, got\n%s", c.code, r)
			}
			for _, l := range c.log {
				if !strings.Contains(r.stdout+r.stderr, l) {
					t.Errorf("want %q in the log, got\n%s", l, r)
				}
			}
			if c.findings == "" {
				if len(r.outputs) != 0 {
					t.Errorf("want no outputs, got\n%s", r)
				}
			} else {
				checkSARIFOutputs(t, r, mustAtoi(t, c.findings))
				if data, _ := os.ReadFile(r.outputs["sarif-file"]); string(data) != c.stdout {
					t.Errorf("sarif-file holds %q, want what sigtermlint printed", data)
				}
			}
			// How the stand-in was run: in working-directory, with
			// -format=sarif, then args, then packages.
			rec, err := os.ReadFile(record)
			if err != nil {
				t.Fatal(err)
			}
			got := lines(string(rec))
			want := []string{filepath.Join(dir, "mod"), "-format=sarif", "-sigtermlint.stop-timeout=20s", "./cmd/...", "./internal/..."}
			if len(got) > 0 {
				if real, err := filepath.EvalSymlinks(want[0]); err == nil && got[0] == real {
					want[0] = real
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("the stand-in ran with %q, want %q", got, want)
			}
		})
	}
}

func mustAtoi(t *testing.T, s string) int {
	t.Helper()
	var n int
	if _, err := fmt.Sscan(s, &n); err != nil {
		t.Fatal(err)
	}
	return n
}

// The action's inputs, as the docs list them, are action.yml's.
func TestActionDocsInputs(t *testing.T) {
	t.Parallel()
	root := repoRoot(t)
	a, _ := readAction(t, root)
	doc, err := os.ReadFile(filepath.Join(root, "docs", "integrations.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(doc), "\n## GitHub Action\n")
	if !ok {
		t.Fatal("docs/integrations.md has no section GitHub Action")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	row := regexp.MustCompile("(?m)^\\| `([a-z-]+)` \\|")
	var listed []string
	for _, m := range row.FindAllStringSubmatch(section, -1) {
		listed = append(listed, m[1])
	}
	var want []string
	for name := range a.Inputs {
		want = append(want, name)
	}
	for name := range a.Outputs {
		want = append(want, name)
	}
	sort.Strings(listed)
	sort.Strings(want)
	if !slices.Equal(listed, want) {
		t.Errorf("docs/integrations.md lists inputs and outputs %v, action.yml has %v", listed, want)
	}
}
