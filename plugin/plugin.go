// Package plugin makes sigtermlint a golangci-lint v2 module plugin.
//
// Importing the package registers a plugin named "sigtermlint" that runs
// both analyzers, sigterm and shutdown, as one golangci-lint linter.
//
// # Building golangci-lint with the plugin
//
// A module plugin is compiled into the golangci-lint binary. With network
// access to the golangci-lint repository, list the plugin in
// .custom-gcl.yml and run golangci-lint custom, which builds
// ./custom-gcl:
//
//	version: v2.15.0
//	plugins:
//	  - module: github.com/sigtermlint/sigtermlint
//	    import: github.com/sigtermlint/sigtermlint/plugin
//	    version: latest
//
// golangci-lint custom clones the golangci-lint sources with git. Where
// only the Go module proxy is reachable (CI here), build the same binary
// from a small main module instead, as plugin/golangci_test.go does: it
// requires github.com/golangci/golangci-lint/v2 at a pinned version as a
// library, copies its cmd/golangci-lint/main.go, adds a file with
//
//	import _ "github.com/sigtermlint/sigtermlint/plugin"
//
// and runs go mod tidy and
//
//	go build -ldflags "-X main.version=v2.15.0-custom-gcl-HASH -X main.date=DATE"
//
// Editor integrations read the version to tell golangci-lint v1 from v2.
// Let HASH change with the plugin's code (golangci-lint custom appends a
// hash of the plugins the same way): golangci-lint salts its result cache
// with the version string alone when one is set, so a rebuilt binary with
// the same version would print the old plugin's cached findings.
//
// # Configuration
//
// Enable the linter in .golangci.yml; settings are optional and mean what
// the -sigtermlint.* flags of the standalone command mean:
//
//	version: "2"
//	linters:
//	  enable:
//	    - sigtermlint
//	  settings:
//	    custom:
//	      sigtermlint:
//	        type: module
//	        description: Go servers that do not stop gracefully on SIGTERM
//	        settings:
//	          stop-timeout: 20s   # a Go duration
//	          platform: docker    # cloudrun, compose, docker, ecs, fly, kubernetes, nomad, systemd
//	          manifests: auto     # auto, off, or comma-separated files and directories
//
// Relative manifests paths are resolved against the directory golangci-lint
// runs in. An unknown key or a malformed value stops golangci-lint with an
// error that names the key, e.g.
//
//	sigtermlint: settings: stop-timeout: time: invalid duration "soon"
//
// # Findings in golangci-lint
//
// golangci-lint reports every finding under the linter name sigtermlint
// and prefixes the message with the analyzer's name ("sigterm: ...",
// "shutdown: ..."). //nolint:sigtermlint suppresses both analyzers;
// //nolint:sigterm or //nolint:shutdown are not linter names there and do
// nothing but warn. Like go vet, golangci-lint caches results by the Go
// code, the configuration and the binary: after editing a deployment
// manifest only, clear its cache (golangci-lint cache clean) to see the
// manifest's effect.
package plugin

import (
	"errors"
	"fmt"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/analyzers/shutdown"
	"github.com/sigtermlint/sigtermlint/analyzers/sigterm"
	"github.com/sigtermlint/sigtermlint/internal/config"
)

// Name is the plugin's name: the key under linters.settings.custom and the
// linter name in enable lists, findings and //nolint directives.
const Name = "sigtermlint"

func init() { register.Plugin(Name, New) }

// Settings are the plugin's settings in .golangci.yml. Empty values leave
// the defaults.
type Settings struct {
	// StopTimeout is a Go duration, e.g. "20s": the time between SIGTERM
	// and SIGKILL that the whole shutdown must fit in.
	StopTimeout string `json:"stop-timeout"`
	// Platform is a preset for the default stop timeout and signal:
	// cloudrun, compose, docker, ecs, fly, kubernetes, nomad or systemd.
	Platform string `json:"platform"`
	// Manifests says where deployment manifests are read from: auto, off,
	// or comma-separated files and directories.
	Manifests string `json:"manifests"`
	// Enable lists the only categories to report; Disable, categories
	// never to report (the per-rule switches, -sigtermlint.enable and
	// -sigtermlint.disable).
	Enable  []string `json:"enable"`
	Disable []string `json:"disable"`
}

// New builds the plugin from its settings, as golangci-lint decoded them
// from its configuration file (nil when there are none).
func New(settings any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](settings)
	if err != nil {
		// "decoding settings: json: unknown field \"x\"": keep the JSON
		// error, which names the key.
		if inner := errors.Unwrap(err); inner != nil {
			err = inner
		}
		if strings.Contains(err.Error(), "unknown field") {
			return nil, fmt.Errorf("%s: settings: %w (known: %s, %s, %s, %s, %s)",
				Name, err, config.FlagStopTimeout, config.FlagPlatform, config.FlagManifests, config.FlagEnable, config.FlagDisable)
		}
		return nil, fmt.Errorf("%s: settings: %w", Name, err)
	}
	cfg := config.New()
	for _, kv := range []struct{ key, value string }{
		{config.FlagStopTimeout, s.StopTimeout},
		{config.FlagPlatform, s.Platform},
		{config.FlagManifests, s.Manifests},
		{config.FlagDisable, strings.Join(s.Disable, ",")},
	} {
		if kv.value == "" {
			continue
		}
		if err := cfg.Flags.Set(kv.key, kv.value); err != nil {
			return nil, fmt.Errorf("%s: settings: %s: %w", Name, kv.key, err)
		}
	}
	if s.Enable != nil {
		// Set even when empty: enable: [] reports nothing, as asked.
		if err := cfg.Flags.Set(config.FlagEnable, strings.Join(s.Enable, ",")); err != nil {
			return nil, fmt.Errorf("%s: settings: %s: %w", Name, config.FlagEnable, err)
		}
	}
	return &linterPlugin{cfg: cfg}, nil
}

type linterPlugin struct {
	cfg *analysis.Analyzer // the configuration analyzer, holding the settings
}

// BuildAnalyzers returns the sigterm and shutdown analyzers, both reading
// the plugin's settings. The configuration analyzer they require reports
// nothing and is not listed: golangci-lint runs it as a requirement.
func (p *linterPlugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{sigterm.NewWith(p.cfg), shutdown.NewWith(p.cfg)}, nil
}

// GetLoadMode asks for type information: the analyzers need types and
// facts across packages.
func (p *linterPlugin) GetLoadMode() string { return register.LoadModeTypesInfo }
