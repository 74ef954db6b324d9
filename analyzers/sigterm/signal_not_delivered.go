package sigterm

import (
	"fmt"
	"go/ast"
	"path/filepath"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/config"
	"github.com/sigtermlint/sigtermlint/internal/deploy"
	"github.com/sigtermlint/sigtermlint/internal/directive"
	"github.com/sigtermlint/sigtermlint/internal/filepos"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
)

// checkDelivery reports, at func main, deployment files that start the
// program under a shell that stays PID 1: the stop signal goes to the
// shell, which as PID 1 ignores it, and the program is killed when the
// stop timeout ends. One report per program; every such file is in
// Related.
func checkDelivery(pass *analysis.Pass, cfg *config.Config, r *directive.Reporter, mainDecl *ast.FuncDecl) {
	set, root := cfg.LoadManifests(pass)
	if set == nil || mainDecl == nil {
		return
	}
	us := set.Undelivered(config.Program(pass, root))
	if len(us) == 0 {
		return
	}
	u := us[0]
	d := analysis.Diagnostic{
		Pos: mainDecl.Name.Pos(), End: mainDecl.Name.End(), Category: ruledoc.SignalNotDelivered,
		Message: fmt.Sprintf("%s never reaches this program, run under a shell that stays PID 1 (%s): %s, then kills it mid-request",
			u.Signal, u.Source, platformWait(u)),
	}
	for _, u := range us {
		if pos, ok := filepos.Pos(pass.Fset, filepath.Join(root, filepath.FromSlash(u.File)), u.Line); ok {
			// The why: which shell, and why it does not exec the program.
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: pos, End: pos, Message: u.Reason + ", and it ignores " + u.Signal})
		}
	}
	r.Report(d)
}

// platformWait says how long the platform waits for the program that
// never got the signal.
func platformWait(u deploy.Undelivered) string {
	switch u.Kind {
	case deploy.KindDockerfile:
		return "docker stop waits 10s"
	case deploy.KindKubernetes:
		return fmt.Sprintf("Kubernetes waits %s", u.Timeout.D)
	case deploy.KindCompose:
		return fmt.Sprintf("docker compose waits %s", u.Timeout.D)
	case deploy.KindECS:
		return fmt.Sprintf("ECS waits %s", u.Timeout.D)
	}
	return "the platform waits out its stop timeout"
}

// signalNotDeliveredRule documents signal-not-delivered.
var signalNotDeliveredRule = ruledoc.Rule{
	Category: ruledoc.SignalNotDelivered,
	Analyzer: "sigterm",
	Title:    "A shell keeps the stop signal from reaching the program.",
	When: "a Dockerfile, entrypoint script, or Kubernetes/compose command starts the program under a shell " +
		"that stays PID 1",
	Production: "the stop signal never reaches the program: the platform waits out the whole stop timeout, " +
		"then SIGKILL cuts off its requests",
	Bad: ruledoc.Example{
		Note: "a shell-form `CMD` on a Debian image (its `/bin/sh` is dash), or an entrypoint script that starts " +
			"the program without `exec`.",
		Snippets: []ruledoc.Snippet{
			{Lang: "dockerfile", Code: "FROM debian:bookworm-slim\nCOPY --from=build /out/api /usr/local/bin/api\nCMD api --addr :8080"},
			{Lang: "sh", Code: "#!/bin/sh\n/usr/local/bin/migrate up\n/usr/local/bin/api \"$@\""},
		},
	},
	Good: ruledoc.Example{
		Note: "the exec form, or `exec` in the shell form and in the script.",
		Snippets: []ruledoc.Snippet{
			{Lang: "dockerfile", Code: "CMD [\"api\", \"--addr\", \":8080\"]"},
			{Lang: "sh", Code: "#!/bin/sh\n/usr/local/bin/migrate up\nexec /usr/local/bin/api \"$@\""},
		},
	},
	Fix: "Start the program with the exec form of `CMD` or `ENTRYPOINT`, or with `exec` in the shell form and " +
		"in the entrypoint script, or under an init that forwards signals (`tini`, `dumb-init`).",
	Details: ruledoc.Paras(
		"Perfect shutdown code is worthless when the signal never arrives. When a shell starts the program as "+
			"a child and stays PID 1 itself, the platform's SIGTERM goes to the shell; PID 1 ignores every "+
			"signal it has no handler for, and `sh` installs none. The program never hears of the stop, the "+
			"platform waits out the whole stop timeout (10s for `docker stop`, 30s on Kubernetes and ECS) and "+
			"SIGKILL cuts off its requests: every deploy is slow and drops connections. sigtermlint reports it "+
			"at `func main`, with the Dockerfile, script or manifest line in the message and as related "+
			"information.",
		"What it reads: the final stage's `CMD` and `ENTRYPOINT` (combined as Docker combines them; `SHELL` "+
			"honoured; build arguments of `FROM` expanded from their `ARG` defaults; a `CMD` inherited from an "+
			"earlier stage), the entrypoint script an exec-form `ENTRYPOINT` or `CMD` starts when a `COPY` from "+
			"the build context puts it in the image and the file is in the repository (looked up next to the "+
			"Dockerfile, then at the root; a bare name is looked up on the usual `PATH`), and `sh -c` / "+
			"`bash -c` command lines of Kubernetes `command`/`args`, compose `entrypoint`/`command` and ECS "+
			"`entryPoint`/`command`. A program's binary is recognized by its `go build` name (the import path's "+
			"last element), the `-o` of a `go build` of its package in a `RUN` (with `WORKDIR` and `-C`), and "+
			"the name a `COPY --from` gives that output. A file that starts some other program, or whose "+
			"command word is a variable, is never reported.",
		"Which shells pass the signal on. Whether a shell execs (replaces itself with) the last command of "+
			"`sh -c` depends on the shell; measured on this project's build machine by starting "+
			"`sh -c '...; sleep 3'` and checking whether the shell's PID became `sleep`, and by running a "+
			"SIGTERM-handling Go program under each shell as PID 1 of a fresh PID namespace (under dash it "+
			"never got the signal; under BusyBox it got it at once):",
		"| command line | dash 0.5.12 (Debian, Ubuntu, `golang`) | BusyBox 1.35 ash (Alpine, `busybox`, distroless `:debug`) | bash 5.2 (Fedora, UBI, Amazon Linux, or `SHELL [\"/bin/bash\", \"-c\"]`) |\n"+
			"|---|---|---|---|\n"+
			"| `app` alone, or last after `;` / `&&` | child: not delivered | exec'd | exec'd |\n"+
			"| last, with a redirection (`app >log 2>&1`) | child | exec'd | child |\n"+
			"| inside `if`, `{ }`, `( )` | child | exec'd | child |\n"+
			"| followed by another command, in a pipeline, or with `&` | child | child | child |\n"+
			"| `exec app` | exec'd | exec'd | exec'd |\n"+
			"| a script file (`entrypoint.sh`) ending in `app \"$@\"` | child | child | child |",
		"So sigtermlint reports: a program started without `exec` in a script file (no shell execs the last "+
			"command of a script); a program followed by another command, piped or backgrounded under any "+
			"shell; and the other rows only when the image's shell is known from the final stage's base image: "+
			"dash for `debian`, `ubuntu`, `golang` and Debian/Ubuntu codename tags (`bookworm`, `jammy`, "+
			"`-slim` variants of them), BusyBox ash for `alpine`, `busybox` and `*-alpine` tags, bash for "+
			"Fedora, CentOS, Rocky, Alma, Amazon Linux, Oracle Linux and UBI, or the shell a `SHELL` "+
			"instruction or `bash -c` names. For an image it cannot name (your company's base image) it says "+
			"nothing unless no shell would exec the program. A container command in Kubernetes or compose uses "+
			"the shell of its image's name, else the one of the repository's Dockerfiles that start the program "+
			"when they agree. It stays silent when an init that forwards signals is the exec-form entrypoint "+
			"(`tini`, `dumb-init`, `catatonit`, `s6-svscan`, `/init` of s6-overlay, `supervisord`), when the "+
			"script or command line sets a `trap` (it may forward the signal), when any branch that starts the "+
			"program uses `exec`, for `scratch` and distroless images (no shell: a shell form does not start at "+
			"all), and for scripts that come from another stage or image.",
	),
	Since: ruledoc.V010,
	Links: []ruledoc.Link{
		{Title: "Docker build checks: JSONArgsRecommended", URL: "https://docs.docker.com/reference/build-checks/json-args-recommended"},
		{Title: "docker/buildx#3154: starting an application as a child of a shell breaks signal passing", URL: "https://github.com/docker/buildx/issues/3154"},
		{Title: "tini, an init that forwards signals", URL: "https://github.com/krallin/tini"},
	},
}
