// A tool that imports xds for its version: it serves nothing, no report.
package main

import (
	"fmt"

	"sigterm/regress/funcvar/xds"
)

func main() { fmt.Println(xds.Version()) }
