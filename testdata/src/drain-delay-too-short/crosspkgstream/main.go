// A stream served by another package's Serve, behind an ALB that drains
// for 5s.
package main

import (
	"log"

	"drain-delay-too-short/crosspkgstream/server"
)

//sigtermlint:manifest deploy.yaml

func main() {
	log.Fatal(server.Serve(":8080")) // want `the load balancer drains this server for only 5s \(.*\) but it serves streams at /events \(server.go:\d+\) that nothing bounds: they are cut on every deploy`
}
