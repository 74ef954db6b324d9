// Package stoptimeout resolves the stop timeout a program runs under: the
// time between SIGTERM and SIGKILL that its whole shutdown must fit in.
//
// The order, first that applies: a //sigtermlint:stop-timeout directive
// in package main (internal/directive reads it), then an explicit -sigtermlint.stop-timeout flag, then
// the -sigtermlint.platform preset, else 30s (the ECS and Kubernetes
// default). Keep every caller behind Resolve.
package stoptimeout

import (
	"fmt"
	"go/ast"
	"go/token"
	"time"

	"github.com/sigtermlint/sigtermlint/internal/config"
	"github.com/sigtermlint/sigtermlint/internal/directive"
)

// FlagSpelling is how users spell the flag, with the standalone command
// and under go vet alike: analyzer flags carry the analyzer's name.
const FlagSpelling = "-sigtermlint.stop-timeout"

// Default is the stop timeout of ECS and Kubernetes.
const Default = 30 * time.Second

// Timeout is a resolved stop timeout and where it came from.
type Timeout struct {
	D      time.Duration
	Source string // "the default", "-sigtermlint.stop-timeout", "//sigtermlint:stop-timeout at main.go:3", a manifest
	// Manifest is the deployment file line the timeout comes from, or nil.
	Manifest *Position

	// The rest says how the platform spends the time, for drivers that
	// show it (sigtermlint -explain); the rules read D only.

	// Origin is the step of Resolve that gave the timeout.
	Origin Origin
	// Directive is the //sigtermlint:stop-timeout comment, for OriginDirective.
	Directive token.Pos
	// Setting is the manifest's setting without its position, for
	// OriginManifest: "terminationGracePeriodSeconds 30s", "stopTimeout 20s".
	Setting string
	// PreStop is the Kubernetes preStop sleep that runs before the stop
	// signal is sent, inside the grace period; nil when there is none.
	// Then the program gets D = Grace - PreStop.D (at least 0), and
	// SIGKILL comes Grace after the platform starts the stop.
	PreStop *PreStop
	// Grace is the whole grace period when PreStop is set, else 0.
	Grace time.Duration
}

// Origin says which step of Resolve gave a timeout.
type Origin int

// The steps of Resolve, in its order.
const (
	OriginDefault   Origin = iota // Default: nothing else said
	OriginDirective               // //sigtermlint:stop-timeout in package main
	OriginFlag                    // -sigtermlint.stop-timeout
	OriginManifest                // a deployment file
	OriginPlatform                // the -sigtermlint.platform preset
)

// PreStop is a preStop hook's sleep and where it is written.
type PreStop struct {
	D  time.Duration
	At Position
}

// KillAfter is the time from the start of the platform's stop (the
// preStop hook, else the stop signal) to SIGKILL.
func (t Timeout) KillAfter() time.Duration {
	if t.PreStop != nil {
		return t.Grace
	}
	return t.D
}

// Position is a line of a file outside the Go package.
type Position struct {
	File    string // absolute
	Line    int
	Message string
}

// Resolve returns the stop timeout for a package: the directive of a
// package main when it has one, else the flag when the user gave it, else
// (for a package main) what manifests says, else the platform preset,
// else Default. manifests is called only when it is needed; nil means no
// manifests.
func Resolve(fset *token.FileSet, pkgName string, files []*ast.File, cfg *config.Config, manifests func() (Timeout, bool)) (Timeout, []directive.Problem) {
	var bad []directive.Problem
	if pkgName == "main" {
		d, pos, found, b := directive.ParseStopTimeout(files)
		bad = b
		if found {
			return Timeout{D: d, Source: directive.StopTimeoutPrefix + " at " + directive.Where(fset, pos), Origin: OriginDirective, Directive: pos}, bad
		}
	}
	if cfg.StopTimeoutSet {
		return Timeout{D: cfg.StopTimeout, Source: FlagSpelling, Origin: OriginFlag}, bad
	}
	if pkgName == "main" && manifests != nil {
		if t, ok := manifests(); ok {
			return t, bad
		}
	}
	if p := cfg.Platform; p != nil {
		return Timeout{D: p.StopTimeout, Source: fmt.Sprintf("-sigtermlint.platform=%s: %s", p.Name, p.Setting), Origin: OriginPlatform}, bad
	}
	return Timeout{D: Default, Source: "the default", Origin: OriginDefault}, bad
}
