#!/usr/bin/env bash
# The sigtermlint GitHub Action: action.yml, at the root of this
# repository, runs this script in its one shell step. It runs the same way
# outside GitHub (cmd/sigtermlint/action_test.go runs it offline).
#
# It reads the action's inputs from environment variables, which
# action.yml sets from the inputs one by one, so that no input is ever
# pasted into shell code:
#
#   INPUT_VERSION            module version to go install (latest)
#   INPUT_PACKAGES           package patterns, split on blanks and newlines (./...)
#   INPUT_FORMAT             text or sarif (text)
#   INPUT_WORKING_DIRECTORY  where to run sigtermlint (.)
#   INPUT_ARGS               extra flags, split on blanks and newlines; no quoting
#   INPUT_FAIL_ON_FINDINGS   true or false (true): findings fail the step
#   INPUT_UPLOAD_SARIF       true or false (false): checked here (it needs
#                            format sarif); action.yml does the upload
#
# It installs sigtermlint with
#   go install github.com/sigtermlint/sigtermlint/cmd/sigtermlint@VERSION
# into a new directory under $RUNNER_TEMP (or $TMPDIR), which it adds to
# $GITHUB_PATH so that later steps of the job find sigtermlint too. The go
# command's own settings (GOPROXY, GOFLAGS, GOMODCACHE...) apply, except
# that a -mod flag in GOFLAGS is dropped for the install, which refuses it.
#
# text:  sigtermlint ARGS PACKAGES; its messages go to the log. Exit
#        status 3 (findings) fails the step, or only warns with
#        fail-on-findings false; any other failure fails the step.
# sarif: sigtermlint -format=sarif ARGS PACKAGES > FILE. When sigtermlint
#        finished (exit status 0, or 3), FILE is checked and its findings
#        counted with action/sarifcount (go run: it needs only the Go the
#        action already needs), and the outputs sarif-file=FILE and
#        findings=N are appended to $GITHUB_OUTPUT. N > 0 fails the step
#        with exit status 3 unless fail-on-findings is false. When it did
#        not finish (load errors, a bad flag), there is no sarif-file
#        output: uploading a SARIF log with nothing in it would close the
#        open alerts.
set -euo pipefail

module=github.com/sigtermlint/sigtermlint
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# Workflow commands go to stdout, where the runner reads them.
error() { echo "::error title=sigtermlint::$*"; }
warning() { echo "::warning title=sigtermlint::$*"; }
die() {
	error "$*"
	exit 1
}

version=${INPUT_VERSION:-latest}
format=${INPUT_FORMAT:-text}
workdir=${INPUT_WORKING_DIRECTORY:-.}
fail_on_findings=${INPUT_FAIL_ON_FINDINGS:-true}
upload_sarif=${INPUT_UPLOAD_SARIF:-false}

# words NAME VALUE: the array NAME holds VALUE split on blanks and
# newlines, with no pathname expansion (read -a does none).
words() {
	local IFS=$' \t\n'
	read -r -d '' -a "$1" <<<"$2" || true
}
packages=()
args=()
words packages "${INPUT_PACKAGES:-./...}"
words args "${INPUT_ARGS:-}"
if [ ${#packages[@]} -eq 0 ]; then
	packages=(./...)
fi

case $format in
text | sarif) ;;
*) die "format must be text or sarif, not \"$format\"" ;;
esac
case $fail_on_findings in
true | false) ;;
*) die "fail-on-findings must be true or false, not \"$fail_on_findings\"" ;;
esac
case $upload_sarif in
true | false) ;;
*) die "upload-sarif must be true or false, not \"$upload_sarif\"" ;;
esac
if [ "$upload_sarif" = true ] && [ "$format" != sarif ]; then
	die "upload-sarif: true needs format: sarif"
fi
if [ ! -d "$workdir" ]; then
	die "working-directory $workdir is not a directory"
fi
command -v go >/dev/null || die "no go command on PATH: run actions/setup-go first, or give the go-version input"

# nativePath: the path as the go command (a native Windows program under
# Git Bash) and other actions take it; unchanged elsewhere.
nativePath() {
	if command -v cygpath >/dev/null 2>&1; then
		cygpath -w "$1"
	else
		printf '%s\n' "$1"
	fi
}

tmp=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/sigtermlint.XXXXXX")
bin="$tmp/bin"
mkdir "$bin"

# The install runs outside the caller's module: go install PKG@VERSION
# ignores the current module, but not a -mod flag in GOFLAGS.
goflags=()
words goflags "${GOFLAGS:-}"
install_goflags=""
for f in ${goflags[@]+"${goflags[@]}"}; do
	case $f in
	-mod=*) ;;
	*) install_goflags="$install_goflags $f" ;;
	esac
done
echo "go install $module/cmd/sigtermlint@$version"
if ! (cd "$tmp" && GOBIN="$(nativePath "$bin")" GOFLAGS="${install_goflags# }" go install "$module/cmd/sigtermlint@$version"); then
	die "go install $module/cmd/sigtermlint@$version failed"
fi
exe="$bin/sigtermlint"
installed=$(go version -m "$exe" | awk '$1 == "mod" { print $3; exit }') || true
echo "sigtermlint ${installed:-(unknown version)}, $(go version)"

export PATH="$bin:$PATH"
if [ -n "${GITHUB_PATH:-}" ]; then
	nativePath "$bin" >>"$GITHUB_PATH"
fi

cd "$workdir"

if [ "$format" = text ]; then
	echo "sigtermlint ${args[*]+${args[*]} }${packages[*]} (in $workdir)"
	status=0
	"$exe" ${args[@]+"${args[@]}"} "${packages[@]}" || status=$?
	case $status in
	0) echo "sigtermlint: no findings" ;;
	3)
		if [ "$fail_on_findings" = true ]; then
			error "sigtermlint found servers that do not stop gracefully on SIGTERM (the messages above)"
			exit 3
		fi
		warning "sigtermlint found servers that do not stop gracefully on SIGTERM (the messages above); fail-on-findings is false"
		;;
	*)
		error "sigtermlint exited with status $status (1: packages did not load or type-check; 2: a bad flag)"
		exit "$status"
		;;
	esac
	exit 0
fi

sarif="$tmp/sigtermlint.sarif"
errors="$tmp/stderr"
echo "sigtermlint -format=sarif ${args[*]+${args[*]} }${packages[*]} (in $workdir)"
status=0
"$exe" -format=sarif ${args[@]+"${args[@]}"} "${packages[@]}" >"$sarif" 2>"$errors" || status=$?
cat "$errors" >&2
case $status in
0 | 3) ;;
2)
	if grep -q -e 'flag provided but not defined: -format' "$errors"; then
		error "sigtermlint ${installed:-$version} has no -format=sarif: give a newer version, or format: text"
	else
		error "sigtermlint rejected its flags (exit status 2)"
	fi
	exit 2
	;;
*)
	error "sigtermlint exited with status $status (1: packages did not load or type-check): no SARIF file"
	exit "$status"
	;;
esac

# go run, from this directory (in the action's checkout: its module), with
# the caller's GOFLAGS and workspace left out; sarifcount imports only the
# standard library, so nothing is downloaded.
if ! findings=$(cd "$here" && GOWORK=off GOFLAGS= go run ./sarifcount "$sarif"); then
	die "sigtermlint -format=sarif did not write a SARIF log"
fi
echo "sigtermlint: $findings findings in $sarif"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
	{
		echo "sarif-file=$(nativePath "$sarif")"
		echo "findings=$findings"
	} >>"$GITHUB_OUTPUT"
fi
if [ "$findings" -gt 0 ]; then
	if [ "$fail_on_findings" = true ]; then
		error "sigtermlint: $findings findings (listed above)"
		exit 3
	fi
	warning "sigtermlint found $findings findings (listed above); fail-on-findings is false"
fi
exit 0
