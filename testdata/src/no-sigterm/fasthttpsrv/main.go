// fasthttp's package-level ListenAndServe without signal handling.
package main

import "github.com/valyala/fasthttp"

func main() {
	fasthttp.ListenAndServe(":8080", func(ctx *fasthttp.RequestCtx) {}) // want `server started via fasthttp.ListenAndServe never handles SIGTERM`
}
