package shutdown_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sigtermlint/sigtermlint/analyzers/shutdown"
	"github.com/sigtermlint/sigtermlint/internal/config"
	"github.com/sigtermlint/sigtermlint/internal/stoptimeout"
	"github.com/sigtermlint/sigtermlint/internal/testmod"
)

func testdata(t *testing.T) string { return testmod.Testdata(t, "../..") }

func TestRules(t *testing.T) {
	analysistest.Run(t, testdata(t), shutdown.New(),
		"exit-before-drain/exit/...",
		"cancelled-context/...",
		"unbounded-shutdown/context",
		"unbounded-shutdown/nocontext/...",
		"shutdown-timeout/timeout/...",
		"shutdown/directive",
		"bad-directive",
		"shutdown/helper/...",
		"shutdown/regress/...",
		"exit-before-drain/order/...",
		"hijacked-not-closed/...",
		"stream-blocks-drain/...",
		"drain-delay-too-short/...",
		"drain-delay-too-long/...",
		"no-deregistration-wait/...",
	)
}

// TestStopTimeoutFlag runs with -sigtermlint.stop-timeout=5s.
func TestStopTimeoutFlag(t *testing.T) {
	cfg := config.New()
	if err := cfg.Flags.Set(config.FlagStopTimeout, "5s"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata(t), shutdown.NewWith(cfg), "shutdown-timeout/flagged")
}

// TestPlatform runs with -sigtermlint.platform=docker: docker stop waits
// 10s, and an explicit -stop-timeout wins over the preset.
func TestPlatform(t *testing.T) {
	cfg := config.New()
	if err := cfg.Flags.Set(config.FlagPlatform, "docker"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata(t), shutdown.NewWith(cfg), "shutdown-timeout/platform")

	cfg = config.New()
	for flag, v := range map[string]string{config.FlagPlatform: "docker", config.FlagStopTimeout: "1m"} {
		if err := cfg.Flags.Set(flag, v); err != nil {
			t.Fatal(err)
		}
	}
	analysistest.Run(t, testdata(t), shutdown.NewWith(cfg), "shutdown-timeout/platformoverridden")
}

// TestManifests reads the stop timeout from a Kubernetes manifest, and
// checks the precedence: directive, then -stop-timeout, then manifests,
// then -platform.
func TestManifests(t *testing.T) {
	manifest := filepath.Join(testdata(t), "manifests", "k8s.yaml")
	withFlags := func(flags map[string]string) *analysis.Analyzer {
		cfg := config.New()
		for name, v := range flags {
			if err := cfg.Flags.Set(name, v); err != nil {
				t.Fatal(err)
			}
		}
		return shutdown.NewWith(cfg)
	}
	// The manifest's 20s beats the docker preset's 10s: a finding at 22s.
	analysistest.Run(t, testdata(t), withFlags(map[string]string{config.FlagManifests: manifest, config.FlagPlatform: "docker"}), "shutdown-timeout/manifest")
	// None names the program: the smallest; a directive beats them.
	analysistest.Run(t, testdata(t), withFlags(map[string]string{config.FlagManifests: manifest}), "shutdown-timeout/manifestnone", "shutdown-timeout/manifestdirective")
	// An explicit -stop-timeout beats the manifest.
	analysistest.Run(t, testdata(t), withFlags(map[string]string{config.FlagManifests: manifest, config.FlagStopTimeout: "1m"}), "shutdown-timeout/manifestclean")
	// No manifest: the default 30s.
	analysistest.Run(t, testdata(t), withFlags(map[string]string{config.FlagManifests: "off"}), "shutdown-timeout/manifestclean")
}

// TestIgnore checks //sigtermlint:ignore directives of shutdown
// categories, and the malformed directives this analyzer alone reports.
func TestIgnore(t *testing.T) {
	analysistest.Run(t, testdata(t), shutdown.New(), "ignore/shutdown/...", "ignore/both/used", "ignore/both/sigtermpart")
	// The shutdown part is used; the want there is the sigterm analyzer's.
	for _, r := range testmod.RunIgnoringWants(t, testdata(t), shutdown.New(), "ignore/both/shutdownpart") {
		for _, d := range r.Diagnostics {
			t.Errorf("ignore/both/shutdownpart: unexpected %s: %s", d.Category, d.Message)
		}
	}
}

// TestFixes checks the errors.Is rewrite of log.Fatal(srv.ListenAndServe())
// and the context.WithoutCancel detachment against golden files.
func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), shutdown.New(),
		"exit-before-drain/exit/fatal", "cancelled-context/derived", "cancelled-context/rebound",
		"exit-before-drain/exit/mainreturn", "exit-before-drain/order/shape1", "exit-before-drain/order/failpath")
}

// TestResult checks the stops the analyzer hands to -explain: their
// steps, totals, and why a total is unknown.
func TestResult(t *testing.T) {
	results := analysistest.Run(t, testdata(t), shutdown.New(), "shutdown/result")
	if len(results) != 1 || results[0].Err != nil {
		t.Fatalf("want one result without error, got %+v", results)
	}
	res := results[0].Result.(*shutdown.Result)
	if res.Timeout.D != 30*time.Second || res.Timeout.Origin != stoptimeout.OriginDefault {
		t.Errorf("timeout %v from %v, want the default 30s", res.Timeout.D, res.Timeout.Origin)
	}
	fset := results[0].Action.Package.Fset
	var got []string
	for _, st := range res.Stops {
		var steps []string
		for _, step := range st.Steps {
			s := step.What + "@" + strconv.Itoa(fset.Position(step.Pos).Line)
			if !step.Known {
				s += "?"
			}
			if step.Sleep != strings.HasPrefix(step.What, "sleep") {
				t.Errorf("step %q: Sleep is %v", step.What, step.Sleep)
			}
			steps = append(steps, s)
		}
		line := fmt.Sprintf("%d %s [%s]", fset.Position(st.Pos).Line, st.Name, strings.Join(steps, ", "))
		switch {
		case st.Known:
			line += " total " + st.Total.String()
		default:
			line += fmt.Sprintf(" unknown at %d: %s", fset.Position(st.WhyPos).Line, st.Why)
		}
		if st.Unbounded {
			line += " (unbounded)"
		}
		if st.Cancelled {
			line += " (cancelled)"
		}
		got = append(got, line)
	}
	want := []string{
		"19 Shutdown [sleep 2s@16, Shutdown deadline 20s@19] total 22s",
		"25 Shutdown [Shutdown deadline 5s@25] total 5s",
		"28 Shutdown [Shutdown deadline 5s@25, Shutdown deadline 10s@28] total 15s",
		"32 Shutdown [Shutdown, no deadline@32?] unknown at 32: its context has no deadline: the drain lasts as long as the slowest connection (unbounded)",
		"36 Shutdown [Shutdown@36?] unknown at 35: its context comes from the parameter ctx of fromParameter",
		"42 Shutdown [Shutdown deadline unknown@42?] unknown at 40: its deadline cannot be resolved",
		"49 Shutdown [sleep of unknown length@46?] unknown at 46: a sleep on the way cannot be resolved",
		"55 Shutdown [sleep 1s@54, Shutdown returns at once: its context is already cancelled@55] total 1s (cancelled)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("stops:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestSwitches runs with -sigtermlint.disable=hijacked-not-closed: the
// Shutdown of a server with a websocket and a stream gets only
// stream-blocks-drain.
func TestSwitches(t *testing.T) {
	cfg := config.New()
	if err := cfg.Flags.Set(config.FlagDisable, "hijacked-not-closed"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata(t), shutdown.NewWith(cfg), "switches/longlived")
}
