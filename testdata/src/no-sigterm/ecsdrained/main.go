// No signal handling, deployed as a Copilot service whose load balancer
// drains each task for 30s before ECS sends SIGTERM: what SIGTERM cuts is
// what bypasses the load balancer or outlasts its drain.
package main

import (
	"log"
	"net/http"
)

//sigtermlint:manifest copilot/api/manifest.yml

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {})
	log.Fatal(http.ListenAndServe(":8080", nil)) // want `server started via http.ListenAndServe never handles SIGTERM: it exits at once, after the load balancer's 30s drain \(http.deregistration_delay 30s at testdata/src/no-sigterm/ecsdrained/copilot/api/manifest.yml:5\), so deploys cut off the requests that bypass the load balancer or outlast its drain`
}
