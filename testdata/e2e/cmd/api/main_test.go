package main

import "testing"

// A test file in package main makes go list add the test variant
// "example.com/e2e/cmd/api [example.com/e2e/cmd/api.test]": the text
// output must still show the finding once.
func TestListenAddr(t *testing.T) {}
