// The package-level fasthttp.ListenAndServe and no signal handling.
package main

import (
	"log"

	"github.com/valyala/fasthttp"
)

func main() {
	h := func(ctx *fasthttp.RequestCtx) {
		ctx.WriteString("hello")
	}
	log.Fatal(fasthttp.ListenAndServe(":8080", h)) // want `server started via fasthttp\.ListenAndServe never handles SIGTERM`
}
