// Package ruledoc renders the documentation of sigtermlint's rules. Each
// rule's record (a [Rule]) lives with its logic, in the analyzer's file
// named after its category (no-sigterm in analyzers/sigterm/no_sigterm.go),
// and each analyzer lists its records in its Rules variable. The records
// are the single source of
//
//   - the per-rule part of the analyzers' Doc ([AnalyzerDoc]);
//   - the link of each finding: drivers resolve a diagnostic's Category
//     against Analyzer.URL ([DocURL]) as URL#category, which lands on the
//     rule's heading in docs/rules.md ([URL]);
//   - the rule table of the README and docs/rules.md, and the rule
//     sections of docs/rules.md: the regions between
//     "<!-- rules:begin NAMES -->" and "<!-- rules:end -->" lines
//     ([Doc.Update]).
//
// The category names themselves, the output contract, are constants here
// ([NoSIGTERM], ...), so that the directive parser can know every
// analyzer's without importing them.
//
// After editing a record, regenerate the files with
//
//	go generate ./internal/ruledoc
//
// TestGenerated, run by go test ./..., fails while a file differs from
// the records.
//
// [Rule.Since] is the version that introduced a rule. v0.1.0 is the first
// release of sigtermlint; it is not tagged yet, so every rule says v0.1.0.
package ruledoc

//go:generate go run ./gendocs ../..
