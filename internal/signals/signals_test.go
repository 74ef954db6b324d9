package signals

import "testing"

// TestSpellings covers every spelling the deployment files' parser (Parse)
// and the directives' (ParseName) accept, and some they refuse; "" is
// refused.
func TestSpellings(t *testing.T) {
	for _, tt := range []struct{ in, parse, name string }{
		// names with and without SIG, in any case
		{"SIGTERM", "SIGTERM", "SIGTERM"}, {"TERM", "SIGTERM", "SIGTERM"}, {"sigterm", "SIGTERM", "SIGTERM"},
		{"term", "SIGTERM", "SIGTERM"}, {"SigTerm", "SIGTERM", "SIGTERM"}, {"SIGINT", "SIGINT", "SIGINT"},
		{"int", "SIGINT", "SIGINT"}, {"SIGQUIT", "SIGQUIT", "SIGQUIT"}, {"hup", "SIGHUP", "SIGHUP"},
		{"usr1", "SIGUSR1", "SIGUSR1"}, {"SIGUSR2", "SIGUSR2", "SIGUSR2"}, {"SIGWINCH", "SIGWINCH", "SIGWINCH"},
		{"pwr", "SIGPWR", "SIGPWR"}, {"ABRT", "SIGABRT", "SIGABRT"}, {"alrm", "SIGALRM", "SIGALRM"},
		{"SIGKILL", "SIGKILL", "SIGKILL"}, {"stop", "SIGSTOP", "SIGSTOP"}, {"SIGCHLD", "SIGCHLD", "SIGCHLD"},
		{"SIGSYS", "SIGSYS", "SIGSYS"}, {"SIGSTKFLT", "SIGSTKFLT", "SIGSTKFLT"},
		// numbers: Parse only
		{"15", "SIGTERM", ""}, {"9", "SIGKILL", ""}, {"3", "SIGQUIT", ""}, {"1", "SIGHUP", ""}, {"31", "SIGSYS", ""},
		{" 2 ", "SIGINT", ""}, {"015", "SIGTERM", ""}, {"+15", "SIGTERM", ""},
		{"37", "SIGRTMIN+3", ""}, {"34", "SIGRTMIN", ""}, {"49", "SIGRTMIN+15", ""}, {"50", "SIGRTMAX-14", ""}, {"64", "SIGRTMAX", ""},
		{"0", "", ""}, {"-15", "", ""}, {"32", "", ""}, {"33", "", ""}, {"65", "", ""},
		// aliases: Parse only
		{"SIGIOT", "SIGABRT", ""}, {"iot", "SIGABRT", ""}, {"CLD", "SIGCHLD", ""}, {"SIGPOLL", "SIGIO", ""},
		// real-time signals: Parse only
		{"SIGRTMIN", "SIGRTMIN", ""}, {"RTMIN+1", "SIGRTMIN+1", ""}, {"sigrtmin+3", "SIGRTMIN+3", ""},
		{"SIGRTMAX-2", "SIGRTMAX-2", ""}, {"RTMAX", "SIGRTMAX", ""}, {"SIGRTMIN+30", "SIGRTMAX", ""}, {"RTMAX-30", "SIGRTMIN", ""},
		{"SIGRTMIN+31", "", ""}, {"RTMAX+1", "", ""}, {"RTMIN-1", "", ""}, {"RTMAX-31", "", ""}, {"RTMIN+x", "", ""},
		// space: Parse trims it, ParseName does not
		{" SIGTERM\t", "SIGTERM", ""}, {"term ", "SIGTERM", ""},
		// not signals
		{"", "", ""}, {"SIG", "", ""}, {"SIGNOPE", "", ""}, {"SIGSIGTERM", "", ""}, {"TERM15", "", ""},
	} {
		got, err := Parse(tt.in)
		if got != tt.parse || (err != nil) != (tt.parse == "") {
			t.Errorf("Parse(%q) = %q, %v; want %q", tt.in, got, err, tt.parse)
		}
		name, ok := ParseName(tt.in)
		if name != tt.name || ok != (tt.name != "") {
			t.Errorf("ParseName(%q) = %q, %v; want %q", tt.in, name, ok, tt.name)
		}
	}
}

func TestErrors(t *testing.T) {
	for in, want := range map[string]string{
		" 65":  `" 65" is not a Linux signal number`,
		"NOPE": `"NOPE" is not a signal name`,
	} {
		if _, err := Parse(in); err == nil || err.Error() != want {
			t.Errorf("Parse(%q): error %v, want %s", in, err, want)
		}
	}
}
