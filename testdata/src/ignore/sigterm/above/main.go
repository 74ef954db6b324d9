// A no-sigterm finding suppressed by a directive on the line above.
package main

import "net/http"

func main() {
	//sigtermlint:ignore no-sigterm,sigint-only a local debugging server, never deployed
	http.ListenAndServe(":8080", nil)
}
