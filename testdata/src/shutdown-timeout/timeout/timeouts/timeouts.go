// Package timeouts declares the service's timeouts.
package timeouts

import "time"

const Drain = 45 * time.Second
