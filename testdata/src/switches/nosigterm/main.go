// With -sigtermlint.disable=no-sigterm, neither the no-sigterm finding of
// this server nor the ignore that names it (which then suppresses
// nothing) is reported. Run with the switch by TestSwitches.
package main

import "net/http"

func main() {
	//sigtermlint:ignore no-sigterm the platform sends SIGKILL only
	http.ListenAndServe(":8080", nil)
}
