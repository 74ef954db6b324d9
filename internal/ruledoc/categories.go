package ruledoc

import "slices"

// The categories of the findings, one per rule. They are the output
// contract: never rename or reuse them. Each is documented by a record
// in the file of its analyzer named after it (no-sigterm in
// analyzers/sigterm/no_sigterm.go). bad-directive, the category of the
// findings about sigtermlint's own directives, is defined with the
// directives and is not listed here: no directive may ignore it.
const (
	NoSIGTERM          = "no-sigterm"
	SIGINTOnly         = "sigint-only"
	NoShutdown         = "no-shutdown"
	StopSignal         = "stop-signal"
	SignalNotDelivered = "signal-not-delivered"

	ExitBeforeDrain   = "exit-before-drain"
	CancelledContext  = "cancelled-context"
	UnboundedShutdown = "unbounded-shutdown"
	ShutdownTimeout   = "shutdown-timeout"
	HijackedNotClosed = "hijacked-not-closed"
	StreamBlocksDrain = "stream-blocks-drain"

	DrainDelayTooShort   = "drain-delay-too-short"
	DrainDelayTooLong    = "drain-delay-too-long"
	NoDeregistrationWait = "no-deregistration-wait"
)

// owners maps each category to the analyzer that reports it, in the
// order of the rule table.
var owners = []struct{ category, analyzer string }{
	{NoSIGTERM, "sigterm"},
	{SIGINTOnly, "sigterm"},
	{NoShutdown, "sigterm"},
	{StopSignal, "sigterm"},
	{SignalNotDelivered, "sigterm"},
	{ExitBeforeDrain, "shutdown"},
	{CancelledContext, "shutdown"},
	{UnboundedShutdown, "shutdown"},
	{ShutdownTimeout, "shutdown"},
	{HijackedNotClosed, "shutdown"},
	{StreamBlocksDrain, "shutdown"},
	{DrainDelayTooShort, "shutdown"},
	{DrainDelayTooLong, "shutdown"},
	{NoDeregistrationWait, "shutdown"},
}

// Categories returns the categories of the findings that analyzer
// reports and its //sigtermlint:ignore directives may name.
func Categories(analyzer string) []string {
	var cats []string
	for _, o := range owners {
		if o.analyzer == analyzer {
			cats = append(cats, o.category)
		}
	}
	return cats
}

// Ignorable returns every category a //sigtermlint:ignore directive may
// name: every finding's, of both analyzers.
func Ignorable() []string {
	var cats []string
	for _, o := range owners {
		cats = append(cats, o.category)
	}
	return slices.Clip(cats)
}
