package deploy

// isCopilotManifest reports whether a YAML file is an AWS Copilot service
// manifest (copilot/<service>/manifest.yml).
func isCopilotManifest(name string, data []byte) bool { return false }

// copilotFile reads a Copilot service manifest.
func (r *reader) copilotFile(name string, data []byte) {}
