// Package unix is a stub of golang.org/x/sys/unix.
package unix

import "syscall"

type Signal = syscall.Signal

const (
	SIGINT  = syscall.Signal(0x2)
	SIGKILL = syscall.Signal(0x9)
	SIGTERM = syscall.Signal(0xf)
)
