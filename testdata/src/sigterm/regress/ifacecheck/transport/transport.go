// Package transport declares a server interface, as kratos' transport.
package transport

import "context"

type Server interface {
	Start(context.Context) error
	Stop(context.Context) error
}
