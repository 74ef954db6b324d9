package plugin_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sigtermlint/sigtermlint/internal/config"
	"github.com/sigtermlint/sigtermlint/internal/testmod"
	_ "github.com/sigtermlint/sigtermlint/plugin"
)

// build does what golangci-lint does with a module plugin: look it up by
// name, construct it with the settings of .golangci.yml (decoded from YAML
// into maps), and ask for its analyzers and load mode.
func build(t *testing.T, settings any) map[string]*analysis.Analyzer {
	t.Helper()
	newPlugin, err := register.GetPlugin("sigtermlint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(settings)
	if err != nil {
		t.Fatalf("settings %v: %v", settings, err)
	}
	if mode := p.GetLoadMode(); mode != register.LoadModeTypesInfo {
		t.Errorf("load mode %q, want %q", mode, register.LoadModeTypesInfo)
	}
	list, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]*analysis.Analyzer{}
	for _, a := range list {
		byName[a.Name] = a
	}
	if len(list) != 2 || byName["sigterm"] == nil || byName["shutdown"] == nil {
		t.Fatalf("analyzers %v, want sigterm and shutdown", list)
	}
	return byName
}

// configOf runs the configuration analyzer that a requires.
func configOf(t *testing.T, a *analysis.Analyzer) (*analysis.Analyzer, *config.Config) {
	t.Helper()
	for _, req := range a.Requires {
		if req.Name == "sigtermlint" {
			res, err := req.Run(nil)
			if err != nil {
				t.Fatal(err)
			}
			return req, res.(*config.Config)
		}
	}
	t.Fatalf("%s does not require the sigtermlint configuration analyzer", a.Name)
	return nil, nil
}

func TestAnalyzersShareFreshConfig(t *testing.T) {
	as := build(t, map[string]any{"stop-timeout": "20s", "platform": "Fly", "manifests": "off"})
	cfgA, c := configOf(t, as["sigterm"])
	cfgB, _ := configOf(t, as["shutdown"])
	if cfgA != cfgB {
		t.Error("sigterm and shutdown read different configuration analyzers")
	}
	if cfgA == config.Analyzer {
		t.Error("the plugin configures the package-level config.Analyzer, shared with the standalone command")
	}
	if c.StopTimeout != 20*time.Second || !c.StopTimeoutSet || c.Platform == nil || c.Platform.Name != "fly" || c.Manifests != config.ManifestsOff {
		t.Errorf("config %+v, want stop timeout 20s, platform fly, manifests off", c)
	}

	// A second plugin, as golangci-lint builds for another configuration,
	// starts from the defaults.
	for _, settings := range []any{nil, map[string]any{}} {
		_, c = configOf(t, build(t, settings)["shutdown"])
		if c.StopTimeoutSet || c.Platform != nil || c.Manifests != config.ManifestsAuto {
			t.Errorf("settings %#v: config %+v, want the defaults", settings, c)
		}
	}
}

// TestPlatformSetting: platform: docker gives the 10s stop timeout that
// testdata/src/shutdown-timeout/platform expects.
func TestPlatformSetting(t *testing.T) {
	as := build(t, map[string]any{"platform": "docker"})
	analysistest.Run(t, testmod.Testdata(t, ".."), as["shutdown"], "shutdown-timeout/platform")
}

// TestGolangciModule runs the analyzers, with the stop-timeout: 20s of
// testdata/golangci/.golangci.yml, on that module in module mode, the
// mode golangci-lint loads it in. analysistest ignores //nolint, so the
// suppressed finding is expected here.
func TestGolangciModule(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "testdata", "golangci"))
	if err != nil {
		t.Fatal(err)
	}
	as := build(t, map[string]any{"stop-timeout": "20s"})
	analysistest.Run(t, dir, as["sigterm"], "./cmd/nosigterm", "./cmd/suppressed")
	analysistest.Run(t, dir, as["shutdown"], "./cmd/slowdrain")
}

func TestSettingsErrors(t *testing.T) {
	newPlugin, err := register.GetPlugin("sigtermlint")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		settings map[string]any
		want     string // the error contains it
	}{
		{map[string]any{"stop_timeout": "20s"}, `sigtermlint: settings: json: unknown field "stop_timeout" (known: stop-timeout, platform, manifests, enable, disable)`},
		{map[string]any{"stop-timeout": "20s", "platfrom": "docker"}, `unknown field "platfrom"`},
		{map[string]any{"stop-timeout": "soon"}, `sigtermlint: settings: stop-timeout: time: invalid duration "soon"`},
		{map[string]any{"stop-timeout": "0s"}, `sigtermlint: settings: stop-timeout: the stop timeout must be positive`},
		{map[string]any{"stop-timeout": 20}, `stop-timeout`},
		{map[string]any{"platform": "heroku"}, `sigtermlint: settings: platform: unknown platform "heroku"`},
		{map[string]any{"manifests": filepath.Join(t.TempDir(), "missing.yaml")}, `sigtermlint: settings: manifests: manifest `},
		{map[string]any{"manifests": ","}, `sigtermlint: settings: manifests: want auto, off,`},
		{map[string]any{"disable": []any{"no-sigterm", "nope"}}, `sigtermlint: settings: disable: unknown category "nope"`},
		{map[string]any{"enable": []any{"no-sigkill"}}, `sigtermlint: settings: enable: unknown category "no-sigkill"`},
		{map[string]any{"enable": "no-sigterm"}, `enable`}, // a list, not a string
	} {
		p, err := newPlugin(tc.settings)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("settings %v: got %v, %v; want an error containing %q", tc.settings, p, err, tc.want)
		}
	}
}
