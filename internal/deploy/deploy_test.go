package deploy

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// Helpers to write expected values.

func at(file string, line int) Source { return Source{file, line} }

func set(d time.Duration, file string, line int) Duration {
	return Duration{D: d, Source: at(file, line)}
}

func def(d time.Duration, file string, line int) Duration {
	return Duration{D: d, Default: true, Source: at(file, line)}
}

func pre(d time.Duration, file string, line int) *Duration {
	x := set(d, file, line)
	return &x
}

func sig(name, file string, line int) *Signal { return &Signal{name, at(file, line)} }

func load(t *testing.T, paths ...string) *Set {
	t.Helper()
	s, err := Load("testdata", paths)
	if err != nil {
		t.Fatalf("Load(%q): %v", paths, err)
	}
	return s
}

func show(v any) string {
	switch v := v.(type) {
	case Container:
		s := fmt.Sprintf("%s %s/%s (%s) image=%q command=%q args=%q at %s stop=%v default=%v at %s",
			v.Kind, v.Workload, v.Name, v.Object, v.Image, v.Command, v.Args, v.Source, v.StopTimeout.D, v.StopTimeout.Default, v.StopTimeout.Source)
		if v.PreStop != nil {
			s += fmt.Sprintf(" preStop=%v at %s", v.PreStop.D, v.PreStop.Source)
		}
		if v.StopSignal != nil {
			s += fmt.Sprintf(" signal=%s at %s", v.StopSignal.Name, v.StopSignal.Source)
		}
		return s
	case *Instruction:
		if v == nil {
			return "<nil>"
		}
		return fmt.Sprintf("%+v", *v)
	}
	return fmt.Sprintf("%+v", v)
}

func checkContainers(t *testing.T, got, want []Container) {
	t.Helper()
	for i := 0; i < len(got) || i < len(want); i++ {
		switch {
		case i >= len(got):
			t.Errorf("missing container %d:\n  want %s", i, show(want[i]))
		case i >= len(want):
			t.Errorf("extra container %d:\n  got  %s", i, show(got[i]))
		case !reflect.DeepEqual(withoutSelectors(got[i]), want[i]):
			t.Errorf("container %d:\n  got  %s\n  want %s", i, show(got[i]), show(want[i]))
		}
	}
}

// withoutSelectors drops what only Services match on (TestKubernetesDrains
// checks it through the routes).
func withoutSelectors(c Container) Container {
	c.Namespace, c.Labels, c.HasPreStop = "", nil, false
	return c
}

func checkStrings[T fmt.Stringer](t *testing.T, what string, got []T, want []string) {
	t.Helper()
	var g []string
	for _, x := range got {
		g = append(g, x.String())
	}
	if !reflect.DeepEqual(g, want) {
		t.Errorf("%s:\n  got  %q\n  want %q", what, g, want)
	}
}

func TestKubernetesMultiDocument(t *testing.T) {
	const f = "k8s/app.yaml"
	s := load(t, f)
	checkContainers(t, s.Containers, []Container{
		{
			Kind: KindKubernetes, Workload: "api", Object: "Deployment", Name: "api",
			Image:       "registry.example.com/shop/api:1.4.2",
			Command:     []string{"/usr/local/bin/api"},
			Args:        []string{"serve", "--addr=:8080"},
			Source:      at(f, 27),
			StopTimeout: set(45*time.Second, f, 25),
			PreStop:     pre(10*time.Second, f, 34),
		},
		{
			Kind: KindKubernetes, Workload: "api", Object: "Deployment", Name: "metrics-proxy",
			Image:       "registry.example.com/shop/proxy:2.0",
			Source:      at(f, 37),
			StopTimeout: set(45*time.Second, f, 25),
		},
	})
	checkStrings(t, "warnings", s.Warnings, nil)
	checkStrings(t, "notes", s.Notes, nil)
}

func TestKubernetesListCronJobAndDefaults(t *testing.T) {
	s := load(t, "k8s/list.yaml", "k8s/cronjob.yaml")
	checkContainers(t, s.Containers, []Container{
		{
			Kind: KindKubernetes, Workload: "nightly-report", Object: "CronJob", Name: "report",
			Image: "reports:7", Command: []string{"/app/report"}, Args: []string{"--since=24h"},
			Source: at("k8s/cronjob.yaml", 13),
			// Unset: the default, at the pod spec.
			StopTimeout: def(30*time.Second, "k8s/cronjob.yaml", 10),
		},
		{
			Kind: KindKubernetes, Workload: "migrate", Object: "Job", Name: "migrate",
			Image: "api:1.4.2", Command: []string{"/usr/local/bin/api", "migrate"},
			Source:      at("k8s/cronjob.yaml", 30),
			StopTimeout: set(5*time.Second, "k8s/cronjob.yaml", 27),
		},
		{
			Kind: KindKubernetes, Workload: "queue", Object: "StatefulSet", Name: "queue",
			Image: "queue:3", Source: at("k8s/list.yaml", 14),
			StopTimeout: set(120*time.Second, "k8s/list.yaml", 12),
		},
		{
			Kind: KindKubernetes, Workload: "agent", Object: "DaemonSet", Name: "agent",
			Image: "agent:1", Source: at("k8s/list.yaml", 25),
			StopTimeout: def(30*time.Second, "k8s/list.yaml", 22),
			StopSignal:  sig("SIGQUIT", "k8s/list.yaml", 27),
		},
	})
	checkStrings(t, "warnings", s.Warnings, nil)
}

func TestPreStopSpellings(t *testing.T) {
	const f = "k8s/prestop.yaml"
	s := load(t, f)
	want := []struct {
		name    string
		line    int
		preStop *Duration
	}{
		{"sleep-action", 8, pre(7*time.Second, f, 11)},
		{"exec-sleep", 14, pre(5*time.Second, f, 17)},
		{"exec-bin-sleep", 20, pre(5*time.Second, f, 23)},
		{"sh-c", 26, pre(5*time.Second, f, 29)},
		{"bin-sh-c-and", 32, pre(5*time.Second, f, 35)},
		{"decimal", 38, pre(2500*time.Millisecond, f, 41)},
		{"suffix", 44, pre(15*time.Second, f, 47)},
		{"bash-ec-echo", 50, pre(3*time.Second, f, 53)},
		{"busybox", 61, pre(4*time.Second, f, 64)},
		{"http-hook", 67, nil},    // its time is not known
		{"not-a-sleep", 74, nil},  // does something else first
		{"backgrounded", 80, nil}, // sleep 5 & takes no time
		{"variable", 86, nil},     // sleep $DRAIN_SECONDS
	}
	if len(s.Containers) != len(want) {
		t.Fatalf("got %d containers, want %d", len(s.Containers), len(want))
	}
	for i, w := range want {
		c := s.Containers[i]
		if c.Name != w.name || c.Line != w.line || !reflect.DeepEqual(c.PreStop, w.preStop) {
			t.Errorf("container %d: got %s, want %s at line %d preStop %+v", i, show(c), w.name, w.line, w.preStop)
		}
		if c.StopTimeout != set(60*time.Second, f, 6) {
			t.Errorf("%s: stop timeout %+v", c.Name, c.StopTimeout)
		}
	}
	checkStrings(t, "warnings", s.Warnings, nil)
}

func TestKnativeAndRollout(t *testing.T) {
	const f = "k8s/platforms.yaml"
	s := load(t, f)
	checkContainers(t, s.Containers, []Container{
		// Knative's grace period is the revision timeout, 300s by default.
		{
			Kind: KindKubernetes, Workload: "hello", Object: "Service", Image: "hello:1",
			Source: at(f, 9), StopTimeout: def(300*time.Second, f, 7),
		},
		{
			Kind: KindKubernetes, Workload: "slow", Object: "Service", Name: "slow", Image: "slow:1",
			Source: at(f, 20), StopTimeout: set(600*time.Second, f, 18),
		},
		{
			Kind: KindKubernetes, Workload: "checkout", Object: "Rollout", Name: "checkout", Image: "checkout:9",
			Source: at(f, 34), StopTimeout: set(20*time.Second, f, 32),
		},
		// The Rollout with a workloadRef has no pod spec of its own.
	})
	checkStrings(t, "warnings", s.Warnings, nil)
}

func TestKubernetesAnchorsAndMergeKeys(t *testing.T) {
	const f = "k8s/anchors.yaml"
	s := load(t, f)
	checkContainers(t, s.Containers, []Container{
		{
			Kind: KindKubernetes, Workload: "anchored", Object: "Deployment", Name: "web", Image: "web:1",
			Source: at(f, 11), StopTimeout: set(25*time.Second, f, 8), PreStop: pre(3*time.Second, f, 14),
		},
		{
			Kind: KindKubernetes, Workload: "anchored", Object: "Deployment", Name: "web-canary", Image: "web:1",
			Source: at(f, 18), StopTimeout: set(25*time.Second, f, 8), PreStop: pre(3*time.Second, f, 14),
		},
	})
	checkStrings(t, "warnings", s.Warnings, nil)
}

func TestMalformedFilesWarnAndTheRestLoads(t *testing.T) {
	s := load(t, "k8s/malformed.yaml", "ecs/malformed.json", "ecs/badtype.json", "k8s/badvalues.yaml", "k8s/app.yaml", "fly/fly.toml")
	checkStrings(t, "warnings", s.Warnings, []string{
		// did not find expected '-' indicator: go-yaml reports the
		// start of the sequence the bad line is in.
		"ecs/badtype.json:6: stopTimeout \"soon\" is not a whole number of seconds: container typed skipped",
		"ecs/malformed.json:7: JSON does not parse: invalid character '}' looking for beginning of object key string",
		"k8s/badvalues.yaml:8: terminationGracePeriodSeconds \"30\" is not a whole number of seconds: Deployment quoted-grace skipped",
		"k8s/badvalues.yaml:22: lifecycle.stopSignal: \"SIGNOPE\" is not a signal name",
		"k8s/malformed.yaml:20: YAML does not parse: did not find expected '-' indicator",
	})
	var names []string
	for _, c := range s.Containers {
		names = append(names, c.Source.File+" "+c.Workload+"/"+c.Name)
	}
	// The document before the error, the other files, the container whose
	// stop signal is bad (without a signal).
	want := []string{
		"fly/fly.toml shop-api/shop-api",
		"k8s/app.yaml api/api",
		"k8s/app.yaml api/metrics-proxy",
		"k8s/badvalues.yaml bad-signal/app",
		"k8s/malformed.yaml before-the-error/ok",
	}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("containers:\n  got  %q\n  want %q", names, want)
	}
	if c := s.Containers[3]; c.StopSignal != nil {
		t.Errorf("bad stop signal kept: %+v", c.StopSignal)
	}
}

func TestNonManifestsIgnored(t *testing.T) {
	s := load(t, "k8s/settings.yaml", "ecs/package.json")
	if len(s.Containers)+len(s.Dockerfiles)+len(s.Warnings)+len(s.Notes) != 0 || s.AgentStopTimeout != nil {
		t.Errorf("got %+v, want nothing", s)
	}
}

func TestTemplatesSkippedWithNotes(t *testing.T) {
	s := load(t, "helm/templates/deployment.yaml", "k8s/templated.yaml", "k8s/gotemplate.yaml", "k8s/prometheus-rules.yaml")
	checkStrings(t, "notes", s.Notes, []string{
		"helm/templates/deployment.yaml:4: Helm chart template skipped: render it (helm template) and pass the output file to check it",
		"k8s/gotemplate.yaml:1: skipped: template syntax ({{ }}) that is not YAML; render it and pass the output file to check it",
		"k8s/templated.yaml:1: Deployment skipped: template syntax ({{ }}); render it and pass the output file to check it",
	})
	checkStrings(t, "warnings", s.Warnings, nil)
	// {{ $labels }} in a PrometheusRule does not hide the Deployment
	// beside it.
	checkContainers(t, s.Containers, []Container{{
		Kind: KindKubernetes, Workload: "beside-the-rules", Object: "Deployment", Name: "app", Image: "app:2",
		Source: at("k8s/prometheus-rules.yaml", 21), StopTimeout: def(30*time.Second, "k8s/prometheus-rules.yaml", 19),
	}})
}

func TestECS(t *testing.T) {
	ordersAPI := Container{
		Kind: KindECS, Workload: "orders", Name: "orders-api",
		Image:   "123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:2.3.0",
		Command: []string{"/orders"}, Args: []string{"serve", "-addr", ":8080"},
		Source: at("ecs/taskdef.json", 7), StopTimeout: set(20*time.Second, "ecs/taskdef.json", 12),
	}
	logRouter := Container{
		Kind: KindECS, Workload: "orders", Name: "log-router", Image: "fluent-bit:3",
		Source: at("ecs/taskdef.json", 16),
	}
	payments := Container{
		Kind: KindECS, Workload: "payments", Name: "payments", Image: "payments:14",
		Args:   []string{"/payments", "run"},
		Source: at("ecs/describe.json", 6),
		// Fargate: the agent's configuration does not apply.
		StopTimeout: def(30*time.Second, "ecs/describe.json", 6),
	}

	t.Run("agent default applies", func(t *testing.T) {
		s := load(t, "ecs/describe.json", "ecs/taskdef.json", "ecs/ecs.config")
		lr := logRouter
		lr.StopTimeout = def(45*time.Second, "ecs/ecs.config", 4)
		checkContainers(t, s.Containers, []Container{payments, ordersAPI, lr})
		if want := set(45*time.Second, "ecs/ecs.config", 4); s.AgentStopTimeout == nil || *s.AgentStopTimeout != want {
			t.Errorf("AgentStopTimeout = %+v, want %+v", s.AgentStopTimeout, want)
		}
		checkStrings(t, "warnings", s.Warnings, nil)
	})
	t.Run("no agent configuration", func(t *testing.T) {
		s := load(t, "ecs/taskdef.json")
		lr := logRouter
		lr.StopTimeout = def(30*time.Second, "ecs/taskdef.json", 16)
		checkContainers(t, s.Containers, []Container{ordersAPI, lr})
		if s.AgentStopTimeout != nil {
			t.Errorf("AgentStopTimeout = %+v", s.AgentStopTimeout)
		}
	})
}

func TestECSAgentConfig(t *testing.T) {
	tests := []struct {
		name, content string
		want          *Duration
		warnings      []string
		notes         []string
	}{
		{"go duration", "ECS_CLUSTER=x\nECS_CONTAINER_STOP_TIMEOUT=2m\n", pre(2*time.Minute, "ecs.config", 2), nil, nil},
		{"quoted and exported", "# comment\nexport ECS_CONTAINER_STOP_TIMEOUT=\"1m30s\"\r\n", pre(90*time.Second, "ecs.config", 2), nil, nil},
		{"last one wins", "ECS_CONTAINER_STOP_TIMEOUT=10s\nECS_CONTAINER_STOP_TIMEOUT=20s\n", pre(20*time.Second, "ecs.config", 2), nil, nil},
		{"bare number ignored by the agent", "ECS_CONTAINER_STOP_TIMEOUT=60\n", nil,
			[]string{"ecs.config:1: ECS_CONTAINER_STOP_TIMEOUT=60 is not a Go duration (like 30s or 2m): the agent ignores it and uses 30s"}, nil},
		{"zero ignored", "ECS_CONTAINER_STOP_TIMEOUT=0s\n", nil, nil,
			[]string{"ecs.config:1: ECS_CONTAINER_STOP_TIMEOUT=0s: the agent ignores 0 and uses 30s"}},
		{"raised to the minimum", "ECS_CONTAINER_STOP_TIMEOUT=500ms\n", pre(time.Second, "ecs.config", 1), nil,
			[]string{"ecs.config:1: ECS_CONTAINER_STOP_TIMEOUT=500ms: the agent raises it to 1s"}},
		{"unset", "ECS_CLUSTER=x\n", nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "ecs.config"), []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := Load(dir, []string{"ecs.config"})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(s.AgentStopTimeout, tt.want) {
				t.Errorf("AgentStopTimeout = %+v, want %+v", s.AgentStopTimeout, tt.want)
			}
			checkStrings(t, "warnings", s.Warnings, tt.warnings)
			checkStrings(t, "notes", s.Notes, tt.notes)
		})
	}
	t.Run("smallest of several", func(t *testing.T) {
		dir := t.TempDir()
		for name, content := range map[string]string{"a/ecs.config": "ECS_CONTAINER_STOP_TIMEOUT=1m\n", "b/ecs.config": "\nECS_CONTAINER_STOP_TIMEOUT=15s\n"} {
			os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
			if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		s, err := Discover(dir, "")
		if err != nil {
			t.Fatal(err)
		}
		if want := set(15*time.Second, "b/ecs.config", 2); s.AgentStopTimeout == nil || *s.AgentStopTimeout != want {
			t.Errorf("AgentStopTimeout = %+v, want %+v", s.AgentStopTimeout, want)
		}
	})
}

func TestCompose(t *testing.T) {
	const f, prod = "compose/compose.yaml", "compose/docker-compose.prod.yml"
	s := load(t, f, prod, "compose/stack.yml")
	checkContainers(t, s.Containers, []Container{
		{
			Kind: KindCompose, Workload: "api", Name: "api", Image: "shop/api:1.4.2",
			Args:   []string{"serve", "--addr", ":8080"},
			Source: at(f, 6),
			// Merged from x-defaults: the line where it is written.
			StopTimeout: set(90*time.Second, f, 3),
			StopSignal:  sig("SIGQUIT", f, 10),
		},
		{
			Kind: KindCompose, Workload: "worker", Name: "worker", Image: "shop/worker:1.4.2",
			Command: []string{"/worker"}, Args: []string{"--queue", "orders"},
			Source: at(f, 11), StopTimeout: set(300*time.Millisecond, f, 15),
		},
		{
			Kind: KindCompose, Workload: "db", Name: "db", Image: "postgres:16",
			Source: at(f, 16), StopTimeout: def(10*time.Second, f, 16),
			StopSignal: sig("SIGKILL", f, 18),
		},
		{
			Kind: KindCompose, Workload: "cache", Name: "cache", Image: "redis:7",
			Source: at(f, 19), StopTimeout: set(time.Hour, f, 21),
			StopSignal: sig("SIGINT", f, 22),
		},
		{
			Kind: KindCompose, Workload: "api", Name: "api", Image: "shop/api:${TAG:-latest}",
			Source: at(prod, 2), StopTimeout: set(45*time.Second, prod, 4),
		},
		// Named explicitly, a compose file under another name is read.
		{
			Kind: KindCompose, Workload: "web", Name: "web", Image: "shop/web:3",
			Source: at("compose/stack.yml", 3), StopTimeout: set(20*time.Second, "compose/stack.yml", 5),
		},
	})
	checkStrings(t, "warnings", s.Warnings, []string{
		prod + `:7: stop_grace_period: "30" has no unit (like 10s or 1m30s): service broken skipped`,
		prod + `:10: stop_grace_period: "${GRACE}" uses a variable that is set outside this file: service unresolved skipped`,
	})
	checkStrings(t, "notes", s.Notes, []string{
		prod + `:4: stop_grace_period "${API_GRACE:-45s}": took the default "45s"; a value of API_GRACE in the environment or .env file would override it`,
	})
}

func TestDockerfiles(t *testing.T) {
	s := load(t, "docker")
	sh := []string{"/bin/sh", "-c"}
	want := []Dockerfile{
		{
			// STOPSIGNAL of the build stage does not count.
			Source: at("docker/Dockerfile", 9), Base: "gcr.io/distroless/static",
			Entrypoint: &Instruction{Raw: `["/api"]`, Exec: true, Args: []string{"/api"}, Source: at("docker/Dockerfile", 11)},
		},
		{
			Source: at("docker/Dockerfile.backtick", 2), Base: "mcr.microsoft.com/windows/servercore",
			StopSignal: sig("SIGINT", "docker/Dockerfile.backtick", 3),
			Cmd:        &Instruction{Raw: `["C:\\app\\app.exe"]`, Exec: true, Args: []string{`C:\app\app.exe`}, Source: at("docker/Dockerfile.backtick", 5)},
		},
		{
			// Built FROM the base stage: inherits its STOPSIGNAL and
			// SHELL; its ENTRYPOINT resets the inherited CMD; the heredoc
			// body is not read as instructions.
			Source: at("docker/Dockerfile.worker", 6), Base: "base",
			StopSignal: sig("SIGTERM", "docker/Dockerfile.worker", 2),
			Entrypoint: &Instruction{
				Raw: "exec /worker --mode=release", Args: []string{"exec", "/worker", "--mode=release"},
				Shell: []string{"/bin/bash", "-c"}, Source: at("docker/Dockerfile.worker", 11),
			},
		},
		{
			// Lower-case instructions, a numeric signal, continuation
			// lines with a comment inside.
			Source: at("docker/api.Dockerfile", 5), Base: "alpine:3.20",
			StopSignal: sig("SIGQUIT", "docker/api.Dockerfile", 12),
			Cmd: &Instruction{
				Raw: "--addr :8080     --drain 20s", Args: []string{"--addr", ":8080", "--drain", "20s"},
				Shell: sh, Source: at("docker/api.Dockerfile", 15),
			},
			Entrypoint: &Instruction{
				Raw: `["/usr/local/bin/api",             "serve"]`, Exec: true,
				Args: []string{"/usr/local/bin/api", "serve"}, Source: at("docker/api.Dockerfile", 13),
			},
		},
	}
	if len(s.Dockerfiles) != len(want) {
		t.Fatalf("got %d Dockerfiles, want %d: %+v", len(s.Dockerfiles), len(want), s.Dockerfiles)
	}
	for i, w := range want {
		g := s.Dockerfiles[i]
		if g.Source != w.Source || g.Base != w.Base || !reflect.DeepEqual(g.StopSignal, w.StopSignal) {
			t.Errorf("%s: got %s base %s signal %+v, want %s base %s signal %+v", w.File, g.Source, g.Base, g.StopSignal, w.Source, w.Base, w.StopSignal)
		}
		if !reflect.DeepEqual(g.Cmd, w.Cmd) {
			t.Errorf("%s: CMD\n  got  %s\n  want %s", w.File, show(g.Cmd), show(w.Cmd))
		}
		if !reflect.DeepEqual(g.Entrypoint, w.Entrypoint) {
			t.Errorf("%s: ENTRYPOINT\n  got  %s\n  want %s", w.File, show(g.Entrypoint), show(w.Entrypoint))
		}
	}
	checkStrings(t, "warnings", s.Warnings, nil)
}

func TestDockerfileEdgeCases(t *testing.T) {
	tests := []struct {
		name, content string
		signal        *Signal
		warnings      []string
	}{
		{"signal as a bare name", "FROM a\nSTOPSIGNAL quit\n", sig("SIGQUIT", "Dockerfile", 2), nil},
		{"kill by number", "FROM a\nSTOPSIGNAL 9\n", sig("SIGKILL", "Dockerfile", 2), nil},
		{"realtime", "FROM a\nSTOPSIGNAL SIGRTMIN+3\n", sig("SIGRTMIN+3", "Dockerfile", 2), nil},
		{"build argument", "ARG SIG=SIGQUIT\nFROM a\nSTOPSIGNAL $SIG\n", nil,
			[]string{"Dockerfile:3: STOPSIGNAL $SIG: build arguments are not resolved; the signal is unknown"}},
		{"unknown", "FROM a\nSTOPSIGNAL SIGFOO\n", nil, []string{`Dockerfile:2: STOPSIGNAL: "SIGFOO" is not a signal name`}},
		{"earlier stage only", "FROM a AS one\nSTOPSIGNAL SIGINT\nFROM b\n", nil, nil},
		{"stage named by another case", "FROM a AS One\nSTOPSIGNAL SIGINT\nFROM one\n", sig("SIGINT", "Dockerfile", 2), nil},
		{"platform flag", "FROM --platform=$BUILDPLATFORM golang AS b\nSTOPSIGNAL 2\nFROM --platform=linux/amd64 b\n", sig("SIGINT", "Dockerfile", 2), nil},
		{"no FROM", "# just a comment\n", nil, []string{"Dockerfile: no FROM instruction: not read as a Dockerfile"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "Dockerfile"), []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := Discover(dir, "")
			if err != nil {
				t.Fatal(err)
			}
			var got *Signal
			if len(s.Dockerfiles) == 1 {
				got = s.Dockerfiles[0].StopSignal
			}
			if !reflect.DeepEqual(got, tt.signal) {
				t.Errorf("signal = %+v, want %+v", got, tt.signal)
			}
			checkStrings(t, "warnings", s.Warnings, tt.warnings)
		})
	}
}

func TestFly(t *testing.T) {
	s := load(t, "fly")
	checkContainers(t, s.Containers, []Container{
		{
			Kind: KindFly, Workload: "bare", Name: "bare", Source: at("fly/fly.defaults.toml", 1),
			StopTimeout: def(5*time.Second, "fly/fly.defaults.toml", 1),
		},
		{
			Kind: KindFly, Workload: "shop-api-staging", Name: "shop-api-staging", Source: at("fly/fly.staging.toml", 1),
			StopTimeout: set(12*time.Second, "fly/fly.staging.toml", 2),
		},
		{
			// kill_timeout inside [http_service] is not the top-level key.
			Kind: KindFly, Workload: "shop-api", Name: "shop-api", Source: at("fly/fly.toml", 2),
			StopTimeout: set(30*time.Second, "fly/fly.toml", 5),
			StopSignal:  sig("SIGTERM", "fly/fly.toml", 4),
		},
	})
	if DefaultSignal(KindFly) != "SIGINT" || DefaultSignal(KindKubernetes) != "SIGTERM" {
		t.Error("DefaultSignal")
	}
	checkStrings(t, "warnings", s.Warnings, nil)
}

func TestDiscover(t *testing.T) {
	s, err := Discover("testdata/discover", "")
	if err != nil {
		t.Fatal(err)
	}
	checkContainers(t, s.Containers, []Container{
		{
			Kind: KindCompose, Workload: "api", Name: "api", Source: at("compose.yml", 2),
			StopTimeout: set(15*time.Second, "compose.yml", 4),
		},
		{
			Kind: KindKubernetes, Workload: "api", Object: "Deployment", Name: "api", Image: "api:1",
			Source: at("deploy/k8s/api.yaml", 10), StopTimeout: set(40*time.Second, "deploy/k8s/api.yaml", 8),
		},
		{
			Kind: KindECS, Workload: "api", Name: "api", Image: "api:1",
			Source: at("services/api/taskdef.json", 1), StopTimeout: def(2*time.Minute, "services/api/ecs.config", 1),
		},
	})
	if len(s.Dockerfiles) != 1 || s.Dockerfiles[0].Source != at("services/api/Dockerfile", 1) ||
		!reflect.DeepEqual(s.Dockerfiles[0].StopSignal, sig("SIGINT", "services/api/Dockerfile", 2)) {
		t.Errorf("Dockerfiles = %+v", s.Dockerfiles)
	}
	// vendor/, node_modules/, testdata/, .hidden/ and .github/ each hold a
	// manifest, a Dockerfile and a YAML file that does not parse: none is
	// read, so there is no warning.
	checkStrings(t, "warnings", s.Warnings, nil)
	checkStrings(t, "notes", s.Notes, nil)
	for _, c := range s.Containers {
		if c.Workload == "must-not-be-read" {
			t.Errorf("read a skipped directory: %s", show(c))
		}
	}
}

func TestDiscoverErrors(t *testing.T) {
	if _, err := Discover("testdata/no-such-dir", ""); err == nil {
		t.Error("Discover of a missing root: no error")
	}
	if _, err := Discover("testdata/k8s/app.yaml", ""); err == nil {
		t.Error("Discover of a file: no error")
	}
}

func TestLoad(t *testing.T) {
	t.Run("missing path", func(t *testing.T) {
		_, err := Load("testdata", []string{"k8s/app.yaml", "deploy/missing.yaml"})
		if err == nil || !strings.Contains(err.Error(), "deploy/missing.yaml") {
			t.Errorf("err = %v, want one naming deploy/missing.yaml", err)
		}
	})
	t.Run("directory and file names as given", func(t *testing.T) {
		s := load(t, "discover/deploy/", "./k8s/cronjob.yaml")
		var files []string
		for _, c := range s.Containers {
			files = append(files, c.Source.String())
		}
		want := []string{"discover/deploy/k8s/api.yaml:10", "k8s/cronjob.yaml:13", "k8s/cronjob.yaml:30"}
		if !reflect.DeepEqual(files, want) {
			t.Errorf("got %q, want %q", files, want)
		}
	})
	t.Run("absolute path", func(t *testing.T) {
		abs, err := filepath.Abs("testdata/k8s/cronjob.yaml")
		if err != nil {
			t.Fatal(err)
		}
		s, err := Load("elsewhere", []string{abs})
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Containers) != 2 || s.Containers[0].File != filepath.ToSlash(abs) {
			t.Errorf("got %+v", s.Containers)
		}
	})
	t.Run("unrecognized file", func(t *testing.T) {
		s := load(t, "discover/README.md")
		checkStrings(t, "warnings", s.Warnings, []string{
			"discover/README.md: not a deployment file sigtermlint reads (Kubernetes or compose YAML, ECS task definition JSON, ecs.config, Dockerfile, fly.toml, Terraform .tf)",
		})
	})
}

func TestSortedAndDeterministic(t *testing.T) {
	a := load(t, "k8s/list.yaml", "k8s/app.yaml", "compose/compose.yaml")
	b := load(t, "compose/compose.yaml", "k8s/app.yaml", "k8s/list.yaml")
	if !reflect.DeepEqual(a, b) {
		t.Error("the order of the paths changed the Set")
	}
	for i := 1; i < len(a.Containers); i++ {
		if lessSource(a.Containers[i].Source, a.Containers[i-1].Source) {
			t.Errorf("not sorted: %s before %s", a.Containers[i-1].Source, a.Containers[i].Source)
		}
	}
}

func TestLargeFileSkipped(t *testing.T) {
	dir := t.TempDir()
	big := make([]byte, MaxFileSize+1)
	copy(big, "apiVersion: v1\nkind: Pod\n#")
	for i := 26; i < len(big); i++ {
		big[i] = 'x'
	}
	if err := os.WriteFile(filepath.Join(dir, "big.yaml"), big, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Discover(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	checkStrings(t, "warnings", s.Warnings, []string{"big.yaml: skipped: larger than 10 MiB"})
}

func TestPanicBecomesWarning(t *testing.T) {
	r := newReader()
	r.guard("x.yaml", func() { panic("boom") })
	s := r.finish()
	checkStrings(t, "warnings", s.Warnings, []string{"x.yaml: internal error while reading this file: boom"})
}

func TestWarningAndNoteStrings(t *testing.T) {
	if got := (Warning{at("a/b.yaml", 3), "bad"}).String(); got != "a/b.yaml:3: bad" {
		t.Errorf("Warning.String() = %q", got)
	}
	if got := (Note{at("a/b.yaml", 0), "skipped"}).String(); got != "a/b.yaml: skipped" {
		t.Errorf("Note.String() = %q", got)
	}
}

func TestRuns(t *testing.T) {
	for _, tc := range []struct {
		c    Container
		bin  string
		want bool
	}{
		{Container{Name: "api"}, "api", true},
		{Container{Workload: "api"}, "api", true},
		{Container{Image: "registry.example/acme/api:1.4"}, "api", true},
		{Container{Image: "registry.example:5000/api@sha256:abc"}, "api", true},
		{Container{Image: "registry.example:5000/apiserver"}, "api", false},
		{Container{Command: []string{"/usr/local/bin/api", "serve"}}, "api", true},
		{Container{Command: []string{"sh", "-c", "migrate && /app/api --port 80"}}, "api", true},
		{Container{Args: []string{"--api-key", "x"}}, "api", false},
		{Container{Name: "worker", Image: "acme/worker"}, "api", false},
		{Container{Name: "api"}, "", false},
		// A bare name runs a program only where a program stands.
		{Container{Command: []string{""}, Args: []string{"sh", "-c", "mkdir -p /data && minio server /data"}}, "server", false},
		{Container{Command: []string{""}, Args: []string{"sh", "-c", "mkdir -p /data && exec server /data"}}, "server", true},
		{Container{Args: []string{"server", "--port", "80"}}, "server", true},
		{Container{Args: []string{"--mode", "server"}}, "server", false},
		{Container{Command: []string{"tini", "--", "server"}}, "server", true},
		{Container{Command: []string{"env", "GOMAXPROCS=2", "server"}}, "server", true},
		{Container{Args: []string{"cd /app && PORT=80 server -v"}}, "server", true},
		{Container{Args: []string{"cd /app && minio server -v"}}, "server", false},
	} {
		if got := tc.c.Runs(tc.bin); got != tc.want {
			t.Errorf("%+v runs %q: got %v, want %v", tc.c, tc.bin, got, tc.want)
		}
	}
	d := Dockerfile{Entrypoint: &Instruction{Exec: true, Args: []string{"/api"}}, Cmd: &Instruction{Args: []string{"serve"}}}
	if !d.Runs("api") || d.Runs("serve2") {
		t.Errorf("Dockerfile.Runs: want api only")
	}
	shellForm := Dockerfile{Cmd: &Instruction{Raw: "cd /app && server --port 80", Args: []string{"cd", "/app", "&&", "server", "--port", "80"}}}
	if !shellForm.Runs("server") || shellForm.Runs("port") {
		t.Errorf("Dockerfile.Runs, shell form: want server only")
	}
}

// TestNonManifestYAMLIsQuiet: broken YAML that is no Kubernetes object (a
// pnpm-lock.yaml seen in a real repository mentions "kind") gets no
// warning; one with apiVersion and a kind key does.
func TestNonManifestYAMLIsQuiet(t *testing.T) {
	root := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(root, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("pnpm-lock.yaml", "lockfileVersion: 9\npackages:\n  foo:\n    resolution: {kind: [unclosed\n")
	set, err := Discover(root, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Warnings) != 0 {
		t.Errorf("non-manifest YAML: got warnings %v", set.Warnings)
	}
	write("deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nspec: [unclosed\n")
	set, err = Discover(root, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Warnings) != 1 || set.Warnings[0].File != "deploy.yaml" {
		t.Errorf("broken manifest: got warnings %v, want one for deploy.yaml", set.Warnings)
	}
}

// TestDiscoverKeep walks a repository root with a module nested under
// testdata/: the module's files and the root's are read, the module's own
// testdata and the root's other skipped directories are not, nor a file
// of a skipped directory on the way down.
func TestDiscoverKeep(t *testing.T) {
	root := t.TempDir()
	write := func(rel, content string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fly := "app = \"%s\"\nkill_timeout = 20\n"
	write("fly.toml", fmt.Sprintf(fly, "root"))
	write("testdata/fly.toml", fmt.Sprintf(fly, "onthewaydir"))
	write("testdata/other/fly.toml", fmt.Sprintf(fly, "sibling"))
	write("testdata/mod/fly.toml", fmt.Sprintf(fly, "module"))
	write("testdata/mod/testdata/fly.toml", fmt.Sprintf(fly, "moduletestdata"))
	write("vendor/fly.toml", fmt.Sprintf(fly, "vendor"))
	set, err := Discover(root, filepath.Join(root, "testdata", "mod"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range set.Containers {
		got = append(got, c.Workload+"@"+c.File)
	}
	slices.Sort(got)
	want := []string{"module@fly.toml", "root@../../fly.toml"}
	if !slices.Equal(got, want) {
		t.Errorf("read %q, want %q", got, want)
	}
}
