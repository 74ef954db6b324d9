// The serve call is in another package: the report is at the call here,
// naming the chain.
package main

import (
	"context"

	"crosspkg/internal/server"
)

func main() {
	server.Run(context.Background(), ":8080") // want `server started via server.Run -> \(\*http.Server\).ListenAndServe never handles SIGTERM`
}
