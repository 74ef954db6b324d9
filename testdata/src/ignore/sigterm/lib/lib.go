// Package lib serves nothing: an ignore of a sigterm category in it
// suppresses nothing.
package lib

func Helper() {
	// want +1 "this //sigtermlint:ignore suppresses nothing: remove it"
	//sigtermlint:ignore no-sigterm copied from package main
	println("helping")
}

// Directives of the shutdown analyzer's categories are not the sigterm
// analyzer's business.
//
//sigtermlint:ignore shutdown-timeout the drain is bounded elsewhere
func Other() {}
