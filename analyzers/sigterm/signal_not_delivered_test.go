package sigterm_test

import (
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

// TestDelivery runs a correct program under the Dockerfiles of
// testdata/manifests/delivery: a shell-form CMD on a Debian image gets
// signal-not-delivered (the want in the source); the exec form is clean;
// an entrypoint script that starts the program without exec gets it at
// the script's line, and with exec is clean.
func TestDelivery(t *testing.T) {
	dir := filepath.Join(testdata(t), "manifests", "delivery")
	analysistest.Run(t, testdata(t), sigterm.NewWith(manifests(t, filepath.Join(dir, "shellform"))), "signal-not-delivered/api")
	for _, tt := range []struct{ manifests, want string }{
		{"execform", ""},
		// The message names the line; the related information, the why.
		{"script", "run under a shell that stays PID 1 (" + filepath.Join(dir, "script", "docker-entrypoint.sh") + ":4)" +
			" | the entrypoint script starts it without exec, so the script's shell stays PID 1, and it ignores SIGTERM"},
		{"scriptexec", ""},
	} {
		var got []string
		for _, r := range testmod.RunIgnoringWants(t, testdata(t), sigterm.NewWith(manifests(t, filepath.Join(dir, tt.manifests))), "signal-not-delivered/api") {
			for _, d := range r.Diagnostics {
				text := d.Category + ": " + d.Message
				for _, r := range d.Related {
					text += " | " + r.Message
				}
				got = append(got, text)
				if len(d.Related) == 0 {
					t.Errorf("%s: no related position for %s", tt.manifests, d.Message)
				}
			}
		}
		switch {
		case tt.want == "" && len(got) != 0:
			t.Errorf("%s: want no findings, got %q", tt.manifests, got)
		case tt.want != "" && (len(got) != 1 || !strings.HasPrefix(got[0], ruledoc.SignalNotDelivered+": ") || !containsAll(got[0], strings.Split(tt.want, " | "))):
			t.Errorf("%s: want one signal-not-delivered finding saying %q, got %q", tt.manifests, tt.want, got)
		}
	}
}

func manifests(t *testing.T, path string) *analysis.Analyzer {
	t.Helper()
	cfg := config.New()
	if err := cfg.Flags.Set(config.FlagManifests, path); err != nil {
		t.Fatal(err)
	}
	return cfg
}

// containsAll reports whether s holds every part.
func containsAll(s string, parts []string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
