// Package broken does not type-check.
package broken

var Answer int = "forty-two"
