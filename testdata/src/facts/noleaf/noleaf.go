// Package noleaf can reach nothing: no leaf package among its imports, no
// facts in its dependencies, no graceful-stop interface. It is skipped,
// and exports no fact (a Close assertion is not a graceful stop).
package noleaf

import (
	"io"
	"strings"
)

func Close(v any) {
	if c, ok := v.(io.Closer); ok {
		c.Close()
	}
}

func Upper(s string) string { return strings.ToUpper(s) }
