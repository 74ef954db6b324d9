package deploy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUndelivered runs Set.Undelivered on small repositories. want is
// "" when the signal reaches the program (or the answer is not certain),
// else "file:line: a part of the reason".
func TestUndelivered(t *testing.T) {
	api := Program{Name: "api", Dir: "cmd/api", ImportPath: "example.com/svc/cmd/api"}
	root := Program{Name: "svc", Dir: ".", ImportPath: "example.com/svc"}
	tests := []struct {
		name  string
		files map[string]string
		prog  Program
		want  string
	}{
		// The shell form, by the image's /bin/sh.
		{"shell form under dash", map[string]string{"Dockerfile": "FROM golang:1.26 AS build\nRUN go build -o /out/api ./cmd/api\nFROM debian:bookworm-slim\nCOPY --from=build /out/api /api\nCMD /api --addr :8080\n"},
			api, "Dockerfile:5: which is dash in debian:bookworm-slim"},
		{"shell form under ash execs it", map[string]string{"Dockerfile": "FROM alpine:3.20\nCMD /api --addr :8080\n"}, api, ""},
		{"shell form under ash after another command", map[string]string{"Dockerfile": "FROM alpine:3.20\nCMD /migrate up && /api\n"}, api, ""},
		{"golang alpine tag", map[string]string{"Dockerfile": "FROM golang:1.26-alpine\nCMD /api\n"}, api, ""},
		{"pipeline under any shell", map[string]string{"Dockerfile": "FROM alpine:3.20\nCMD /api 2>&1 | tee /var/log/api.log\n"}, api, "Dockerfile:2: in a pipeline"},
		{"background", map[string]string{"Dockerfile": "FROM alpine\nCMD /api & wait\n"}, api, "Dockerfile:2: in the background"},
		{"more commands after it", map[string]string{"Dockerfile": "FROM registry.example/base:1\nCMD /api; echo stopped\n"}, api, "Dockerfile:2: with more commands after it"},
		{"unknown shell: last command", map[string]string{"Dockerfile": "FROM registry.example/base:1\nCMD /api\n"}, api, ""},
		{"exec form", map[string]string{"Dockerfile": "FROM debian\nCMD [\"/api\", \"--addr\", \":8080\"]\n"}, api, ""},
		{"exec-prefixed shell form", map[string]string{"Dockerfile": "FROM debian\nCMD exec /api --addr :8080\n"}, api, ""},
		{"exec after cd", map[string]string{"Dockerfile": "FROM debian\nCMD cd /srv && exec /api\n"}, api, ""},
		{"exec form with sh -c", map[string]string{"Dockerfile": "FROM debian:12\nCMD [\"sh\", \"-c\", \"/api --port $PORT\"]\n"}, api, "Dockerfile:2: dash"},
		{"exec form with sh -c exec", map[string]string{"Dockerfile": "FROM debian:12\nCMD [\"sh\", \"-c\", \"exec /api --port $PORT\"]\n"}, api, ""},
		{"sh -c in ENTRYPOINT, command in CMD", map[string]string{"Dockerfile": "FROM ubuntu:24.04\nENTRYPOINT [\"/bin/sh\", \"-c\"]\nCMD [\"/api\"]\n"}, api, "Dockerfile:3: dash"},
		{"bash -c execs a plain last command", map[string]string{"Dockerfile": "FROM debian\nCMD [\"bash\", \"-c\", \"/api\"]\n"}, api, ""},
		{"bash -c with a redirection", map[string]string{"Dockerfile": "FROM debian\nCMD [\"bash\", \"-c\", \"/api >>/var/log/api.log\"]\n"}, api, "Dockerfile:2: bash"},
		{"SHELL bash", map[string]string{"Dockerfile": "FROM debian\nSHELL [\"/bin/bash\", \"-c\"]\nCMD /api\n"}, api, ""},
		{"red hat image: bash", map[string]string{"Dockerfile": "FROM registry.access.redhat.com/ubi9/ubi-minimal\nCMD /api\n"}, api, ""},
		{"red hat image: compound command", map[string]string{"Dockerfile": "FROM fedora:40\nCMD if true; then /api; fi\n"}, api, "Dockerfile:2: bash"},
		{"tini entrypoint", map[string]string{"Dockerfile": "FROM debian\nENTRYPOINT [\"/usr/bin/tini\", \"--\"]\nCMD /api\n"}, api, ""},
		{"dumb-init entrypoint", map[string]string{"Dockerfile": "FROM debian\nENTRYPOINT [\"dumb-init\", \"--\"]\nCMD [\"sh\", \"-c\", \"/api\"]\n"}, api, ""},
		{"scratch has no shell", map[string]string{"Dockerfile": "FROM scratch\nCMD /api\n"}, api, ""},
		{"another program", map[string]string{"Dockerfile": "FROM debian\nCMD /worker\n"}, api, ""},
		{"program name in an argument only", map[string]string{"Dockerfile": "FROM debian\nCMD /runner --config /etc/api\n"}, api, ""},
		{"ARG in FROM", map[string]string{"Dockerfile": "ARG BASE=debian:bookworm\nFROM golang AS build\nFROM ${BASE}\nCMD /api\n"}, api, "Dockerfile:4: debian:bookworm"},
		{"unresolved ARG in FROM", map[string]string{"Dockerfile": "ARG BASE\nFROM $BASE\nCMD /api\n"}, api, ""},
		{"CMD inherited from a stage", map[string]string{"Dockerfile": "FROM debian AS base\nCMD /api\nFROM base\nLABEL x=y\n"}, api, "Dockerfile:2: dash in debian"},
		{"ENTRYPOINT shell form ignores CMD", map[string]string{"Dockerfile": "FROM debian\nENTRYPOINT /api\nCMD [\"--flag\"]\n"}, api, "Dockerfile:2"},

		// Binary names from go build -o and COPY.
		{"renamed by go build -o", map[string]string{"Dockerfile": "FROM golang AS b\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -trimpath -ldflags=\"-s -w\" -o /bin/server ./cmd/api\nFROM debian\nCOPY --from=b /bin/server /usr/local/bin/server\nCMD server\n"},
			api, "Dockerfile:7"},
		{"renamed by COPY", map[string]string{"Dockerfile": "FROM golang AS b\nRUN go build -o /out/api ./cmd/api\nFROM debian\nCOPY --from=b /out/api /app\nCMD /app\n"},
			api, "Dockerfile:5"},
		{"another package's build", map[string]string{"Dockerfile": "FROM golang AS b\nRUN go build -o /bin/server ./cmd/worker\nFROM debian\nCOPY --from=b /bin/server /server\nCMD /server\n"},
			api, ""},
		{"root package: go build . after COPY . .", map[string]string{"Dockerfile": "FROM golang AS b\nWORKDIR /app\nCOPY . .\nRUN go build -o server .\nFROM debian\nCOPY --from=b /app/server /server\nCMD /server\n"},
			root, "Dockerfile:7"},
		{"root package: go build . elsewhere", map[string]string{"Dockerfile": "FROM golang AS b\nWORKDIR /app/cmd/x\nRUN go build -o server .\nFROM debian\nCOPY --from=b /app/cmd/x/server /server\nCMD /server\n"},
			root, ""},
		{"WORKDIR into the package", map[string]string{"Dockerfile": "FROM golang AS b\nWORKDIR /src/cmd/api\nRUN go build -o /out/srv .\nFROM debian\nCOPY --from=b /out/srv /srv\nCMD /srv\n"},
			api, "Dockerfile:6"},

		// Entrypoint scripts.
		{"script without exec", map[string]string{
			"Dockerfile":    "FROM debian\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT [\"/entrypoint.sh\"]\n",
			"entrypoint.sh": "#!/bin/sh\nset -e\n/migrate up\n/api \"$@\"\n",
		}, api, "entrypoint.sh:4: without exec"},
		{"script with exec", map[string]string{
			"Dockerfile":    "FROM debian\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT [\"/entrypoint.sh\"]\n",
			"entrypoint.sh": "#!/bin/sh\nset -e\n/migrate up\nexec /api \"$@\"\n",
		}, api, ""},
		{"script under alpine still needs exec", map[string]string{
			"Dockerfile":           "FROM alpine\nCOPY docker/entrypoint.sh /usr/local/bin/\nENTRYPOINT [\"entrypoint.sh\"]\nCMD [\"/api\"]\n",
			"docker/entrypoint.sh": "#!/bin/sh\nchown -R app /data\n\"$@\"\n",
		}, api, "docker/entrypoint.sh:3: without exec"},
		{"script exec \"$@\"", map[string]string{
			"Dockerfile":    "FROM alpine\nCOPY entrypoint.sh /\nENTRYPOINT [\"/entrypoint.sh\"]\nCMD [\"/api\"]\n",
			"entrypoint.sh": "#!/bin/sh\nif [ \"$1\" = migrate ]; then\n  /migrate\nfi\nexec \"$@\"\n",
		}, api, ""},
		{"script with gosu but no exec", map[string]string{
			"Dockerfile":    "FROM debian\nWORKDIR /app\nCOPY . .\nENTRYPOINT [\"./run.sh\"]\n",
			"run.sh":        "#!/bin/bash\ngosu app /app/api --addr :8080\n",
			"cmd/api/x.txt": "",
		}, api, "run.sh:2: without exec"},
		{"script run by sh", map[string]string{
			"Dockerfile": "FROM debian\nCOPY start.sh /start.sh\nCMD [\"sh\", \"/start.sh\"]\n",
			"start.sh":   "/api | logger\n",
		}, api, "start.sh:1: in a pipeline"},
		{"script that traps and forwards", map[string]string{
			"Dockerfile":    "FROM debian\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT [\"/entrypoint.sh\"]\n",
			"entrypoint.sh": "#!/bin/sh\ntrap 'kill -TERM $pid' TERM INT\n/api &\npid=$!\nwait $pid\n",
		}, api, ""},
		{"script not in the repository", map[string]string{"Dockerfile": "FROM debian\nENTRYPOINT [\"/entrypoint.sh\"]\n"}, api, ""},
		{"script from another stage", map[string]string{
			"Dockerfile":    "FROM debian AS b\nFROM debian\nCOPY --from=b /entrypoint.sh /entrypoint.sh\nENTRYPOINT [\"/entrypoint.sh\"]\n",
			"entrypoint.sh": "/api\n",
		}, api, ""},
		{"script in a case branch", map[string]string{
			"Dockerfile":    "FROM debian\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT [\"/entrypoint.sh\"]\n",
			"entrypoint.sh": "#!/bin/sh\ncase \"$1\" in\n  serve) /api ;;\n  *) echo usage ;;\nesac\n",
		}, api, "entrypoint.sh:3"},
		{"one branch execs", map[string]string{
			"Dockerfile":    "FROM debian\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT [\"/entrypoint.sh\"]\n",
			"entrypoint.sh": "#!/bin/sh\nif [ -n \"$DEBUG\" ]; then\n  /api --debug\nelse\n  exec /api\nfi\n",
		}, api, ""},

		// Container commands.
		{"kubernetes sh -c on a debian image", map[string]string{"k8s.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers:\n      - name: api\n        image: debian:bookworm\n        command: [\"/bin/sh\", \"-c\", \"/migrate && /api\"]\n"},
			api, "k8s.yaml:8: dash"},
		{"kubernetes sh -c, shell from the repository's Dockerfile", map[string]string{
			"k8s.yaml":   "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers:\n      - name: api\n        image: ghcr.io/acme/api:1.2\n        command: [\"/bin/sh\", \"-c\"]\n        args: [\"/migrate && /api\"]\n",
			"Dockerfile": "FROM debian\nCMD [\"/api\"]\n",
		}, api, "k8s.yaml:8: dash in debian"},
		{"kubernetes sh -c, unknown image", map[string]string{"k8s.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers:\n      - name: api\n        image: ghcr.io/acme/api:1.2\n        command: [\"/bin/sh\", \"-c\", \"/migrate && /api\"]\n"},
			api, ""},
		{"kubernetes sh -c exec", map[string]string{"k8s.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers:\n      - name: api\n        image: debian:bookworm\n        command: [\"/bin/sh\", \"-c\", \"/migrate && exec /api\"]\n"},
			api, ""},
		{"compose sh -c string", map[string]string{"compose.yaml": "services:\n  api:\n    image: alpine:3.20\n    command: sh -c \"/api --flag | tee /log\"\n"},
			api, "compose.yaml:2: in a pipeline"},
		{"compose plain command", map[string]string{"compose.yaml": "services:\n  api:\n    image: debian\n    command: /api --flag\n"}, api, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, content := range tt.files {
				p := filepath.Join(dir, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(content), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			s, err := Discover(dir, "")
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Warnings) > 0 {
				t.Fatalf("warnings: %v", s.Warnings)
			}
			us := s.Undelivered(tt.prog)
			if tt.want == "" {
				if len(us) > 0 {
					t.Fatalf("got %d findings, want none: %s: %s", len(us), us[0].Source, us[0].Reason)
				}
				return
			}
			if len(us) != 1 {
				t.Fatalf("got %d findings, want 1 (%s): %+v", len(us), tt.want, us)
			}
			at, part, _ := strings.Cut(tt.want, ": ")
			if got := us[0].Source.String(); got != at {
				t.Errorf("at %s, want %s (%s)", got, at, us[0].Reason)
			}
			if !strings.Contains(us[0].Reason, part) {
				t.Errorf("reason %q does not say %q", us[0].Reason, part)
			}
		})
	}
}
