// Command cli is a command-line client: it imports packages that can
// serve and makes HTTP requests, but serves nothing itself.
package main

import (
	"fmt"
	"io"
	"net/http"
	"os"

	"example.com/e2e/internal/health"
)

func main() {
	fmt.Println("local health:", health.Status())
	if len(os.Args) < 2 {
		return
	}
	resp, err := http.Get(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer resp.Body.Close()
	io.Copy(os.Stdout, resp.Body)
}
