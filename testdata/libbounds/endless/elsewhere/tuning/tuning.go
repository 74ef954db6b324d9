// Package tuning sets endless's process-wide hammer time for whoever
// imports it.
package tuning

import (
	"time"

	"github.com/fvbock/endless"
)

func init() { endless.DefaultHammerTime = 5 * time.Second }
