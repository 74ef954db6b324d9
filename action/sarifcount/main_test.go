package main

import (
	"strings"
	"testing"
)

func TestCount(t *testing.T) {
	for _, c := range []struct {
		name, sarif string
		want        int
		lines       []string
		err         string
	}{
		{name: "no runs", sarif: `{"version":"2.1.0","runs":[]}`},
		{name: "no results", sarif: `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"sigtermlint"}}}]}`},
		{
			name: "findings",
			sarif: `{"version":"2.1.0","runs":[{"results":[
				{"ruleId":"no-sigterm","message":{"text":"never handles SIGTERM"},
				 "locations":[{"physicalLocation":{"artifactLocation":{"uri":"cmd/api/main.go"},"region":{"startLine":14,"startColumn":12}}}]},
				{"kind":"fail","message":{"text":"no location"}}
			]},{"results":[
				{"ruleId":"exit-before-drain","message":{"text":"exits"},
				 "locations":[{"physicalLocation":{"artifactLocation":{"uri":"file:///src/main.go"},"region":{"startLine":3}}}]}
			]}]}`,
			want:  3,
			lines: []string{"cmd/api/main.go:14:12: never handles SIGTERM [no-sigterm]", "no location", "file:///src/main.go:3: exits [exit-before-drain]"},
		},
		{
			name: "not findings",
			sarif: `{"version":"2.1.0","runs":[{"results":[
				{"kind":"pass","message":{"text":"fine"}},
				{"kind":"notApplicable","message":{"text":"n/a"}},
				{"message":{"text":"suppressed"},"suppressions":[{"kind":"inSource"}]},
				{"message":{"text":"accepted"},"suppressions":[{"kind":"external","status":"accepted"}]},
				{"message":{"text":"under review"},"suppressions":[{"kind":"external","status":"underReview"}]}
			]}]}`,
			want:  1,
			lines: []string{"under review"},
		},
		{name: "not json", sarif: `sigtermlint: error`, err: "not a SARIF log"},
		{name: "no runs key", sarif: `{"version":"2.1.0"}`, err: "no runs"},
		{name: "no version", sarif: `{"runs":[]}`, err: "no version"},
		{name: "empty", sarif: ``, err: "not a SARIF log"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var log strings.Builder
			n, err := count([]byte(c.sarif), &log)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("want an error with %q, got %d, %v", c.err, n, err)
				}
				return
			}
			if err != nil || n != c.want {
				t.Fatalf("got %d, %v; want %d", n, err, c.want)
			}
			want := ""
			if len(c.lines) > 0 {
				want = strings.Join(c.lines, "\n") + "\n"
			}
			if log.String() != want {
				t.Errorf("lines:\n%s\nwant:\n%s", log.String(), want)
			}
		})
	}
}
