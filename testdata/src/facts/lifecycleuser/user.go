// Package lifecycleuser asserts to an interface declared in another
// leaf-free package: found through the type name it uses.
package lifecycleuser

import (
	"context"

	"facts/lifecycle"
)

func Stop(ctx context.Context, v any) { // want Stop:`reach\(stopunknown\)`
	if s, ok := v.(lifecycle.Stopper); ok {
		s.Shutdown(ctx)
	}
}
