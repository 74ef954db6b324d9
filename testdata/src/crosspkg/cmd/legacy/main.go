// SIGINT handled in another package: reported, with no fix (the list is
// not in this package).
package main

import (
	"crosspkg/internal/server"
	"crosspkg/internal/signals"
)

func main() {
	server.Run(signals.InterruptOnly(), ":8080") // want `handles SIGINT, not SIGTERM`
}
