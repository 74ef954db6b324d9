// Command sarifcount counts the findings in a SARIF file: the GitHub Action
// (action.yml, action/run.sh) runs it to decide whether a run with
// -format=sarif, which exits 0 with findings, fails the step.
//
//	go run ./action/sarifcount FILE
//
// It prints the number of findings on stdout and one line per finding on
// stderr (uri:line:col: message), so that the log shows them. A finding
// is a result of kind "fail" (the default kind) that no accepted
// suppression hides. A file that is not a SARIF log (no version, no runs)
// is an error: exit status 1, nothing on stdout.
//
// It uses only the standard library, so that go run builds it from the
// action's checkout without downloading a module.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
)

// sarifLog is the part of a SARIF 2.1.0 log that the count reads.
type sarifLog struct {
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Results []sarifResult `json:"results"`
}

type sarifResult struct {
	RuleID  string `json:"ruleId"`
	Kind    string `json:"kind"`
	Message struct {
		Text string `json:"text"`
	} `json:"message"`
	Locations []struct {
		PhysicalLocation struct {
			ArtifactLocation struct {
				URI string `json:"uri"`
			} `json:"artifactLocation"`
			Region struct {
				StartLine   int `json:"startLine"`
				StartColumn int `json:"startColumn"`
			} `json:"region"`
		} `json:"physicalLocation"`
	} `json:"locations"`
	Suppressions []struct {
		Status string `json:"status"`
	} `json:"suppressions"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: sarifcount FILE")
		os.Exit(2)
	}
	n, err := countFile(os.Args[1], os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "sarifcount:", err)
		os.Exit(1)
	}
	fmt.Println(n)
}

// countFile counts the findings in the SARIF file name and writes one
// line per finding to w.
func countFile(name string, w io.Writer) (int, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return 0, err
	}
	return count(data, w)
}

func count(data []byte, w io.Writer) (int, error) {
	// A JSON object with version and runs; runs may be empty, not absent.
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return 0, fmt.Errorf("not a SARIF log: %v", err)
	}
	if _, ok := raw["runs"]; !ok {
		return 0, errors.New("not a SARIF log: no runs")
	}
	var log sarifLog
	if err := json.Unmarshal(data, &log); err != nil {
		return 0, fmt.Errorf("not a SARIF log: %v", err)
	}
	if log.Version == "" {
		return 0, errors.New("not a SARIF log: no version")
	}
	n := 0
	for _, run := range log.Runs {
		for _, r := range run.Results {
			if !isFinding(r) {
				continue
			}
			n++
			fmt.Fprintln(w, describe(r))
		}
	}
	return n, nil
}

// isFinding reports whether a result counts: kind fail (absent means
// fail) and no suppression whose status is accepted (absent means
// accepted).
func isFinding(r sarifResult) bool {
	if r.Kind != "" && r.Kind != "fail" {
		return false
	}
	for _, s := range r.Suppressions {
		if s.Status == "" || s.Status == "accepted" {
			return false
		}
	}
	return true
}

// describe is the line shown for a finding: uri:line:col: message, with
// what of the position the result has.
func describe(r sarifResult) string {
	msg := r.Message.Text
	if r.RuleID != "" {
		msg += " [" + r.RuleID + "]"
	}
	if len(r.Locations) == 0 {
		return msg
	}
	loc := r.Locations[0].PhysicalLocation
	pos := loc.ArtifactLocation.URI
	if loc.Region.StartLine > 0 {
		pos += ":" + strconv.Itoa(loc.Region.StartLine)
		if loc.Region.StartColumn > 0 {
			pos += ":" + strconv.Itoa(loc.Region.StartColumn)
		}
	}
	if pos == "" {
		return msg
	}
	return pos + ": " + msg
}
