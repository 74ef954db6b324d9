package deploy

import (
	"bytes"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// copilotLBTypes are the Copilot service types behind an Application
// Load Balancer: a Load Balanced Web Service's public one, a Backend
// Service's internal one (when it sets http).
var copilotLBTypes = map[string]bool{"Load Balanced Web Service": true, "Backend Service": true}

// isCopilotManifest reports whether a YAML file is an AWS Copilot service
// manifest: copilot/<service>/manifest.yml with a Copilot type.
func isCopilotManifest(name string, data []byte) bool {
	base := path.Base(name)
	if base != "manifest.yml" && base != "manifest.yaml" {
		return false
	}
	if path.Base(path.Dir(path.Dir(name))) != "copilot" {
		return false
	}
	return bytes.Contains(data, []byte("type:"))
}

// copilotFile reads a Copilot service manifest: its name, the image it
// runs (image.build names the Dockerfile, relative to the workspace that
// holds copilot/), and http.deregistration_delay (60s when unset), with
// each environment's override as a drain of its own. Copilot runs the
// service on ECS, which waits for the target group's drain before it
// stops a task.
func (r *reader) copilotFile(name string, data []byte) {
	docs, err := parseYAML(data)
	if err != nil {
		line, msg := yamlErrorLine(err)
		r.warn(name, line, "YAML does not parse: %s", msg)
		return
	}
	if len(docs) == 0 {
		return
	}
	root := deref(docs[0])
	if root == nil || root.Kind != yaml.MappingNode || !copilotLBTypes[str(root, "type")] {
		return
	}
	if hasAlias(root) {
		if err := checkAliases(root); err != nil {
			_, msg := yamlErrorLine(err)
			r.warn(name, root.Line, "YAML document rejected: %s", msg)
			return
		}
	}
	svc := str(root, "name")
	if svc == "" {
		svc = path.Base(path.Dir(name))
	}
	workspace := path.Dir(path.Dir(path.Dir(name)))
	target := Container{Kind: KindECS, Workload: svc, Name: svc, Source: Source{name, root.Line}}
	var build string
	if img := get(root, "image"); img != nil {
		target.Image = str(img, "location")
		if b := get(img, "build"); b != nil {
			df, ok := scalar(b)
			if !ok {
				df = str(b, "dockerfile")
			}
			if df != "" && !isTemplated(df) {
				build = r.copilotBuild(name, workspace, df)
			}
		}
	}
	// The service runs as an ECS task on Fargate; Copilot sets no
	// stopTimeout, so ECS's default applies.
	r.ecsPending = append(r.ecsPending, ecsPending{target, true})
	http := get(root, "http")
	if typ := str(root, "type"); typ == "Backend Service" && (http == nil || http.Kind != yaml.MappingNode) {
		return // no internal load balancer
	}
	if v, ok := scalar(http); ok && v == "false" {
		return // http: false, no load balancer
	}
	base := Drain{LB: "copilot service " + svc, Setting: "http.deregistration_delay", BeforeStop: true,
		Targets: []Container{target}, Build: build,
		Delay: Duration{D: CopilotDefaultDeregistrationDelay, Default: true, Source: Source{name, root.Line}}}
	if k, _ := lookup(root, "http"); k != nil {
		base.Delay.Source.Line = k.Line
	}
	d, ok := r.copilotDelay(name, http, base)
	if !ok {
		return
	}
	r.set.Drains = append(r.set.Drains, d)
	envs := get(root, "environments")
	if envs == nil || envs.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(envs.Content); i += 2 {
		env, _ := scalar(envs.Content[i])
		eh := get(envs.Content[i+1], "http")
		if _, v := lookup(eh, "deregistration_delay"); v == nil {
			continue
		}
		e, ok := r.copilotDelay(name, eh, d)
		if ok {
			e.LB += " (environment " + env + ")"
			r.set.Drains = append(r.set.Drains, e)
		}
	}
}

// copilotBuild names the Dockerfile of image.build (relative to the
// workspace) as the Set names files. When the files are named from a
// module nested in the repository (Discover's keep), the name is taken
// from the paths on disk, so that the workspace's backend/Dockerfile is
// the module's Dockerfile when the module is backend/.
func (r *reader) copilotBuild(name, workspace, df string) string {
	build := path.Clean(path.Join(workspace, df))
	if r.keep == "" || r.file == "" {
		return build
	}
	ws := filepath.Dir(filepath.Dir(filepath.Dir(r.file)))
	if rel, err := filepath.Rel(r.keep, filepath.Join(ws, filepath.FromSlash(df))); err == nil {
		return filepath.ToSlash(rel)
	}
	return build
}

// copilotDelay reads http.deregistration_delay from an http mapping on
// top of d: a duration (30s, 1m) or a number of seconds.
func (r *reader) copilotDelay(file string, http *yaml.Node, d Drain) (Drain, bool) {
	k, v := lookup(http, "deregistration_delay")
	if v == nil {
		return d, true
	}
	at := Source{file, line(k, v)}
	s, ok := scalar(v)
	if !ok {
		r.warn(file, at.Line, "http.deregistration_delay is not a duration: %s skipped", d.LB)
		return d, false
	}
	if isTemplated(s) {
		d.Unknown, d.Delay = true, Duration{Source: at}
		return d, true
	}
	dur, err := time.ParseDuration(s)
	if err != nil {
		n, nerr := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if nerr != nil {
			r.warn(file, at.Line, "http.deregistration_delay %q is not a duration (like 30s): %s skipped", s, d.LB)
			return d, false
		}
		dur = time.Duration(n) * time.Second
	}
	if dur < 0 || dur > maxSeconds*time.Second {
		r.warn(file, at.Line, "http.deregistration_delay %q is out of range: %s skipped", s, d.LB)
		return d, false
	}
	d.Delay = Duration{D: dur, Source: at}
	return d, true
}
