package explain_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sigtermlint/sigtermlint/analyzers/shutdown"
	"github.com/sigtermlint/sigtermlint/analyzers/sigterm"
	"github.com/sigtermlint/sigtermlint/internal/config"
	"github.com/sigtermlint/sigtermlint/internal/explain"
	"github.com/sigtermlint/sigtermlint/internal/testmod"
)

// analyzers returns analyzers of their own, configured with flags
// (name, value, ...), as the command's -sigtermlint.NAME flags do.
func analyzers(t *testing.T, flags ...string) explain.Analyzers {
	t.Helper()
	cfg := config.New()
	for i := 0; i+1 < len(flags); i += 2 {
		if err := cfg.Flags.Set(flags[i], flags[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	return explain.Analyzers{Config: cfg, Sigterm: sigterm.NewWith(cfg), Shutdown: shutdown.NewWith(cfg)}
}

// module is testdata/explain: programs deployed by deploy/k8s.yaml.
func module(t *testing.T) string { return filepath.Join(testmod.Testdata(t, "../.."), "explain") }

func explainText(t *testing.T, dir string, an explain.Analyzers, patterns ...string) string {
	t.Helper()
	progs, err := explain.Run(dir, patterns, false, an)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := explain.WriteText(&b, progs); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestText explains every program of testdata/explain with the
// manifests: a preStop sleep and a grace period with a drain that fits
// (api), a drain over the grace period, reported (slow), and one the lint
// cannot report (batch: its Shutdown is in internal/server, checked
// against 30s), an exit as the drain starts, whose deadline is none
// (fatal: the exit's time is still known), a deadline that cannot be
// resolved under a directive
// (tunable), and a program that serves nothing (worker).
func TestText(t *testing.T) {
	got := explainText(t, module(t), analyzers(t), "./...")
	want := `cmd/api: stop signal SIGTERM (Kubernetes' default: deploy/k8s.yaml:12 sets no lifecycle.stopSignal), handled at main.go:15
   0s  preStop sleep 5s                             deploy/k8s.yaml:15
   5s  SIGTERM -> signal.NotifyContext              main.go:15
   5s  sleep 2s                                     internal/server/server.go:22
   7s  Shutdown deadline 20s                        internal/server/server.go:25
  27s  process exits
  30s  SIGKILL (terminationGracePeriodSeconds 30s)  deploy/k8s.yaml:10
  server srv (Shutdown at internal/server/server.go:25): longest request unbounded: no WriteTimeout or http.TimeoutHandler
    (some of its handlers could not be followed)
  nothing is wrong: the drain fits with 3s to spare

cmd/batch: stop signal SIGTERM (Kubernetes' default: deploy/k8s.yaml:40 sets no lifecycle.stopSignal), handled at main.go:17
   0s  SIGTERM -> signal.NotifyContext              main.go:17
   0s  sleep 2s                                     internal/server/server.go:22
   2s  Shutdown deadline 20s                        internal/server/server.go:25
  20s  SIGKILL (terminationGracePeriodSeconds 20s)  deploy/k8s.yaml:38
  22s  the drain would end here, after SIGKILL
  server srv (Shutdown at internal/server/server.go:25): longest request unbounded: no WriteTimeout or http.TimeoutHandler
    (some of its handlers could not be followed)
  no finding, yet the drain may end at 22s, not before SIGKILL at 20s (a Shutdown outside package main is checked against the flags or 30s, not this program's manifests or directive)

cmd/fatal: stop signal SIGTERM (the default), handled at main.go:16
   0s  SIGTERM -> signal.NotifyContext                                                                main.go:16
   0s  sleep 2s                                                                                       main.go:21
   2s  Shutdown, no deadline                                                                          main.go:22
   2s  process exits: as the drain starts (exit-before-drain)                                         main.go:24
  20s  SIGKILL (terminationGracePeriodSeconds 20s; the smallest of 3 deployments, none naming fatal)  deploy/k8s.yaml:26
  server srv (Shutdown at main.go:22): longest request unbounded: no WriteTimeout or http.TimeoutHandler
    (some of its handlers could not be followed)
  1 finding:
    exit-before-drain main.go:24: log.Fatal exits as soon as Shutdown starts (ListenAndServe returns http.ErrServerClosed): in-flight requests are cut off

cmd/slow: stop signal SIGTERM (Kubernetes' default: deploy/k8s.yaml:28 sets no lifecycle.stopSignal), handled at main.go:23
   0s  SIGTERM -> signal.Notify                     main.go:23
   0s  Shutdown deadline 25s                        main.go:27
  20s  SIGKILL (terminationGracePeriodSeconds 20s)  deploy/k8s.yaml:26
  25s  the drain would end here, after SIGKILL
  server srv (Shutdown at main.go:27): longest request unbounded: no WriteTimeout or http.TimeoutHandler
    (some of its handlers could not be followed)
  1 finding:
    shutdown-timeout main.go:27: shutdown may take 25s but the stop timeout is 20s (terminationGracePeriodSeconds 20s at deploy/k8s.yaml:26): SIGKILL cuts the drain short

cmd/tunable: stop signal SIGTERM (the default), handled at main.go:23
       0s  SIGTERM -> signal.NotifyContext           main.go:23
       0s  drain deadline unknown                    main.go:32
       0s  Shutdown deadline unknown                 main.go:38
  unknown  process exits                             drain: its deadline cannot be resolved, main.go:32
      15s  SIGKILL (//sigtermlint:stop-timeout 15s)  main.go:16
  server srv (Shutdown at main.go:38): longest request unbounded: no WriteTimeout or http.TimeoutHandler
    (some of its handlers could not be followed)
  no finding; whether the drain fits is unknown: drain: its deadline cannot be resolved

cmd/worker: starts no server
  it starts no server: there are no requests to drain
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestFlags explains cmd/api without manifests: the SIGKILL row names the
// flag or the preset, the preset's signal replaces SIGTERM, and the drain
// no longer fits, which the lint reports in internal/server.
func TestFlags(t *testing.T) {
	for _, tc := range []struct {
		name  string
		flags []string
		want  string
	}{
		{"stop-timeout", []string{config.FlagManifests, "off", config.FlagStopTimeout, "10s"}, `cmd/api: stop signal SIGTERM (the default), handled at main.go:15
   0s  SIGTERM -> signal.NotifyContext          main.go:15
   0s  sleep 2s                                 internal/server/server.go:22
   2s  Shutdown deadline 20s                    internal/server/server.go:25
  10s  SIGKILL (stop timeout 10s)               -sigtermlint.stop-timeout=10s
  22s  the drain would end here, after SIGKILL
  server srv (Shutdown at internal/server/server.go:25): longest request unbounded: no WriteTimeout or http.TimeoutHandler
    (some of its handlers could not be followed)
  1 finding:
    shutdown-timeout internal/server/server.go:25: shutdown may take 22s but the stop timeout is 10s (-sigtermlint.stop-timeout): SIGKILL cuts the drain short
`},
		{"platform", []string{config.FlagManifests, "off", config.FlagPlatform, "fly"}, `cmd/api: stop signal SIGINT (-sigtermlint.platform=fly default), handled at main.go:15
   0s  SIGINT -> signal.NotifyContext           main.go:15
   0s  sleep 2s                                 internal/server/server.go:22
   2s  Shutdown deadline 20s                    internal/server/server.go:25
   5s  SIGKILL (stop timeout 5s)                -sigtermlint.platform=fly
  22s  the drain would end here, after SIGKILL
  server srv (Shutdown at internal/server/server.go:25): longest request unbounded: no WriteTimeout or http.TimeoutHandler
    (some of its handlers could not be followed)
  1 finding:
    shutdown-timeout internal/server/server.go:25: shutdown may take 22s but the stop timeout is 5s (-sigtermlint.platform=fly: fly.toml kill_timeout, kill_signal): SIGKILL cuts the drain short
`},
		{"default", []string{config.FlagManifests, "off"}, `cmd/api: stop signal SIGTERM (the default), handled at main.go:15
   0s  SIGTERM -> signal.NotifyContext  main.go:15
   0s  sleep 2s                         internal/server/server.go:22
   2s  Shutdown deadline 20s            internal/server/server.go:25
  22s  process exits
  30s  SIGKILL (stop timeout 30s)       the default
  server srv (Shutdown at internal/server/server.go:25): longest request unbounded: no WriteTimeout or http.TimeoutHandler
    (some of its handlers could not be followed)
  nothing is wrong: the drain fits with 8s to spare
`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := explainText(t, module(t), analyzers(t, tc.flags...), "./cmd/api"); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// TestJSON checks the JSON form: times in seconds, null when unknown,
// with the reason; sources as fields; findings an array even when empty.
func TestJSON(t *testing.T) {
	progs, err := explain.Run(module(t), []string{"./cmd/api", "./cmd/tunable", "./cmd/worker"}, false, analyzers(t))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := explain.WriteJSON(&b, progs); err != nil {
		t.Fatal(err)
	}
	type row struct {
		Kind   string
		At     *float64
		Length *float64
		What   string
		Posn   string
		Source string
	}
	var got []struct {
		Package     string
		Dir         string
		Serves      bool
		StopSignals []struct{ Name, Source, Posn string } `json:"stop_signals"`
		Handling    *struct{ State, Via, Posn string }
		StopTimeout *struct {
			Seconds        float64
			PreStopSeconds float64 `json:"prestop_seconds"`
			KillAt         float64 `json:"kill_at"`
			Source         string
		} `json:"stop_timeout"`
		Timeline []row
		Exit     *struct {
			At   *float64
			Why  string
			Posn string
		}
		Findings []json.RawMessage
		Verdict  string
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if len(got) != 3 {
		t.Fatalf("want 3 programs, got %d:\n%s", len(got), b.String())
	}
	api, tunable, worker := got[0], got[1], got[2]

	if api.Package != "example.com/explain/cmd/api" || api.Dir != "cmd/api" || !api.Serves {
		t.Errorf("api: package %q dir %q serves %v", api.Package, api.Dir, api.Serves)
	}
	if s := api.StopSignals; len(s) != 1 || s[0].Name != "SIGTERM" || s[0].Posn != "deploy/k8s.yaml:12" {
		t.Errorf("api stop signals: %+v", s)
	}
	if h := api.Handling; h == nil || h.State != explain.Handled || h.Via != "signal.NotifyContext" || h.Posn != "main.go:15" {
		t.Errorf("api handling: %+v", h)
	}
	if st := api.StopTimeout; st == nil || st.Seconds != 25 || st.PreStopSeconds != 5 || st.KillAt != 30 {
		t.Errorf("api stop timeout: %+v, want 25s after a 5s preStop, SIGKILL at 30s", st)
	}
	var kinds []string
	for _, r := range api.Timeline {
		kinds = append(kinds, r.Kind)
		if r.At == nil {
			t.Errorf("api row %q: no time", r.What)
		}
	}
	if k := strings.Join(kinds, " "); k != "prestop signal sleep stop exit sigkill" {
		t.Errorf("api rows: %s", k)
	}
	if r := api.Timeline[3]; *r.At != 7 || r.Length == nil || *r.Length != 20 || r.Posn != "internal/server/server.go:25" {
		t.Errorf("api stop row: %+v", r)
	}
	if api.Exit == nil || api.Exit.At == nil || *api.Exit.At != 27 || len(api.Findings) != 0 {
		t.Errorf("api exit %+v, findings %d: want 27s and none", api.Exit, len(api.Findings))
	}

	if tunable.Exit == nil || tunable.Exit.At != nil || tunable.Exit.Why != "drain: its deadline cannot be resolved" || tunable.Exit.Posn != "main.go:32" {
		t.Errorf("tunable exit: %+v, want an unknown time with why", tunable.Exit)
	}
	for _, r := range tunable.Timeline {
		switch r.Kind {
		case explain.KindStop:
			if r.Length != nil {
				t.Errorf("tunable %q: length %v, want null", r.What, *r.Length)
			}
		case explain.KindExit:
			if r.At != nil || r.Source == "" {
				t.Errorf("tunable exit row: %+v, want no time and a reason", r)
			}
		case explain.KindSIGKILL:
			if r.At == nil || *r.At != 15 || r.Posn != "main.go:16" {
				t.Errorf("tunable SIGKILL row: %+v, want 15s at the directive", r)
			}
		}
	}

	if worker.Serves || worker.Timeline != nil || worker.Exit != nil || worker.Findings == nil {
		t.Errorf("worker: %+v, want no timeline and an empty findings array", worker)
	}
	if !strings.Contains(b.String(), `"findings": []`) {
		t.Errorf("want findings as an empty array, not null:\n%s", b.String())
	}
}

// TestExamples explains bundled examples: the shapes the rules report
// show in the timeline.
func TestExamples(t *testing.T) {
	root := filepath.Dir(testmod.Testdata(t, "../.."))
	for _, tc := range []struct{ pattern, want string }{
		{"./examples/nosigterm", `examples/nosigterm: stop signal SIGTERM (the default), not handled
   0s  SIGTERM is not handled: the Go runtime exits at once
   0s  process exits
  30s  SIGKILL (stop timeout 30s)                            the default
  1 finding:
`},
		{"./examples/fataldrain", `examples/fataldrain: stop signal SIGTERM (the default), handled at main.go:17
   0s  SIGTERM -> signal.NotifyContext                         main.go:17
   0s  Shutdown deadline 20s                                   main.go:24
   0s  process exits: as the drain starts (exit-before-drain)  main.go:26
  30s  SIGKILL (stop timeout 30s)                              the default
  server srv (Shutdown at main.go:24): longest request unbounded: no WriteTimeout or http.TimeoutHandler
    (some of its handlers could not be followed)
  1 finding:
    exit-before-drain main.go:26: log.Fatal exits as soon as Shutdown starts (ListenAndServe returns http.ErrServerClosed): in-flight requests are cut off`},
		{"./examples/noshutdown", `examples/noshutdown: stop signal SIGTERM (the default), handled at main.go:18
       0s  SIGTERM -> signal.Notify    main.go:18
  unknown  process exits               no graceful stop is reachable: whenever it exits, requests in flight are cut off
      30s  SIGKILL (stop timeout 30s)  the default
  1 finding:
    no-shutdown main.go:25: `},
		{"./examples/layered/cmd/good", `examples/layered/cmd/good: stop signal SIGTERM (the default), handled at main.go:18
   0s  SIGTERM -> signal.NotifyContext  main.go:18
   0s  Shutdown deadline 20s            examples/layered/internal/server/server.go:25
  20s  process exits
  30s  SIGKILL (stop timeout 30s)       the default
  server srv (Shutdown at examples/layered/internal/server/server.go:25): longest request unbounded: no WriteTimeout or http.TimeoutHandler
    (some of its handlers could not be followed)
  nothing is wrong: the drain fits with 10s to spare
`},
	} {
		t.Run(tc.pattern, func(t *testing.T) {
			got := explainText(t, root, analyzers(t), tc.pattern)
			if !strings.HasPrefix(got, tc.want) {
				t.Errorf("got:\n%s\nwant it to start with:\n%s", got, tc.want)
			}
		})
	}
}

// TestRunErrors: a pattern without a main package, and packages that do
// not type-check.
func TestRunErrors(t *testing.T) {
	_, err := explain.Run(module(t), []string{"./internal/..."}, false, analyzers(t))
	if _, ok := err.(*explain.NoMainError); !ok || !strings.Contains(err.Error(), "no main package matches ./internal/...") {
		t.Errorf("library only: got %v, want a NoMainError", err)
	}
	broken := filepath.Join(testmod.Testdata(t, "../.."), "e2e-broken")
	_, err = explain.Run(broken, []string{"./..."}, false, analyzers(t))
	if _, ok := err.(*explain.LoadError); !ok {
		t.Errorf("type errors: got %v, want a LoadError", err)
	}
}

func TestRequested(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"-explain", "./..."}, true},
		{[]string{"--explain", "./..."}, true},
		{[]string{"-json", "-explain=true", "./..."}, true},
		{[]string{"-explain=false", "./..."}, false},
		{[]string{"./...", "-explain"}, false}, // after the patterns: a pattern, as for the lint
		{[]string{"--", "-explain"}, false},
		{[]string{"-sigtermlint.stop-timeout", "20s", "-explain", "./..."}, true}, // a flag's value is not a pattern
		{[]string{"-sigtermlint.stop-timeout=20s", "./...", "-explain"}, false},
		{[]string{"-json", "./..."}, false},
		{nil, false},
	} {
		if got := explain.Requested(tc.args); got != tc.want {
			t.Errorf("Requested(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

// TestMainBadInput: the command line's errors exit 2 with the usage, load
// errors and patterns without a program exit 1, and nothing goes to
// stdout.
func TestMainBadInput(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"unknown flag", []string{"-explain", "-fix", "./..."}, 2, "flag provided but not defined: -fix"},
		{"malformed duration", []string{"-explain", "-sigtermlint.stop-timeout=soon", "./..."}, 2,
			`invalid value "soon" for flag -sigtermlint.stop-timeout: time: invalid duration "soon"`},
		{"unknown platform", []string{"-explain", "-sigtermlint.platform=mars", "./..."}, 2, `unknown platform "mars"`},
		{"no patterns", []string{"-explain"}, 2, "-explain needs package patterns"},
		{"no main package", []string{"-explain", "./internal/..."}, 1, "no main package matches ./internal/..."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := explain.Main(tc.args, module(t), analyzers(t), &stdout, &stderr)
			if code != tc.code || stdout.Len() != 0 || !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant exit %d, nothing on stdout, stderr with %q", code, stdout.String(), stderr.String(), tc.code, tc.stderr)
			}
			if tc.code == 2 && !strings.Contains(stderr.String(), "usage: sigtermlint -explain") {
				t.Errorf("want the usage line on stderr, got:\n%s", stderr.String())
			}
		})
	}
}

// TestLongLived explains programs of the frameworks module that serve
// websockets and streams: each server shut down shows the longest
// request it allows and its long-lived handlers, with their lines.
func TestLongLived(t *testing.T) {
	dir := testmod.Frameworks(t, "../..")
	got := explainText(t, dir, analyzers(t), "./shutdown/longlived/chiboth", "./shutdown/longlived/chitimeout")
	for _, want := range []string{
		"  server srv (Shutdown at main.go:82): longest request unbounded: hijacked connections at /ws (websocket.Accept): no timeout ends them (main.go:26)\n" +
			"    /ws hijacks the connection (websocket.Accept)  main.go:26\n" +
			"    /events streams until its request context ends (a streaming loop)  main.go:53\n",
		"  server srv (Shutdown at main.go:62): longest request 30s (http.TimeoutHandler) (main.go:52)\n  nothing is wrong",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("got:\n%s\nwant it to contain:\n%s", got, want)
		}
	}
}

// TestLoadBalancer explains testdata/explain-lb: on ECS (a Copilot
// service draining 20s) the timeline starts with the load balancer's
// drain and the signal comes after it, everything after moved by 20s; on
// Kubernetes (an ALB Ingress draining 15s) the drain runs beside the
// signal and ends while the program drains.
func TestLoadBalancer(t *testing.T) {
	dir := filepath.Join(testmod.Testdata(t, "../.."), "explain-lb")
	got := explainText(t, dir, analyzers(t), "./...")
	want := `cmd/ecsapi: stop signal SIGTERM (ECS's default: copilot/ecsapi/manifest.yml:1 sets no STOPSIGNAL in its image), handled at main.go:14
   0s  the load balancer stops sending new requests and drains the task for 20s; the stop signal comes after  copilot/ecsapi/manifest.yml:5
  20s  the load balancer's drain ends: requests still running through it are cut
  20s  SIGTERM -> signal.NotifyContext                                                                        main.go:14
  20s  sleep 3s                                                                                               main.go:23
  23s  Shutdown deadline 15s                                                                                  main.go:26
  38s  process exits
  50s  SIGKILL (stop timeout 30s (no stopTimeout: the agent's or ECS's default))                              copilot/ecsapi/manifest.yml:1
  server srv (Shutdown at main.go:26): longest request 10s (WriteTimeout) (main.go:16)
    (some of its handlers could not be followed)
  nothing is wrong: the drain fits with 12s to spare

cmd/k8sapi: stop signal SIGTERM (Kubernetes' default: deploy/k8s.yaml:12 sets no lifecycle.stopSignal), handled at main.go:14
   0s  the load balancer starts draining the pod for 15s, beside the preStop hook and the grace period  deploy/k8s.yaml:30
   0s  SIGTERM -> signal.NotifyContext                                                                  main.go:14
   0s  sleep 3s                                                                                         main.go:23
   3s  Shutdown deadline 15s                                                                            main.go:26
  15s  the load balancer's drain ends: requests still running through it are cut
  18s  process exits
  30s  SIGKILL (terminationGracePeriodSeconds 30s (Kubernetes' default))                                deploy/k8s.yaml:10
  server srv (Shutdown at main.go:26): longest request 10s (WriteTimeout) (main.go:16)
    (some of its handlers could not be followed)
  nothing is wrong: the drain fits with 12s to spare
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	// docs/explain.md shows this run: keep it the real output.
	page, err := os.ReadFile(filepath.Join(testmod.Testdata(t, "../.."), "..", "docs", "explain.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), want) {
		t.Errorf("docs/explain.md does not show this run of -explain on testdata/explain-lb")
	}
	progs, err := explain.Run(dir, []string{"./cmd/ecsapi"}, false, analyzers(t))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := explain.WriteJSON(&b, progs); err != nil {
		t.Fatal(err)
	}
	var out []struct {
		LoadBalancer struct {
			Seconds    *float64 `json:"seconds"`
			BeforeStop bool     `json:"before_stop"`
			Posn       string   `json:"posn"`
		} `json:"load_balancer"`
		StopTimeout struct {
			KillAt *float64 `json:"kill_at"`
		} `json:"stop_timeout"`
		Timeline []struct {
			Kind   string   `json:"kind"`
			At     *float64 `json:"at"`
			Length *float64 `json:"length"`
		} `json:"timeline"`
	}
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if len(out) != 1 {
		t.Fatalf("%d programs, want 1", len(out))
	}
	p := out[0]
	lb := p.LoadBalancer
	if lb.Seconds == nil || *lb.Seconds != 20 || !lb.BeforeStop || lb.Posn != "copilot/ecsapi/manifest.yml:5" {
		t.Errorf("load_balancer = %+v, want 20s before the stop at copilot/ecsapi/manifest.yml:5", lb)
	}
	if k := p.StopTimeout.KillAt; k == nil || *k != 50 {
		t.Errorf("kill_at = %v, want 50 (the 20s drain, then 30s)", k)
	}
	if len(p.Timeline) == 0 || p.Timeline[0].Kind != explain.KindLBDrain || p.Timeline[0].Length == nil || *p.Timeline[0].Length != 20 {
		t.Errorf("the timeline does not start with the 20s drain: %+v", p.Timeline)
	}
}
