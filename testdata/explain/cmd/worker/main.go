// Command worker starts no server.
package main

import "fmt"

func main() { fmt.Println("working") }
