// With -sigtermlint.disable=no-sigterm, this server that never handles
// SIGTERM is not reported. Run with the switch by TestSwitches.
package main

import "net/http"

func main() {
	http.ListenAndServe(":8080", nil)
}
