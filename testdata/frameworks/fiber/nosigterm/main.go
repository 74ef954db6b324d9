// fiber's hello world: Listen and nothing else.
package main

import (
	"log"

	"github.com/gofiber/fiber/v2"
)

func main() {
	app := fiber.New()
	app.Get("/", func(c *fiber.Ctx) error {
		return c.SendString("Hello, World!")
	})
	log.Fatal(app.Listen(":3000")) // want `server started via \(\*fiber\.App\)\.Listen -> \(\*fasthttp\.Server\)\.Serve never handles SIGTERM`
}
