package sigterm_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sigtermlint/sigtermlint/analyzers/sigterm"
	"github.com/sigtermlint/sigtermlint/internal/config"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
	"github.com/sigtermlint/sigtermlint/internal/testmod"
)

// platformConfig returns a configuration analyzer with the given flags
// set (name, value, name, value...).
func platformConfig(t *testing.T, flags ...string) *analysis.Analyzer {
	t.Helper()
	cfg := config.New()
	for i := 0; i+1 < len(flags); i += 2 {
		if err := cfg.Flags.Set(flags[i], flags[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	return cfg
}

// finding is a diagnostic with its related positions as file:line.
type finding struct {
	category, message string
	related           []string
}

// findings runs the sigterm analyzer with cfg on pkg and returns its
// diagnostics, for runs whose expectations differ from the want comments
// of the package's files.
func findings(t *testing.T, cfg *analysis.Analyzer, pkg string) []finding {
	t.Helper()
	var out []finding
	for _, r := range testmod.RunIgnoringWants(t, testmod.Testdata(t, "../.."), sigterm.NewWith(cfg), pkg) {
		for _, d := range r.Diagnostics {
			f := finding{category: d.Category, message: d.Message}
			for _, rel := range d.Related {
				p := r.Pass.Fset.Position(rel.Pos)
				f.related = append(f.related, fmt.Sprintf("%s:%d %s", filepath.Base(p.Filename), p.Line, rel.Message))
			}
			out = append(out, f)
		}
	}
	return out
}

// TestFlyDefaultSignal reads fly.toml files: one without kill_signal
// stops its app with SIGINT, fly's default, so a SIGTERM-only program is
// reported and a SIGINT-only one is not sigint-only; one with kill_signal
// = "SIGTERM" stops it with SIGTERM.
func TestFlyDefaultSignal(t *testing.T) {
	manifests := filepath.Join(testmod.Testdata(t, "../.."), "manifests", "fly")
	cfg := platformConfig(t, config.FlagManifests, manifests)
	analysistest.Run(t, testmod.Testdata(t, "../.."), sigterm.NewWith(cfg), "sigterm/platform/fly/...")

	// The finding points at the app key of the fly.toml.
	got := findings(t, cfg, "sigterm/platform/fly/flyterm")
	// Related: the fly.toml line, then the signal handling of main.
	if len(got) != 1 || len(got[0].related) != 2 || got[0].related[0] != "fly.toml:2 this fly.toml sets no kill_signal: fly stops the app with SIGINT" ||
		!strings.HasSuffix(got[0].related[1], " it handles SIGTERM here") {
		t.Errorf("flyterm: got %+v, want one stop-signal related to fly.toml:2", got)
	}

	// A manifest's signal wins over the platform preset: with
	// -sigtermlint.platform=fly the same findings, from the files.
	withPreset := platformConfig(t, config.FlagManifests, manifests, config.FlagPlatform, "fly")
	analysistest.Run(t, testmod.Testdata(t, "../.."), sigterm.NewWith(withPreset), "sigterm/platform/fly/...")
}

// TestFlyOnlyDeployment takes the stop signal from a fly.toml that does
// not name the program when it is the only deployment file, as the stop
// timeout is taken; with two deployment files naming other programs,
// neither says how this one is stopped.
func TestFlyOnlyDeployment(t *testing.T) {
	testdata := testmod.Testdata(t, "../..")
	only := platformConfig(t, config.FlagManifests, filepath.Join(testdata, "manifests", "flyonly"))
	analysistest.Run(t, testdata, sigterm.NewWith(only), "sigterm/platform/flyonly/...")

	two := platformConfig(t, config.FlagManifests, filepath.Join(testdata, "manifests", "flytwo"))
	if got := findings(t, two, "sigterm/platform/flyonly/onlyterm"); len(got) != 0 {
		t.Errorf("onlyterm with two deployments naming other programs: got %+v, want nothing", got)
	}
}

// TestPlatformSignal passes -sigtermlint.platform: fly and Nomad stop a
// program with SIGINT, so a SIGTERM-only program is reported, naming the
// flag; Kubernetes stops it with SIGTERM, and a Kubernetes manifest that
// runs the program wins over -sigtermlint.platform=fly (one that does not
// name it does not: only a lone fly.toml is taken without a name).
func TestPlatformSignal(t *testing.T) {
	testdata := testmod.Testdata(t, "../..")
	fly := platformConfig(t, config.FlagManifests, "off", config.FlagPlatform, "fly")
	analysistest.Run(t, testdata, sigterm.NewWith(fly), "sigterm/platform/preset/...")

	got := findings(t, platformConfig(t, config.FlagManifests, "off", config.FlagPlatform, "nomad"), "sigterm/platform/preset/termonly")
	if len(got) != 1 || got[0].category != ruledoc.StopSignal || !strings.Contains(got[0].message, "with SIGINT (-sigtermlint.platform=nomad default), which it does not handle") ||
		len(got[0].related) != 1 || !strings.HasSuffix(got[0].related[0], " it handles SIGTERM here") {
		t.Errorf("termonly with -platform=nomad: got %+v, want one stop-signal naming the flag", got)
	}

	kubernetes := platformConfig(t, config.FlagManifests, "off", config.FlagPlatform, "kubernetes")
	if got := findings(t, kubernetes, "sigterm/platform/preset/termonly"); len(got) != 0 {
		t.Errorf("termonly with -platform=kubernetes: got %+v, want nothing", got)
	}
	// Kubernetes sends SIGTERM: the SIGINT-only program is sigint-only,
	// and only that.
	if got := findings(t, kubernetes, "sigterm/platform/preset/intonly"); len(got) != 1 || got[0].category != ruledoc.SIGINTOnly {
		t.Errorf("intonly with -platform=kubernetes: got %+v, want one sigint-only", got)
	}

	k8s := platformConfig(t, config.FlagManifests, filepath.Join(testdata, "manifests", "platform-k8s.yaml"), config.FlagPlatform, "fly")
	if got := findings(t, k8s, "sigterm/platform/preset/termonly"); len(got) != 0 {
		t.Errorf("termonly run by a Kubernetes Deployment, with -platform=fly: got %+v, want nothing", got)
	}
	// The Deployment does not name intonly: it may run anything, so the
	// flag decides, and fly stops intonly with SIGINT, which it handles.
	if got := findings(t, k8s, "sigterm/platform/preset/intonly"); len(got) != 0 {
		t.Errorf("intonly, not named by the only (Kubernetes) deployment, with -platform=fly: got %+v, want nothing", got)
	}
}

// TestResultStopSignals checks the stop signals the analyzer hands to
// -explain: declared ones with where they are set, and the platform
// default of a container that sets none.
func TestResultStopSignals(t *testing.T) {
	testdata := testmod.Testdata(t, "../..")
	for _, tc := range []struct {
		name  string
		flags []string
		pkg   string
		want  string
	}{
		{"kubernetes default", []string{config.FlagManifests, filepath.Join(testdata, "manifests", "platform-k8s.yaml")}, "sigterm/platform/preset/termonly",
			"SIGTERM Kubernetes' default: manifests/platform-k8s.yaml:11 sets no lifecycle.stopSignal @platform-k8s.yaml:11"},
		{"fly default", []string{config.FlagManifests, filepath.Join(testdata, "manifests", "fly")}, "sigterm/platform/fly/flyboth",
			"SIGINT no kill_signal in manifests/fly/fly.flyboth.toml:1, so fly's default @fly.flyboth.toml:1"},
		{"preset", []string{config.FlagManifests, "off", config.FlagPlatform, "nomad"}, "sigterm/platform/preset/both",
			"SIGINT -sigtermlint.platform=nomad default @"},
		{"nothing says", []string{config.FlagManifests, "off"}, "sigterm/platform/preset/both", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			results := testmod.RunIgnoringWants(t, testdata, sigterm.NewWith(platformConfig(t, tc.flags...)), tc.pkg)
			if len(results) != 1 {
				t.Fatalf("want one result, got %d", len(results))
			}
			var got []string
			for _, s := range results[0].Result.(*sigterm.Result).StopSignals {
				at := ""
				if s.File != "" {
					at = fmt.Sprintf("%s:%d", filepath.Base(s.File), s.Line)
				}
				// -manifests paths are absolute: so are the names in What.
				what := strings.ReplaceAll(s.What, testdata+string(filepath.Separator), "")
				got = append(got, s.Name+" "+what+" @"+at)
			}
			if strings.Join(got, "\n") != tc.want {
				t.Errorf("stop signals:\n%s\nwant:\n%s", strings.Join(got, "\n"), tc.want)
			}
		})
	}
}
