// Command cgo calls C: the checker sees the files cgo generates, and the
// finding must still point at this file's line.
package main

/*
static int answer(void) { return 42; }
*/
import "C"

import (
	"fmt"
	"net/http"
)

func main() {
	fmt.Println(int(C.answer()))
	http.ListenAndServe(":8080", nil)
}
