package rules

import "strings"

// v010 is the first release, not tagged yet.
const v010 = "v0.1.0"

// Pages that several rules link to.
var (
	linkShutdown   = Link{"net/http: (*Server).Shutdown", "https://pkg.go.dev/net/http#Server.Shutdown"}
	linkK8sStop    = Link{"Kubernetes: termination of pods", "https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination"}
	linkDockerStop = Link{"docker container stop", "https://docs.docker.com/reference/cli/docker/container/stop/"}
)

// all holds the rules, in the order of the README's table: the sigterm
// analyzer's, the shutdown analyzer's, then bad-directive.
var all = []Rule{
	{
		Category:   "no-sigterm",
		Analyzer:   "sigterm",
		Title:      "The program never handles SIGTERM.",
		When:       "nothing reachable handles SIGTERM or SIGINT",
		Production: "the Go runtime exits at once on SIGTERM: in-flight requests are cut off on every deploy",
		Bad: Example{
			Note: "nothing handles SIGTERM.",
			Snippets: []Snippet{goCode(`
func main() {
	http.HandleFunc("/", hello)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
`)},
		},
		Good: Example{
			Note: "the context is cancelled on SIGTERM and the server drains.",
			Snippets: []Snippet{goCode(`
func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	srv.Shutdown(shutdownCtx)
}
`)},
		},
		Fix: "Handle SIGTERM (with `signal.NotifyContext` or `signal.Notify`), then drain the server with Shutdown " +
			"under a deadline shorter than the stop timeout. When the signal list holds `os.Kill` instead of SIGTERM " +
			"and is in package main, a suggested fix puts `syscall.SIGTERM` in its place (`sigtermlint -fix ./...`).",
		Details: paras(
			"`signal.Notify(c, os.Kill)` handles nothing: `os.Kill` is SIGKILL, which cannot be caught. When such a "+
				"list is in package main, the finding says so and its fix replaces `os.Kill` by `syscall.SIGTERM` "+
				"(see [sigint-only](#sigint-only)).",
			"Signal handling installed only after a call in `main` that blocks in a serve call (`srv.Serve(lis)`, "+
				"or `r.Run()`, then `signal.NotifyContext`) is not there while the server runs, and does not count.",
		),
		Since: v010,
		Links: []Link{
			{"os/signal: default behavior of signals in Go programs", "https://pkg.go.dev/os/signal#hdr-Default_behavior_of_signals_in_Go_programs"},
			linkK8sStop,
			{"dominikh/go-staticcheck#26: signal.Notify(c, os.Interrupt, os.Kill) almost always meant SIGTERM", "https://github.com/dominikh/go-staticcheck/issues/26"},
			{"dominikh/go-tools#1248: SA1016 does not look at signal.NotifyContext", "https://github.com/dominikh/go-tools/issues/1248"},
		},
	},
	{
		Category:   "sigint-only",
		Analyzer:   "sigterm",
		Title:      "The program handles Ctrl-C, not the orchestrator's SIGTERM.",
		When:       "SIGINT / `os.Interrupt` is handled, SIGTERM is not",
		Production: "orchestrators send SIGTERM, not SIGINT, so the Go runtime exits at once: in-flight requests are cut off on every deploy",
		Bad: Example{
			Note:     "written for Ctrl-C in a terminal.",
			Snippets: []Snippet{goCode(`ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)`)},
		},
		Good: Example{
			Note: "handle both, so the program stops cleanly in a terminal and under an orchestrator " +
				"(fly.io and Nomad's exec drivers send SIGINT; the others SIGTERM).",
			Snippets: []Snippet{goCode(`ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)`)},
		},
		Fix: "Add `syscall.SIGTERM` to the signal list. When the list is in package main (in the call or in a " +
			"variable), a suggested fix (`sigtermlint -fix ./...`) adds it next to SIGINT, or puts it in place of " +
			"`os.Kill`.",
		Details: paras(
			"The fix uses `unix.SIGTERM` when the file imports `golang.org/x/sys/unix` rather than `syscall`, and "+
				"adds the import when neither is there.",
			"A list that holds `os.Kill` (or `syscall.SIGKILL`, `unix.SIGKILL`) without SIGTERM meant SIGTERM: "+
				"SIGKILL cannot be caught. The finding says so (`... the signal orchestrators send (os.Kill in its "+
				"signal list is SIGKILL, which cannot be caught): ...`), and the fix replaces `os.Kill` by "+
				"`syscall.SIGTERM` in that list instead of adding SIGTERM next to SIGINT (it drops the import of "+
				"`os` when `os.Kill` was its only use).",
			"A program whose deployments all stop it with SIGINT is right to handle only SIGINT: see "+
				"[stop-signal](#stop-signal).",
		),
		Since: v010,
		Links: []Link{
			{"bosnet/sebak#190: docker stop does nothing, the container is killed after 10s", "https://github.com/bosnet/sebak/issues/190"},
			linkDockerStop,
		},
	},
	{
		Category:   "no-shutdown",
		Analyzer:   "sigterm",
		Title:      "SIGTERM is handled, but nothing stops the server gracefully.",
		When:       "SIGTERM is handled, but no graceful stop is reachable anywhere in the program",
		Production: "the process exits with requests in flight",
		Bad: Example{
			Note: "SIGTERM is trapped, but the handler exits at once.",
			Snippets: []Snippet{goCode(`
signal.Notify(sigs, syscall.SIGTERM)
go func() { <-sigs; os.Exit(0) }()
log.Fatal(srv.ListenAndServe())
`)},
		},
		Good: Example{
			Note: "drain with Shutdown (or `(*grpc.Server).GracefulStop`, fasthttp's `Shutdown`, a framework's " +
				"Shutdown, an fx OnStop hook...).",
			Snippets: []Snippet{goCode(`
<-ctx.Done()
shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
defer cancel()
srv.Shutdown(shutdownCtx)
`)},
		},
		Fix: "On the signal, stop the server gracefully: `(*http.Server).Shutdown` with a deadline, " +
			"`(*grpc.Server).GracefulStop`, fasthttp's `Shutdown`, or your framework's; serve from an " +
			"`*http.Server` you keep, so that there is something to call Shutdown on.",
		Details: paras(
			"`(*http.Server).Close` is not a graceful stop: it drops active connections. A server started with the "+
				"package-level `http.ListenAndServe` leaves no `*http.Server` to call Shutdown on; the message says "+
				"so. The rule is program-wide: when a graceful stop is reachable for one server, side servers (a "+
				"pprof or metrics listener) get no report.",
			"A drain written by hand counts too, the way servers did it before Shutdown and "+
				"github.com/fvbock/endless still does: `srv.SetKeepAlivesEnabled(false)` and closing the listener "+
				"in the same function, then waiting for the open connections (keep-alives off alone is "+
				"configuration, not a drain).",
		),
		Since: v010,
		Links: []Link{
			linkShutdown,
			{"grpc: (*Server).GracefulStop", "https://pkg.go.dev/google.golang.org/grpc#Server.GracefulStop"},
		},
	},
	{
		Category: "stop-signal",
		Analyzer: "sigterm",
		Title:    "The deployment stops the program with a signal it does not handle.",
		When: "a deployment (or the `-sigtermlint.platform` preset) stops the program with a signal it does not " +
			"handle, while it handles others",
		Production: "the Go runtime exits at once on that signal: in-flight requests are cut off",
		Bad: Example{
			Note: "the image says `STOPSIGNAL SIGQUIT`, the program traps SIGINT and SIGTERM; SIGQUIT makes the Go " +
				"runtime dump its goroutines and exit.",
			Snippets: []Snippet{{"dockerfile", "STOPSIGNAL SIGQUIT\nENTRYPOINT [\"/worker\"]"}},
		},
		Good: Example{
			Note:     "drop the `STOPSIGNAL` line: SIGTERM is the default.",
			Snippets: []Snippet{{"dockerfile", "ENTRYPOINT [\"/worker\"]"}},
		},
		Fix: "Drop the `STOPSIGNAL` line (SIGTERM is the default), or add the signal to the program's list; on " +
			"fly.io, set `kill_signal = \"SIGTERM\"` or handle both SIGINT and SIGTERM (the portable answer).",
		Details: paras(
			"A deployment can stop the program with another signal than SIGTERM: a Dockerfile `STOPSIGNAL`, "+
				"compose `stop_signal`, Kubernetes `lifecycle.stopSignal`, fly.toml `kill_signal`. Fly.io sends "+
				"SIGINT when `kill_signal` is unset, so a `fly.toml` without it stops the program with SIGINT. When "+
				"the program handles some signals but not that one, sigtermlint reports it at `func main`, with the "+
				"manifest line in the message and as related information (for an unset `kill_signal`, the line of "+
				"`app`, else line 1).",
			"The signal comes, in this order, from:\n"+
				"\n"+
				"1. the deployment files that run the program (see [Deployment manifests](#deployment-manifests): "+
				"the container, service or fly app names the binary; when none does and the only deployment file "+
				"there is is a `fly.toml` at the module root (or one given with `-sigtermlint.manifests`), it "+
				"counts: a `fly.toml` under `example/` may deploy a demo, and a lone Kubernetes or compose container "+
				"that does not name the program may run anything, so their signals are not taken), and the "+
				"`STOPSIGNAL` of a Dockerfile whose `CMD` or `ENTRYPOINT` runs it under any of its binary names (see "+
				"[signal-not-delivered](#signal-not-delivered));\n"+
				"2. when none of them says how the program is stopped (no container, compose service or fly app runs "+
				"it, and no Dockerfile that runs it sets `STOPSIGNAL`), the `-sigtermlint.platform` preset's signal "+
				"(see [The stop timeout](#the-stop-timeout)): with `fly` or `nomad`, SIGINT, and the message says "+
				"`(-sigtermlint.platform=fly default)`. The SIGTERM presets add nothing: `no-sigterm` and "+
				"`sigint-only` already expect SIGTERM.",
			"```\n"+
				"cmd/api/main.go:12:6: the deployment stops this program with SIGINT (no kill_signal in fly.toml:2, "+
				"so fly's default), which it does not handle (it handles SIGTERM): the Go runtime exits at once on "+
				"SIGINT and cuts off its in-flight requests\n"+
				"```",
			"A program whose deployments all stop it with SIGINT (a fly.toml without `kill_signal`, a compose "+
				"`stop_signal: SIGINT`, or, when no deployment file says how it is stopped, "+
				"`-sigtermlint.platform=fly` or `nomad`) is right to handle only SIGINT: `sigint-only` is not "+
				"reported for it.",
		),
		Since: v010,
		Links: []Link{
			{"Dockerfile reference: STOPSIGNAL", "https://docs.docker.com/reference/dockerfile/#stopsignal"},
			{"fly.toml reference: kill_signal, kill_timeout", "https://fly.io/docs/reference/configuration/"},
		},
	},
	{
		Category: "signal-not-delivered",
		Analyzer: "sigterm",
		Title:    "A shell keeps the stop signal from reaching the program.",
		When: "a Dockerfile, entrypoint script, or Kubernetes/compose command starts the program under a shell " +
			"that stays PID 1",
		Production: "the stop signal never reaches the program: the platform waits out the whole stop timeout, " +
			"then SIGKILL cuts off its requests",
		Bad: Example{
			Note: "a shell-form `CMD` on a Debian image (its `/bin/sh` is dash), or an entrypoint script that starts " +
				"the program without `exec`.",
			Snippets: []Snippet{
				{"dockerfile", "FROM debian:bookworm-slim\nCOPY --from=build /out/api /usr/local/bin/api\nCMD api --addr :8080"},
				{"sh", "#!/bin/sh\n/usr/local/bin/migrate up\n/usr/local/bin/api \"$@\""},
			},
		},
		Good: Example{
			Note: "the exec form, or `exec` in the shell form and in the script.",
			Snippets: []Snippet{
				{"dockerfile", "CMD [\"api\", \"--addr\", \":8080\"]"},
				{"sh", "#!/bin/sh\n/usr/local/bin/migrate up\nexec /usr/local/bin/api \"$@\""},
			},
		},
		Fix: "Start the program with the exec form of `CMD` or `ENTRYPOINT`, or with `exec` in the shell form and " +
			"in the entrypoint script, or under an init that forwards signals (`tini`, `dumb-init`).",
		Details: paras(
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
		Since: v010,
		Links: []Link{
			{"Docker build checks: JSONArgsRecommended", "https://docs.docker.com/reference/build-checks/json-args-recommended"},
			{"docker/buildx#3154: starting an application as a child of a shell breaks signal passing", "https://github.com/docker/buildx/issues/3154"},
			{"tini, an init that forwards signals", "https://github.com/krallin/tini"},
		},
	},
	{
		Category:   "exit-before-drain",
		Analyzer:   "shutdown",
		Title:      "The process exits while Shutdown is still draining.",
		When:       "a path from the moment a drain starts to a process exit passes no wait for the drain's end",
		Production: "the process quits mid-drain: requests in flight are cut off on every deploy",
		Bad: Example{
			Note: "when Shutdown starts, `ListenAndServe` returns `http.ErrServerClosed` at once, while the drain " +
				"goes on inside Shutdown; main returning (or `log.Fatal`) then ends the drain.",
			Snippets: []Snippet{goCode(`
go func() { <-ctx.Done(); srv.Shutdown(shutdownCtx) }()
if err := srv.ListenAndServe(); errors.Is(err, http.ErrServerClosed) {
	return // main returns at 0s: the drain is cut off
}
`)},
		},
		Good: Example{
			Note: "exit only on a real error, and wait for the drain's end before main returns.",
			Snippets: []Snippet{goCode(`
drained := make(chan struct{})
go func() {
	defer close(drained)
	<-ctx.Done()
	srv.Shutdown(shutdownCtx)
}()
if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
	log.Fatal(err)
}
<-drained // main returns only once the drain is over
`)},
		},
		Fix: "Exit only on a real error (`!errors.Is(err, http.ErrServerClosed)`), and make the flow that serves " +
			"wait for the drain's end: a channel the drain's goroutine closes after Shutdown returns, a " +
			"`sync.WaitGroup`, an errgroup whose `Go` runs the Shutdown itself, or Shutdown in main's own flow. " +
			"Where the drain runs in a goroutine literal of the same function, a suggested fix adds the channel, " +
			"closes it when the goroutine returns, and receives from it where the flow would exit " +
			"(`log.Fatal(srv.ListenAndServe())` becomes the `errors.Is` form followed by the receive). The fixed " +
			"program is clean for this rule.",
		Details: paras(
			"Judged on control flow, in time order (the stop model). A drain starts beside the flow that serves: "+
				"Shutdown (or GracefulStop, or a function that reaches one) in a goroutine, a callback or another "+
				"function. At that moment the serve call returns (`http.ErrServerClosed`, nil for grpc and "+
				"fasthttp), so the branches on its error are decided. Every path from there to a process exit "+
				"(main returning or falling off its end, `log.Fatal`, `os.Exit`, `panic`, klog's, logrus's and zap's Fatal, "+
				"and a project's own `die()` that ends in one, through facts across packages) must pass a wait for the drain's end: a receive "+
				"from a channel closed or sent on after the Shutdown, `Wait` on a WaitGroup marked `Done` after it or "+
				"on an errgroup whose `Go` runs it, a context its goroutine cancels after it, a sleep longer than its "+
				"deadline, or the drain itself on the path.",
			"A function whose return is reached that way returns mid-drain (a fact for other packages): the paths "+
				"after its calls are followed the same way, and an errgroup's `Wait` returns mid-drain when a member "+
				"does while the drain runs in a plain goroutine. The report is at the statement where the path "+
				"leaves: the `return` in the function whose return leads to the exit, the exit call, or the serve "+
				"call when main falls off its end; related information points at the drain. `go srv.Shutdown(ctx)` "+
				"followed by a return or `os.Exit` is reported the same way.",
			"Any wait the model cannot place (a channel of unknown origin, a second signal, a `Wait` of another "+
				"kind) keeps it silent, and a library function that serves and waits on its own (endless) is "+
				"trusted.",
		),
		Since: v010,
		Links: []Link{
			{"mtlynch/picoshare#571: log.Fatal(ListenAndServe()) exits before the 5s drain", "https://github.com/mtlynch/picoshare/pull/571"},
			{"rumyantseva/advent-2017#1: log.Fatal of srv.ListenAndServe() prevents graceful shutdown", "https://github.com/rumyantseva/advent-2017/issues/1"},
			{"jacksontj/promxy#150: don't log.Fatal when the HTTP server exits", "https://github.com/jacksontj/promxy/pull/150"},
			linkShutdown,
		},
	},
	{
		Category:   "cancelled-context",
		Analyzer:   "shutdown",
		Title:      "Shutdown runs with a context the signal already cancelled.",
		When:       "Shutdown gets a context that is already cancelled",
		Production: "Shutdown returns at once and drains nothing",
		Bad: Example{
			Note: "`signal.NotifyContext`'s context is cancelled by the signal; anything derived from it " +
				"(`WithTimeout`, `WithValue`, ...) is cancelled too.",
			Snippets: []Snippet{goCode(`
<-ctx.Done() // ctx from signal.NotifyContext
shutdownCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
srv.Shutdown(shutdownCtx) // returns at once: drains nothing
`)},
		},
		Good: Example{
			Note:     "keep the context's values, drop its cancellation.",
			Snippets: []Snippet{goCode(`shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)`)},
		},
		Fix: "Derive Shutdown's deadline from a context the signal does not cancel: `context.WithoutCancel(ctx)` " +
			"(Go 1.21+) or `context.Background()`. A suggested fix wraps the parent in `context.WithoutCancel` (or " +
			"uses `context.Background()` for files older than Go 1.21).",
		Details: paras(
			"Reported when a receive from the context's `Done()` (or the `Done()` of a context it derives from), " +
				"or a call of its cancel function, is on every path to Shutdown in the same function, whatever the " +
				"context's origin. A variable rebound from itself after the receive " +
				"(`<-ctx.Done()`, then `ctx, cancel := context.WithTimeout(ctx, d)`) still derives from the done " +
				"context; rebound from `context.Background()` it does not. `context.WithoutCancel` breaks the " +
				"chain; a `Done()` received in another function does not count.",
		),
		Since: v010,
		Links: []Link{
			{"kkHAIKE/contextcheck#2: a linter asking for the cancelled context to be passed to Shutdown", "https://github.com/kkHAIKE/contextcheck/issues/2"},
			{"charmbracelet/crush#2242: derive the shutdown context from context.Background(), not the cancelled one", "https://github.com/charmbracelet/crush/pull/2242"},
			{"context.WithoutCancel", "https://pkg.go.dev/context#WithoutCancel"},
			{"signal.NotifyContext", "https://pkg.go.dev/os/signal#NotifyContext"},
		},
	},
	{
		Category:   "unbounded-shutdown",
		Analyzer:   "shutdown",
		Title:      "Shutdown waits without a deadline.",
		When:       "Shutdown's context has no deadline, or a stop that takes none is never cut short",
		Production: "a stuck connection holds the drain until SIGKILL, with no log line",
		Bad: Example{
			Snippets: []Snippet{goCode(`
srv.Shutdown(context.Background()) // a stuck connection waits for SIGKILL
grpcServer.GracefulStop()          // a stuck stream waits for SIGKILL
app.Shutdown()                     // fiber v2: Shutdown(context.Background()) inside
`)},
		},
		Good: Example{
			Snippets: []Snippet{goCode(`
shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
defer cancel()
srv.Shutdown(shutdownCtx)

t := time.AfterFunc(20*time.Second, grpcServer.Stop) // cut the streams still open
grpcServer.GracefulStop()
t.Stop()

app.ShutdownWithTimeout(20 * time.Second)
`)},
		},
		Fix: "Give Shutdown a context with a deadline shorter than the stop timeout: `context.WithTimeout` or " +
			"`context.WithDeadline`; call grpc's `Stop()` when `GracefulStop()` has not returned in time; use fiber's " +
			"`ShutdownWithTimeout`.",
		Details: paras(
			"Reported only when the context is traced all the way to `Background()` or `TODO()` through "+
				"derivations without `WithTimeout` or `WithDeadline`; a context that comes from a parameter or an "+
				"unknown call is not reported. Nor is a Shutdown nobody waits for: one a `go` statement starts, or "+
				"the last statement of a goroutine (a `go func(){...}()`, or an unexported function only ever "+
				"started with `go`) that defers nothing and sends or closes nothing after it. The process then ends "+
				"when main decides, so a deadline changes nothing (prometheus/pushgateway); if main returns while "+
				"it drains, that is `exit-before-drain`'s business.",
			"Stops that take no context are judged too. grpc's `(*grpc.Server).GracefulStop()` is reported "+
				"when nothing calls `Stop()` on the same server while it drains: a `Stop()` after a timeout "+
				"(`time.AfterFunc(d, s.Stop)`, a goroutine that sleeps or waits on `time.After`, a timer or a "+
				"context with a deadline first, or a select on GracefulStop's end against one) bounds it, and "+
				"the drain then counts for `shutdown-timeout`; a `Stop()` whose time cannot be resolved silences "+
				"the rule; one that runs only after GracefulStop returned bounds nothing. A function exported "+
				"from a package other than main that runs, in its own flow, a graceful stop with a context it "+
				"makes without a deadline (fiber v2's `Shutdown()`, your own `app.Shutdown()` passing "+
				"`context.Background()` down) is reported at each call, where the program shows whether anyone "+
				"waits for it, deferred calls included, and not in the function: one report per bug (a call "+
				"through an interface is not seen). Deferred stops that take a context are not judged.",
		),
		Since: v010,
		Links: []Link{
			linkShutdown,
			{"context.WithTimeout", "https://pkg.go.dev/context#WithTimeout"},
		},
	},
	{
		Category:   "shutdown-timeout",
		Analyzer:   "shutdown",
		Title:      "The shutdown outlasts the stop timeout.",
		When:       "sleeps plus Shutdown deadlines reach the stop timeout",
		Production: "SIGKILL arrives before the drain ends",
		Bad: Example{
			Note: "the stop timeout is the budget for everything between SIGTERM and exit; here it is Kubernetes' " +
				"or ECS's default 30s.",
			Snippets: []Snippet{goCode(`
<-ctx.Done()
time.Sleep(5 * time.Second) // wait for the load balancer
shutdownCtx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
srv.Shutdown(shutdownCtx) // 35s in all: SIGKILL comes first
`)},
		},
		Good: Example{
			Note: "keep the sum under the stop timeout, with room to exit.",
			Snippets: []Snippet{goCode(`
time.Sleep(5 * time.Second)
shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
`)},
		},
		Fix: "Keep the sleeps and Shutdown deadlines together under the stop timeout, with room to exit: shorten " +
			"them, or give the program a longer stop timeout (`terminationGracePeriodSeconds`, ECS `stopTimeout`, " +
			"compose `stop_grace_period`, fly.io `kill_timeout`) and tell sigtermlint (the manifests, " +
			"`-sigtermlint.stop-timeout` or `//sigtermlint:stop-timeout`).",
		Details: paras(
			"The budget counts `time.Sleep` calls on the way from the signal to Shutdown in the same function, the "+
				"Shutdown deadline, and the deadlines of earlier Shutdown calls that ran to completion before this "+
				"one's deadline was set (calls that share one deadline count it once). Durations resolve from "+
				"constants and constant expressions (also from other packages), variables set once from a "+
				"constant, and the defaults of `flag.Duration` / `flag.DurationVar`; anything else makes the rule "+
				"say nothing. A grpc `GracefulStop()` counts the time after which a `Stop()` cuts it; an fx "+
				"OnStop hook's deadline counts up to fx's `StopTimeout`, where fx stops waiting for it.",
			"Where the stop timeout comes from: see [The stop timeout](#the-stop-timeout).",
		),
		Since: v010,
		Links: []Link{
			{"trefeon/freebuff-proxy#300: sequential 10s and 20s deadlines against compose's 20s stop_grace_period", "https://github.com/trefeon/freebuff-proxy/issues/300"},
			{"goiabada #390: a 15s HTTP deadline plus a worker deadline exceed every runtime's grace period", ""},
			{"spring-projects/spring-boot#26469: a 30s timeout plus a 10s preStop over a 30s grace period", "https://github.com/spring-projects/spring-boot/issues/26469"},
			linkK8sStop,
		},
	},
	{
		Category: BadDirective,
		Analyzer: "shutdown",
		Title:    "A `//sigtermlint:` directive is malformed, contradicted, or suppresses nothing.",
		When: "a `//sigtermlint:` directive that is unknown, malformed or misplaced, a declaration the code " +
			"contradicts, a `manifest` whose file or container is missing, or an ignore that suppresses nothing",
		Production: "the directive is ignored (or stale); the finding says why",
		Bad: Example{
			Note: "an ignore without a reason, a stop timeout that is not a duration, a misspelled declaration, and one the code contradicts.",
			Snippets: []Snippet{goCode(`
//sigtermlint:ignore shutdown-timeout
srv.Shutdown(ctx)

//sigtermlint:stop-timeout soon

//sigtermlint:handle SIGTERM
`), goCode(`
// stop drains the server.
//
//sigtermlint:stops-within 5s
func stop(srv *http.Server) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}
`)},
		},
		Good: Example{
			Note: "say why the finding does not apply, give durations as Go durations, spell the declaration right, and declare what the code does.",
			Snippets: []Snippet{goCode(`
//sigtermlint:ignore shutdown-timeout terminationGracePeriodSeconds is 60 in the pod spec
srv.Shutdown(ctx)

//sigtermlint:stop-timeout 60s

//sigtermlint:handles SIGTERM
`), goCode(`
// stop drains the server.
//
//sigtermlint:stops-within 20s
func stop(srv *http.Server) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}
`)},
		},
		Fix: "Do what the finding says: give an ignore known categories and a reason, remove an ignore (or the " +
			"categories of one) that suppresses nothing, write durations as positive Go durations, use the " +
			"directive names the message lists, and correct or remove a declaration the code contradicts.",
		Details: paras(
			"The `shutdown` analyzer reports malformed directives and declarations and the stale ignores of its " +
				"categories; the `sigterm` analyzer reports the stale ignores of its own. When you run only " +
				"`-sigterm`, malformed directives are ignored silently (and suppress nothing). `bad-directive` " +
				"itself cannot be ignored: fix the directive instead. The directives are described in " +
				"[Suppressing a finding](#suppressing-a-finding), [Declaring what sigtermlint cannot " +
				"see](#declaring-what-sigtermlint-cannot-see) and [The stop timeout](#the-stop-timeout).",
		),
		Since: v010,
		Links: []Link{
			{"staticcheck's //lint:ignore, the model: a required reason, and ignores that match nothing are reported", ""},
		},
	},
}

// goCode returns a Go snippet; the code may start and end with a newline,
// to be written as a raw string on lines of its own.
func goCode(code string) Snippet {
	return Snippet{Lang: "go", Code: strings.TrimPrefix(strings.TrimSuffix(code, "\n"), "\n")}
}

// paras joins markdown blocks into one text.
func paras(blocks ...string) string { return strings.Join(blocks, "\n\n") }
