package sarif

import (
	"slices"
	"strings"
	"testing"
)

func TestParseFormat(t *testing.T) {
	for _, tc := range []struct {
		args   string
		format string
		rest   string
		err    string
	}{
		{args: "./...", format: "text", rest: "./..."},
		{args: "-format=sarif ./...", format: "sarif", rest: "./..."},
		{args: "--format=sarif ./...", format: "sarif", rest: "./..."},
		{args: "-format sarif ./...", format: "sarif", rest: "./..."},
		{args: "-test=false -format=json ./a ./b", format: "json", rest: "-test=false ./a ./b"},
		{args: "-format=text -json=false ./...", format: "text", rest: "-json=false ./..."},
		// A flag's value without "=" does not end the flags.
		{args: "-sigtermlint.stop-timeout 20s -format=sarif ./...", format: "sarif", rest: "-sigtermlint.stop-timeout 20s ./..."},
		// After "--", everything is a pattern.
		{args: "-- -format=sarif", format: "text", rest: "-- -format=sarif"},
		{args: "-json ./...", format: "text", rest: "-json ./..."},
		{args: "-format=json -json ./...", format: "json", rest: "-json ./..."},
		{args: "-format=xml ./...", err: `invalid value "xml" for flag -format: want text, json or sarif`},
		{args: "-format=SARIF ./...", err: `invalid value "SARIF" for flag -format`},
		{args: "-format", err: "flag needs an argument: -format"},
		{args: "-format=sarif -json ./...", err: "-json and -format=sarif both choose the output"},
		{args: "-json=1 -format=text ./...", err: "-json and -format=text both choose the output"},
	} {
		format, rest, err := ParseFormat(strings.Fields(tc.args))
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) || strings.Contains(err.Error(), "\n") {
				t.Errorf("ParseFormat(%s): error %v, want one line with %q", tc.args, err, tc.err)
			}
			continue
		}
		if err != nil || format != tc.format || !slices.Equal(rest, strings.Fields(tc.rest)) {
			t.Errorf("ParseFormat(%s) = %q, %q, %v; want %q, %q", tc.args, format, rest, err, tc.format, tc.rest)
		}
	}
}
