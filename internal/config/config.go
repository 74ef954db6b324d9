package config

import (
	_ "embed"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/analysisdoc"
	"github.com/sigtermlint/sigtermlint/internal/deploy"
)

//go:embed doc.go
var doc string

// Flag names, as users spell them after the analyzer's name.
const (
	FlagStopTimeout = "stop-timeout"
	FlagPlatform    = "platform"
	FlagManifests   = "manifests"
)

// Analyzer holds the shared flags; its result is a *Config.
var Analyzer = New()

// New returns a configuration analyzer with flags of its own, for tests
// and drivers that configure several instances.
func New() *analysis.Analyzer {
	f := &flags{manifests: manifestsFlag{mode: ManifestsAuto}}
	a := &analysis.Analyzer{
		Name:       "sigtermlint",
		Doc:        analysisdoc.Extract(doc, "sigtermlint"),
		URL:        "https://github.com/sigtermlint/sigtermlint/blob/main/docs/configuration.md#the-stop-timeout",
		Run:        func(*analysis.Pass) (any, error) { return f.config(), nil },
		ResultType: reflect.TypeFor[*Config](),
	}
	a.Flags.Var(&f.stopTimeout, FlagStopTimeout,
		"time between SIGTERM and SIGKILL that the whole shutdown must fit in, e.g. 20s (default: the manifests', else the platform's, else 30s); a //sigtermlint:stop-timeout directive in package main overrides it")
	a.Flags.Var(&f.platform, FlagPlatform,
		"where the programs run, for the default stop timeout and stop signal when no manifest says: "+strings.Join(PlatformNames(), ", "))
	a.Flags.Var(&f.enable, FlagEnable,
		"report only these categories (comma-separated, e.g. no-sigterm,sigint-only); the others cost nothing they do not need")
	a.Flags.Var(&f.disable, FlagDisable,
		"do not report these categories (comma-separated), e.g. to adopt the rules one at a time")
	a.Flags.Var(&f.manifests, FlagManifests,
		"deployment manifests to read the stop timeout and stop signal from: auto (search the module root of each main package, or the repository it is nested in), off, or comma-separated files and directories")
	return a
}

// Config is what the flags say, read once per pass, and the manifests
// the pass has read.
type Config struct {
	// StopTimeout is the -stop-timeout flag; StopTimeoutSet says whether
	// the user gave it.
	StopTimeout    time.Duration
	StopTimeoutSet bool
	// Platform is the -platform preset, or nil.
	Platform *Platform
	// Manifests says where to read deployment manifests from.
	Manifests     ManifestsMode
	ManifestPaths []string // absolute, for ManifestsPaths
	// Enable and Disable are the per-rule switches: when EnableSet, only
	// the categories in Enable are reported; those in Disable never are.
	Enable    []string
	EnableSet bool
	Disable   []string

	// reads holds the manifests read for the pass (nil: read each
	// time): the Config is the Result of one pass, and drops them with
	// it.
	reads *deploy.Cache
}

type flags struct {
	stopTimeout durationFlag
	platform    platformFlag
	manifests   manifestsFlag
	enable      categoriesFlag
	disable     categoriesFlag
}

func (f *flags) config() *Config {
	return &Config{
		StopTimeout:    f.stopTimeout.d,
		StopTimeoutSet: f.stopTimeout.set,
		Platform:       f.platform.p,
		Manifests:      f.manifests.mode,
		ManifestPaths:  f.manifests.paths,
		Enable:         f.enable.cats,
		EnableSet:      f.enable.set,
		Disable:        f.disable.cats,
		reads:          new(deploy.Cache),
	}
}

// Platform is a place programs run, with its stop signal and timeout.
type Platform struct {
	Name        string
	StopTimeout time.Duration
	Signal      string // the signal it stops a program with by default
	Setting     string // where the timeout is set
}

// Platforms are the -platform presets.
var Platforms = []Platform{
	{"cloudrun", 10 * time.Second, "SIGTERM", "not configurable"},
	{"compose", 10 * time.Second, "SIGTERM", "stop_grace_period, stop_signal"},
	{"docker", 10 * time.Second, "SIGTERM", "docker stop -t, docker run --stop-timeout, STOPSIGNAL"},
	{"ecs", 30 * time.Second, "SIGTERM", "containerDefinitions[].stopTimeout, else the agent's ECS_CONTAINER_STOP_TIMEOUT"},
	{"fly", 5 * time.Second, "SIGINT", "fly.toml kill_timeout, kill_signal"},
	{"kubernetes", 30 * time.Second, "SIGTERM", "terminationGracePeriodSeconds (preStop included), lifecycle.stopSignal"},
	{"nomad", 5 * time.Second, "SIGINT", "task kill_timeout, kill_signal (SIGINT on exec, raw_exec and java; the docker driver sends SIGTERM)"},
	{"systemd", 90 * time.Second, "SIGTERM", "TimeoutStopSec=, KillSignal="},
}

// PlatformNames lists the presets' names.
func PlatformNames() []string {
	var names []string
	for _, p := range Platforms {
		names = append(names, p.Name)
	}
	return names
}

// ManifestsMode says where manifests come from.
type ManifestsMode int

const (
	ManifestsAuto  ManifestsMode = iota // search the module root
	ManifestsOff                        // read none
	ManifestsPaths                      // read the files and directories given
)

// durationSyntax matches what time.ParseDuration reads: a sign, then
// numbers with units.
var durationSyntax = regexp.MustCompile(`^[-+]?(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+$`)

// durationFlag is a positive time.Duration that remembers being set.
type durationFlag struct {
	d   time.Duration
	set bool
}

func (f *durationFlag) String() string {
	if !f.set {
		return ""
	}
	return f.d.String()
}

func (f *durationFlag) Set(s string) error {
	d, err := time.ParseDuration(s)
	if err != nil {
		if durationSyntax.MatchString(s) {
			// time says only "invalid duration" when the value overflows.
			return fmt.Errorf("%s is out of range: the longest duration is %s", s, time.Duration(math.MaxInt64))
		}
		return err
	}
	if d <= 0 {
		return fmt.Errorf("the stop timeout must be positive")
	}
	f.d, f.set = d, true
	return nil
}

type platformFlag struct{ p *Platform }

func (f *platformFlag) String() string {
	if f.p == nil {
		return ""
	}
	return f.p.Name
}

func (f *platformFlag) Set(s string) error {
	for i := range Platforms {
		if Platforms[i].Name == strings.ToLower(s) {
			f.p = &Platforms[i]
			return nil
		}
	}
	return fmt.Errorf("unknown platform %q (want one of %s)", s, strings.Join(PlatformNames(), ", "))
}

type manifestsFlag struct {
	mode  ManifestsMode
	paths []string
}

func (f *manifestsFlag) String() string {
	switch f.mode {
	case ManifestsOff:
		return "off"
	case ManifestsPaths:
		return strings.Join(f.paths, ",")
	}
	return "auto"
}

// Set takes auto, off, or paths; a path that does not exist is an error
// now, before any package is analyzed.
func (f *manifestsFlag) Set(s string) error {
	switch s {
	case "auto":
		*f = manifestsFlag{mode: ManifestsAuto}
		return nil
	case "off":
		*f = manifestsFlag{mode: ManifestsOff}
		return nil
	}
	var paths []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return err
		}
		if _, err := os.Stat(abs); err != nil {
			return fmt.Errorf("manifest %s: %v", p, err)
		}
		paths = append(paths, abs)
	}
	if len(paths) == 0 {
		return fmt.Errorf("want auto, off, or comma-separated files and directories")
	}
	sort.Strings(paths)
	*f = manifestsFlag{mode: ManifestsPaths, paths: paths}
	return nil
}
