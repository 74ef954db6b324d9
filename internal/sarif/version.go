package sarif

import "runtime/debug"

// Version is the version of the running command, for the log's
// tool.driver.version: the main module's version in the build info, which
// `go version -m` prints too (v1.2.3 after go install ...@v1.2.3, a
// pseudo-version when the build stamped one from git). A build from a
// checkout without stamping says "(devel)"; it is "devel" here, as -V=full
// says, whose line ("sigtermlint version devel ... buildID=...") is
// x/tools' and carries no version.
func Version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	return moduleVersion(info.Main.Version)
}

// moduleVersion is v, or "devel" when the build gave none.
func moduleVersion(v string) string {
	if v == "" || v == "(devel)" {
		return "devel"
	}
	return v
}
