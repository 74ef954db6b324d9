package deploy

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// TestFlyTOML reads fly.toml files through the TOML parser: the values of
// the top-level keys in every TOML spelling, their lines, and one warning
// per bad value or per file that does not parse.
func TestFlyTOML(t *testing.T) {
	type want struct {
		app      string
		line     int           // of the container: the app key, else 1
		timeout  time.Duration // 0: no container
		timeAt   int           // line of kill_timeout; 0: the default
		signal   string
		signalAt int
	}
	for _, tc := range []struct {
		name, content string
		want          want
		warnings      []string
	}{
		{"integer seconds", "app = \"api\"\nkill_timeout = 12\n", want{"api", 1, 12 * time.Second, 2, "", 0}, nil},
		{"hex and underscores", "kill_timeout = 0x1e\n", want{"", 1, 30 * time.Second, 1, "", 0}, nil},
		{"underscores", "kill_timeout = 1_0\n", want{"", 1, 10 * time.Second, 1, "", 0}, nil},
		{"float seconds", "kill_timeout = 2.5\n", want{"", 1, 2500 * time.Millisecond, 1, "", 0}, nil},
		{"duration string", "kill_timeout = '1m30s'\n", want{"", 1, 90 * time.Second, 1, "", 0}, nil},
		{"unset: fly's 5s", "# comment\n\napp = 'web'\n", want{"web", 3, 5 * time.Second, 0, "", 0}, nil},
		{"signal by number and lower case", "kill_signal = \"term\"\n", want{"", 1, 5 * time.Second, 0, "SIGTERM", 1}, nil},
		{"quoted key", "\"kill_signal\" = \"SIGQUIT\"\n", want{"", 1, 5 * time.Second, 0, "SIGQUIT", 1}, nil},
		{"comments after values", "app = \"api\" # the app\nkill_signal = \"SIGINT\" # fly's default\n", want{"api", 1, 5 * time.Second, 0, "SIGINT", 2}, nil},
		{"keys of a table are not top-level", "app = \"api\"\n[http_service]\nkill_signal = \"SIGQUIT\"\nkill_timeout = 99\n",
			want{"api", 1, 5 * time.Second, 0, "", 0}, nil},
		{"dotted keys are not top-level", "x.kill_signal = \"SIGQUIT\"\nkill_timeout = 7\n", want{"", 1, 7 * time.Second, 2, "", 0}, nil},
		{"multi-line string with a table header inside", "app = \"api\"\nbuild = \"\"\"\n[not.a.table]\n\"\"\"\nkill_timeout = 8\n",
			want{"api", 1, 8 * time.Second, 5, "", 0}, nil},
		{"BOM and CRLF", "\xef\xbb\xbfapp = \"api\"\r\nkill_signal = \"SIGTERM\"\r\n", want{"api", 1, 5 * time.Second, 0, "SIGTERM", 2}, nil},
		{"app that is not a string is not a name", "app = 3\n", want{"", 1, 5 * time.Second, 0, "", 0}, nil},
		{"bad values", "app = \"api\"\nkill_signal = 15\nkill_timeout = \"soon\"\n", want{"api", 1, 5 * time.Second, 0, "", 0}, []string{
			"fly.toml:2: kill_signal 15 is not a string",
			"fly.toml:3: kill_timeout \"soon\" is not a number of seconds or a duration like \"30s\"",
		}},
		{"more bad values", "kill_signal = 'SIGNOPE'\nkill_timeout = -3\n", want{"", 1, 5 * time.Second, 0, "", 0}, []string{
			"fly.toml:1: kill_signal: \"SIGNOPE\" is not a signal name",
			"fly.toml:2: kill_timeout -3 is not a number of seconds or a duration like \"30s\"",
		}},
		{"values that are no scalars", "kill_timeout = [1, 2]\nkill_signal = {name = \"SIGTERM\"}\n", want{"", 1, 5 * time.Second, 0, "", 0}, []string{
			"fly.toml:1: kill_timeout [1 2] is not a number of seconds or a duration like \"30s\"",
			"fly.toml:2: kill_signal map[name:SIGTERM] is not a string",
		}},
		{"inf", "kill_timeout = inf\n", want{"", 1, 5 * time.Second, 0, "", 0}, []string{
			"fly.toml:1: kill_timeout inf is not a number of seconds or a duration like \"30s\"",
		}},
		{"does not parse", "app = \"api\"\nkill_timeout =\n", want{}, []string{
			"fly.toml:2: TOML does not parse: unexpected character U+000A at start of value",
		}},
		{"unterminated string", "app = \"api\"\n\nkill_signal = 'SIGTERM\n", want{}, []string{
			"fly.toml:3: TOML does not parse: literal strings cannot have new lines",
		}},
		{"key defined twice", "app = \"api\"\nkill_signal = \"SIGINT\"\nkill_signal = \"SIGTERM\"\n", want{}, []string{
			"fly.toml:3: TOML does not parse: key kill_signal is already defined",
		}},
		{"table defined twice", "app = \"api\"\n[env]\na = \"1\"\n[env]\nb = \"2\"\n", want{}, []string{
			"fly.toml:4: TOML does not parse: table env already exists",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := loadContent(t, "fly.toml", tc.content)
			checkStrings(t, "warnings", s.Warnings, tc.warnings)
			if tc.want.timeout == 0 {
				if len(s.Containers) != 0 {
					t.Errorf("got %s, want no container", show(s.Containers[0]))
				}
				return
			}
			w := tc.want
			want := Container{Kind: KindFly, Workload: w.app, Name: w.app, Source: at("fly.toml", w.line)}
			if w.timeAt == 0 {
				want.StopTimeout = def(w.timeout, "fly.toml", w.line)
			} else {
				want.StopTimeout = set(w.timeout, "fly.toml", w.timeAt)
			}
			if w.signal != "" {
				want.StopSignal = sig(w.signal, "fly.toml", w.signalAt)
			}
			checkContainers(t, s.Containers, []Container{want})
		})
	}
}

// TestFlyMalformedFileAmongOthers: a fly.toml that does not parse is one
// warning, and the other files still load.
func TestFlyMalformedFileAmongOthers(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"fly.toml":     "app = \"api\"\nkill_signal = \"SIGTERM\n",
		"fly.web.toml": "app = \"web\"\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Discover(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	checkStrings(t, "warnings", s.Warnings, []string{"fly.toml:2: TOML does not parse: basic strings cannot have new lines"})
	if len(s.Containers) != 1 || s.Containers[0].Name != "web" {
		t.Errorf("containers: got %v, want web's only", s.Containers)
	}
}

// TestApplying checks the rule that picks the containers of a program,
// shared by the stop timeout and the stop signal.
func TestApplying(t *testing.T) {
	fly := Container{Kind: KindFly, Workload: "shop", Name: "shop"}
	k8s := Container{Kind: KindKubernetes, Workload: "api", Name: "server", Image: "example.com/api:1"}
	patch := Container{Kind: KindKubernetes, Workload: "api", Name: "api"} // no image: a kustomize patch
	composeDefault := Container{Kind: KindCompose, Workload: "db", Name: "db", StopTimeout: Duration{D: ComposeDefaultGrace, Default: true}}
	names := func(cs []Container) []string {
		var out []string
		for _, c := range cs {
			out = append(out, string(c.Kind)+"/"+c.Name)
		}
		return out
	}
	for _, tc := range []struct {
		name      string
		set       *Set
		bin       string
		want      []string
		wantNamed bool
		wantOnly  string
	}{
		{"named", &Set{Containers: []Container{fly, k8s}}, "api", []string{"kubernetes/server"}, true, ""},
		{"patch left out", &Set{Containers: []Container{patch, k8s}}, "api", []string{"kubernetes/server"}, true, ""},
		{"only a patch names it", &Set{Containers: []Container{patch, fly}}, "api", []string{"fly/shop"}, false, "fly/shop"},
		{"none named: the only one", &Set{Containers: []Container{fly, composeDefault}}, "worker", []string{"fly/shop"}, false, "fly/shop"},
		{"none named: several", &Set{Containers: []Container{fly, k8s}}, "worker", []string{"fly/shop", "kubernetes/server"}, false, ""},
		{"none named, a template skipped", &Set{Containers: []Container{fly}, Notes: []Note{{Source{"chart/templates/d.yaml", 3}, "skipped"}}}, "worker", nil, false, ""},
		{"nil set", nil, "api", nil, false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, named := tc.set.Applying(tc.bin)
			if !reflect.DeepEqual(names(got), tc.want) || named != tc.wantNamed {
				t.Errorf("Applying(%q) = %v, %v; want %v, %v", tc.bin, names(got), named, tc.want, tc.wantNamed)
			}
			only, ok := tc.set.Only(tc.bin)
			if gotOnly := names([]Container{only}); ok != (tc.wantOnly != "") || (ok && gotOnly[0] != tc.wantOnly) {
				t.Errorf("Only(%q) = %v, %v; want %q", tc.bin, gotOnly, ok, tc.wantOnly)
			}
		})
	}
}
