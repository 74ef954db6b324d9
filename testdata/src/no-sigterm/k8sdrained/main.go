// The twin of ecsdrained on Kubernetes: the ALB's drain runs beside
// SIGTERM, not before it, so the finding says what it always says.
package main

import (
	"log"
	"net/http"
)

//sigtermlint:manifest deploy.yaml

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {})
	log.Fatal(http.ListenAndServe(":8080", nil)) // want `server started via http.ListenAndServe never handles SIGTERM: deploys cut off its in-flight requests`
}
