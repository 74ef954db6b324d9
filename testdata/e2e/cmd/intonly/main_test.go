package main

import "testing"

// With the test variant, -fix sees the same fix twice: it must be
// applied once.
func TestIntonly(t *testing.T) {}
