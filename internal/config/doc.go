// Package config defines the configuration-only analyzer that holds the
// flags both sigtermlint analyzers read: the stop timeout, the platform
// and where the deployment manifests are.
//
// # Analyzer sigtermlint
//
// sigtermlint: configuration shared by the sigterm and shutdown analyzers
//
// It reports nothing. Its flags are spelled -sigtermlint.stop-timeout,
// -sigtermlint.platform and -sigtermlint.manifests, on the standalone
// command and under go vet -vettool alike.
package config
