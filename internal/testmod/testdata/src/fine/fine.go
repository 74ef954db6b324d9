// Package fine type-checks. The analyzer of the test reports its file,
// which no want expects, and the want below is never reported: both
// mismatches are RunIgnoringWants' to drop.
package fine

var Answer = 42 // want "never reported"
