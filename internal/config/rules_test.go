package config

import (
	"strings"
	"testing"
)

func TestSwitches(t *testing.T) {
	for _, tc := range []struct {
		name            string
		enable, disable string
		on, off         []string
	}{
		{"default", "", "", []string{"no-sigterm", "bad-directive", "stream-blocks-drain"}, nil},
		{"disable", "", "no-sigterm, shutdown-timeout", []string{"sigint-only"}, []string{"no-sigterm", "shutdown-timeout"}},
		{"enable", "no-sigterm", "", []string{"no-sigterm"}, []string{"sigint-only", "bad-directive"}},
		{"both", "no-sigterm,sigint-only", "sigint-only", []string{"no-sigterm"}, []string{"sigint-only", "no-shutdown"}},
		{"enable-none", " ", "", nil, []string{"no-sigterm", "bad-directive"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := New()
			if tc.enable != "" {
				if err := a.Flags.Set(FlagEnable, tc.enable); err != nil {
					t.Fatal(err)
				}
			}
			if tc.disable != "" {
				if err := a.Flags.Set(FlagDisable, tc.disable); err != nil {
					t.Fatal(err)
				}
			}
			cfg, err := a.Run(nil)
			if err != nil {
				t.Fatal(err)
			}
			c := cfg.(*Config)
			for _, cat := range tc.on {
				if !c.Enabled(cat) {
					t.Errorf("%s is off, want on", cat)
				}
			}
			for _, cat := range tc.off {
				if c.Enabled(cat) {
					t.Errorf("%s is on, want off", cat)
				}
			}
		})
	}
}

func TestSwitchErrors(t *testing.T) {
	a := New()
	err := a.Flags.Set(FlagDisable, "no-sigterm,nosigterm")
	if err == nil || !strings.Contains(err.Error(), `unknown category "nosigterm"`) {
		t.Errorf("Set: %v, want the unknown category named", err)
	}
	for _, tc := range []struct {
		args []string
		bad  string // "" when the arguments are fine
	}{
		{[]string{"-sigtermlint.disable=no-sigterm", "./..."}, ""},
		{[]string{"-json", "--sigtermlint.enable", "bad-directive", "./..."}, ""},
		{[]string{"-sigtermlint.enable=nope", "./..."}, `invalid value "nope" for flag -sigtermlint.enable: unknown category "nope"`},
		{[]string{"--sigtermlint.disable", "stream-blocks-drains"}, `unknown category "stream-blocks-drains"`},
		{[]string{"-sigtermlint.disable"}, "flag needs an argument: -sigtermlint.disable"},
		{[]string{"./...", "-sigtermlint.disable=nope"}, ""}, // after the packages: not a flag
	} {
		err := CheckArgs("sigtermlint", tc.args)
		switch {
		case tc.bad == "" && err != nil:
			t.Errorf("CheckArgs(%q) = %v, want nil", tc.args, err)
		case tc.bad != "" && (err == nil || !strings.Contains(err.Error(), tc.bad)):
			t.Errorf("CheckArgs(%q) = %v, want an error with %q", tc.args, err, tc.bad)
		}
	}
}
