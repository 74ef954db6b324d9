// Package sarif is sigtermlint -format=sarif: the findings of the lint as
// a SARIF 2.1.0 log, for GitHub code scanning and other SARIF viewers.
//
// No golang.org/x/tools driver writes SARIF, and golangci-lint's SARIF
// gives every finding of a plugin one ruleId (the plugin's name) and drops
// the category. Here each category is a rule of its own, described from
// its documentation record (internal/ruledoc), so that a viewer can show
// what the rule means and link to its section of docs/rules.md.
//
// The package has two halves:
//
//   - [Log] converts findings whose positions are already resolved into
//     the log. It reads no file and knows no driver: the unit tests feed
//     it findings directly.
//   - [Main] is the command-line mode: it parses the flags of the lint,
//     loads and analyzes the packages with go/packages and
//     x/tools/go/analysis/checker (as multichecker does), turns each
//     diagnostic into a [Finding] ([FromDiagnostic]) and prints the log.
//
// Paths in the log are relative to a source root ([SourceRoot]: the
// directory holding .git above the module, else the module root), under
// the uriBaseId %SRCROOT%, whose absolute file URI the run's
// originalUriBaseIds gives. Code scanning wants paths relative to the
// repository.
package sarif
