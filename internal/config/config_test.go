package config

import (
	"strings"
	"testing"
	"time"
)

func TestFlagsRejectBadValues(t *testing.T) {
	for _, tc := range []struct{ flag, value, want string }{
		{FlagStopTimeout, "soon", "invalid duration"},
		{FlagStopTimeout, "0s", "must be positive"},
		{FlagStopTimeout, "-5s", "must be positive"},
		{FlagStopTimeout, "30", "missing unit"},
		{FlagPlatform, "heroku", `unknown platform "heroku"`},
	} {
		err := New().Flags.Set(tc.flag, tc.value)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("-%s=%s: got %v, want an error containing %q", tc.flag, tc.value, err, tc.want)
		}
	}
}

func TestFlags(t *testing.T) {
	a := New()
	for flag, v := range map[string]string{FlagStopTimeout: "20s", FlagPlatform: "Fly"} {
		if err := a.Flags.Set(flag, v); err != nil {
			t.Fatalf("-%s=%s: %v", flag, v, err)
		}
	}
	res, err := a.Run(nil)
	if err != nil {
		t.Fatal(err)
	}
	got := res.(*Config)
	if got.StopTimeout != 20*time.Second || !got.StopTimeoutSet {
		t.Errorf("stop timeout %v (set %v), want 20s set", got.StopTimeout, got.StopTimeoutSet)
	}
	if got.Platform == nil || got.Platform.Name != "fly" || got.Platform.Signal != "SIGINT" || got.Platform.StopTimeout != 5*time.Second {
		t.Errorf("platform %+v, want fly: SIGINT, 5s", got.Platform)
	}

	def, _ := New().Run(nil)
	if c := def.(*Config); c.StopTimeoutSet || c.Platform != nil || c.Manifests != ManifestsAuto {
		t.Errorf("defaults: %+v", c)
	}
}

func TestProgramName(t *testing.T) {
	for path, want := range map[string]string{
		"example.com/web":             "web", // a root package main, wherever it is checked out
		"example.com/shop/cmd/api":    "api",
		"example.com/tool/v2":         "tool",
		"example.com/tool/v2/cmd/ctl": "ctl",
		"example.com/v2x":             "v2x",
		"main":                        "main",
	} {
		if got := programName(path); got != want {
			t.Errorf("programName(%q) = %q, want %q", path, got, want)
		}
	}
}
