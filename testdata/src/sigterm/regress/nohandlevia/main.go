// The message names the chain it reports and says nothing of the other
// server's package-level ListenAndServe.
package main

import "sigterm/regress/nohandlevia/cli"

func main() { cli.Run() } // want `^server started via cli.Run -> cli.metrics -> \(\*http.Server\).ListenAndServe is never shut down gracefully: SIGTERM cuts off its in-flight requests$`
