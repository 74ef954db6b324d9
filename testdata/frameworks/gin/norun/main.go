// gin's Run serves on an *http.Server it keeps to itself, and nothing
// handles SIGTERM.
package main

import (
	"log"
	"net/http"

	"github.com/gin-gonic/gin"
)

func main() {
	r := gin.Default()
	r.GET("/ping", func(c *gin.Context) {
		c.JSON(http.StatusOK, gin.H{"message": "pong"})
	})
	log.Fatal(r.Run(":8080")) // want `server started via \(\*gin\.Engine\)\.Run -> \(\*http\.Server\)\.ListenAndServe never handles SIGTERM: deploys cut off its in-flight requests`
}
