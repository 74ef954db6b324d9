package sigterm_test

import (
	"bytes"
	"go/format"
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sigtermlint/sigtermlint/analyzers/sigterm"
)

// TestOSKillFix checks signal lists that hold os.Kill (syscall.SIGKILL,
// unix.SIGKILL) without SIGTERM: the program meant SIGTERM, so the
// sigint-only or no-sigterm finding says SIGKILL cannot be caught, and its
// fix replaces the element by SIGTERM. A list in another package gets the
// plain finding and no fix; a list that also holds SIGTERM is clean.
func TestOSKillFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), sigterm.Analyzer, "no-sigterm/oskill/...")
}

// TestOSKillFixRaw applies the fixes' edits as they are, without the
// cleanup of unused imports that analysistest and the standalone driver
// do (golangci-lint and editors apply edits verbatim): the result, only
// gofmt-ed, must still be the golden file, so that it compiles.
func TestOSKillFixRaw(t *testing.T) {
	results := analysistest.Run(t, testdata(t), sigterm.Analyzer, "no-sigterm/oskill/...")
	fixed := 0
	for _, r := range results {
		byFile := map[string][]analysis.TextEdit{}
		for _, d := range r.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				for _, e := range fix.TextEdits {
					name := r.Pass.Fset.File(e.Pos).Name()
					if !slices.ContainsFunc(byFile[name], func(x analysis.TextEdit) bool {
						return x.Pos == e.Pos && x.End == e.End && bytes.Equal(x.NewText, e.NewText)
					}) {
						byFile[name] = append(byFile[name], e) // several findings share one fix
					}
				}
			}
		}
		for name, edits := range byFile {
			fixed++
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			base := r.Pass.Fset.File(edits[0].Pos).Base()
			slices.SortStableFunc(edits, func(x, y analysis.TextEdit) int { return int(x.Pos - y.Pos) })
			var out []byte
			at := 0
			for _, e := range edits {
				pos, end := int(e.Pos)-base, int(e.Pos)-base
				if e.End.IsValid() {
					end = int(e.End) - base
				}
				if pos < at {
					t.Fatalf("%s: overlapping edits", name)
				}
				out = append(append(out, src[at:pos]...), e.NewText...)
				at = end
			}
			out = append(out, src[at:]...)
			got, err := format.Source(out)
			if err != nil {
				t.Errorf("%s: the fixed file does not parse: %v\n%s", name, err, out)
				continue
			}
			golden, err := os.ReadFile(name + ".golden")
			if err != nil {
				t.Fatal(err)
			}
			want, err := format.Source(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s: the raw fix gives\n%s\nwant\n%s", name, got, want)
			}
		}
	}
	if fixed == 0 {
		t.Error("no fixes")
	}
}

// TestOSKillFixMessage checks the titles of the fixes.
func TestOSKillFixMessage(t *testing.T) {
	want := map[string]string{
		"interrupt":   "Replace os.Kill by syscall.SIGTERM in the signal list",
		"only":        "Replace os.Kill by syscall.SIGTERM in the signal list",
		"syscallkill": "Replace syscall.SIGKILL by syscall.SIGTERM in the signal list",
		"unixkill":    "Replace unix.SIGKILL by unix.SIGTERM in the signal list",
		"renamed":     "Replace os.Kill by sys.SIGTERM in the signal list",
		"twolists":    "Add SIGTERM to the signal lists, in place of os.Kill where they hold it",
	}
	for dir, msg := range want {
		for _, r := range analysistest.Run(t, testdata(t), sigterm.Analyzer, "no-sigterm/oskill/"+dir) {
			for _, d := range r.Diagnostics {
				if len(d.SuggestedFixes) != 1 || d.SuggestedFixes[0].Message != msg {
					var got []string
					for _, f := range d.SuggestedFixes {
						got = append(got, f.Message)
					}
					t.Errorf("%s: fixes %q, want %q", dir, strings.Join(got, "; "), msg)
				}
			}
		}
	}
}
