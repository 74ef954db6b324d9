package deploy

// isCloudFormationYAML reports whether a YAML file is a CloudFormation
// template.
func isCloudFormationYAML(data []byte) bool { return false }

// isCloudFormationJSON reports whether a JSON file is a CloudFormation
// template.
func isCloudFormationJSON(data []byte) bool { return false }

// cloudFormationYAML reads a CloudFormation template in YAML (with its
// short-form tags: !Ref, !GetAtt, !Sub).
func (r *reader) cloudFormationYAML(name string, data []byte) {}

// cloudFormationJSON reads a CloudFormation template in JSON.
func (r *reader) cloudFormationJSON(name string, data []byte) {}
