// Package inlinestop asserts to an unnamed interface with GracefulStop.
package inlinestop

func Stop(v any) { // want Stop:`reach\(stopunknown\)`
	if s, ok := v.(interface{ GracefulStop() }); ok {
		s.GracefulStop()
	}
}
