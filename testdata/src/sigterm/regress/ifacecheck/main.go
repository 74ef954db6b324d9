// A client that imports a package with a server (kratos' client examples,
// seen in the sweep): it serves nothing, no report.
package main

import (
	"fmt"

	"sigterm/regress/ifacecheck/rpc"
)

func main() {
	resp, err := rpc.Get("http://127.0.0.1:8000/")
	if err != nil {
		panic(err)
	}
	fmt.Println(resp.Status)
}
