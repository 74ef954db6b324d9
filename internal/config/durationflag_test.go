package config

import (
	"strings"
	"testing"
)

// The stop timeout's bad values, as the bad-input table of the command
// gives them: each error names the problem.
func TestStopTimeoutErrors(t *testing.T) {
	for _, tc := range []struct{ value, want string }{
		{"abc", `time: invalid duration "abc"`},
		{"0", "the stop timeout must be positive"},
		{"-5s", "the stop timeout must be positive"},
		{"1e9h", `time: unknown unit "e" in duration "1e9h"`},
		// time.ParseDuration says only "invalid duration" on overflow.
		{"1000000000h", "1000000000h is out of range: the longest duration is 2562047h47m16.854775807s"},
		{"9223372036854775808ns", "out of range"},
		{"-2562048h", "out of range"},
		{"", `time: invalid duration ""`},
		{"5 s", `time: unknown unit " s" in duration "5 s"`},
	} {
		err := New().Flags.Set(FlagStopTimeout, tc.value)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("-%s=%s: got %v, want an error containing %q", FlagStopTimeout, tc.value, err, tc.want)
		}
	}
	for _, ok := range []string{"2562047h", "1.5m", "+20s", "1h2m3s"} {
		if err := New().Flags.Set(FlagStopTimeout, ok); err != nil {
			t.Errorf("-%s=%s: %v", FlagStopTimeout, ok, err)
		}
	}
}
