// Package rules holds the documentation of sigtermlint's rules as data:
// one [Rule] per diagnostic category, the nine findings and
// bad-directive. The records are the single source of
//
//   - the per-rule part of the analyzers' Doc ([AnalyzerDoc]);
//   - the categories each analyzer owns and a //sigtermlint:ignore
//     directive may name ([Categories], [Ignorable]);
//   - the link of each finding: drivers resolve a diagnostic's Category
//     against Analyzer.URL ([DocURL]) as URL#category, which lands on the
//     rule's heading in the README ([URL]);
//   - the README's rule table and rule sections, the regions between
//     "<!-- rules:begin NAMES -->" and "<!-- rules:end -->" lines
//     ([UpdateREADME]).
//
// After editing a record, regenerate the README with
//
//	go generate ./internal/rules
//
// TestREADME, run by go test ./..., fails while the README differs from
// the records.
//
// [Rule.Since] is the version that introduced a rule. v0.1.0 is the first
// release of sigtermlint; it is not tagged yet, so every rule says v0.1.0.
package rules

//go:generate go run ./genreadme ../../README.md
