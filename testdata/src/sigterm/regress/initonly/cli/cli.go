// Package cli stands in for cobra or urfave/cli: a command runs a
// function stored in a field that other packages set.
package cli

type Command struct {
	Name string
	Run  func() error
	Subs []*Command
}

func (c *Command) Execute() error { return c.Subs[0].Run() }
