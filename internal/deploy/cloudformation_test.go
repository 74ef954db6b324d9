package deploy

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

func showDrain(d Drain) string {
	s := fmt.Sprintf("%s %s unknown=%v beforeStop=%v build=%q bound=%v delay=%v default=%v at %s",
		d.LB, d.Setting, d.Unknown, d.BeforeStop, d.Build, d.Bound, d.Delay.D, d.Delay.Default, d.Delay.Source)
	for _, c := range d.Targets {
		s += "\n    target " + show(c)
	}
	return s
}

func checkDrains(t *testing.T, got, want []Drain) {
	t.Helper()
	for i := 0; i < len(got) || i < len(want); i++ {
		switch {
		case i >= len(got):
			t.Errorf("missing drain %d:\n  want %s", i, showDrain(want[i]))
		case i >= len(want):
			t.Errorf("extra drain %d:\n  got  %s", i, showDrain(got[i]))
		case !reflect.DeepEqual(got[i], want[i]):
			t.Errorf("drain %d:\n  got  %s\n  want %s", i, showDrain(got[i]), showDrain(want[i]))
		}
	}
}

// checkOneLine fails for a warning or note of more than one line.
func checkOneLine(t *testing.T, s *Set) {
	t.Helper()
	for _, w := range s.Warnings {
		if strings.ContainsAny(w.String(), "\r\n") {
			t.Errorf("warning of more than one line: %q", w)
		}
	}
	for _, n := range s.Notes {
		if strings.ContainsAny(n.String(), "\r\n") {
			t.Errorf("note of more than one line: %q", n)
		}
	}
}

const cfnDir = "cloudformation/"

// TestCloudFormationFargateService: the same template in YAML (short-form
// tags) and JSON (Ref, Fn::GetAtt, Fn::Sub) gives the same container and
// drain, with each file's lines.
func TestCloudFormationFargateService(t *testing.T) {
	tests := []struct {
		file string
		// lines: the API container's Name and StopTimeout, the log
		// router's Name, the delay's Value.
		api, stop, logRouter, delay int
	}{
		{"service.yaml", 58, 62, 70, 35},
		{"service.json", 87, 97, 116, 46},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f := cfnDir + tt.file
			s := load(t, f)
			api := Container{
				Kind: KindECS, Workload: "orders", Name: "orders-api",
				Image:   "123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:2.3.0",
				Command: []string{"/orders"}, Args: []string{"serve", "-addr", ":8080"},
				Source: at(f, tt.api), StopTimeout: set(20*time.Second, f, tt.stop),
			}
			checkContainers(t, s.Containers, []Container{
				api,
				// Image is a !Sub: not written out.
				{
					Kind: KindECS, Workload: "orders", Name: "log-router",
					Source: at(f, tt.logRouter), StopTimeout: def(30*time.Second, f, tt.logRouter),
				},
			})
			checkDrains(t, s.Drains, []Drain{{
				LB: "TargetGroup TargetGroup", Setting: "deregistration_delay.timeout_seconds",
				Delay: set(5*time.Second, f, tt.delay), BeforeStop: true, Targets: []Container{api},
			}})
			checkStrings(t, "warnings", s.Warnings, nil)
			checkStrings(t, "notes", s.Notes, nil)
			if got := s.DrainsOf([]string{"orders"}); len(got) != 1 {
				t.Errorf("DrainsOf(orders) = %d drains, want 1", len(got))
			}
			if got := s.DrainsOf([]string{"log-router"}); len(got) != 0 {
				t.Errorf("DrainsOf(log-router) = %d drains, want 0", len(got))
			}
		})
	}
}

// TestCloudFormationDefaults: unset delays are AWS's 300s at the target
// group; an unused target group and an imported one give no drain; a
// container of another stack is known by its name.
func TestCloudFormationDefaults(t *testing.T) {
	const f = cfnDir + "defaults.yaml"
	web := Container{
		Kind: KindECS, Workload: "WebTask", Name: "web", Image: "web:1.0",
		Source: at(f, 37), StopTimeout: def(30*time.Second, f, 37),
	}
	sidecar := Container{Kind: KindECS, Name: "sidecar"}
	drains := []Drain{
		{
			LB: "TargetGroup WebTargetGroup", Setting: "deregistration_delay.timeout_seconds",
			Delay: def(300*time.Second, f, 6), BeforeStop: true, Targets: []Container{web},
		},
		{
			LB: "TargetGroup WebTargetGroup", Setting: "deregistration_delay.timeout_seconds",
			Delay: def(300*time.Second, f, 6), BeforeStop: true, Targets: []Container{sidecar},
		},
		{
			LB: "TargetGroup AdminTargetGroup", Setting: "deregistration_delay.timeout_seconds",
			Delay: def(300*time.Second, f, 14), BeforeStop: true, Targets: []Container{web},
		},
	}

	t.Run("alone", func(t *testing.T) {
		s := load(t, f)
		checkContainers(t, s.Containers, []Container{web})
		checkDrains(t, s.Drains, drains)
		checkStrings(t, "warnings", s.Warnings, nil)
		checkStrings(t, "notes", s.Notes, nil)
	})
	t.Run("with ecs.config", func(t *testing.T) {
		// An EC2 task without StopTimeout: the agent's setting applies,
		// as for a JSON task definition.
		s := load(t, f, "ecs/ecs.config")
		agent := web
		agent.StopTimeout = def(45*time.Second, "ecs/ecs.config", 4)
		checkContainers(t, s.Containers, []Container{agent})
	})
}

// TestCloudFormationParameters: !Ref and !Sub of a parameter with a
// Default resolve to it; without a Default the time is unknown, with a
// note.
func TestCloudFormationParameters(t *testing.T) {
	const f = cfnDir + "params.yaml"
	s := load(t, f)
	api := Container{
		Kind: KindECS, Workload: "Task", Name: "api",
		Source: at(f, 47), StopTimeout: set(45*time.Second, f, 49),
	}
	checkContainers(t, s.Containers, []Container{api})
	checkDrains(t, s.Drains, []Drain{
		{
			LB: "TargetGroup KnownTargetGroup", Setting: "deregistration_delay.timeout_seconds",
			Delay: set(30*time.Second, f, 21), BeforeStop: true, Targets: []Container{api},
		},
		{
			LB: "TargetGroup UnknownTargetGroup", Setting: "deregistration_delay.timeout_seconds",
			Delay: Duration{Source: at(f, 30)}, Unknown: true, BeforeStop: true, Targets: []Container{api},
		},
		{
			LB: "TargetGroup SubTargetGroup", Setting: "deregistration_delay.timeout_seconds",
			Delay: set(30*time.Second, f, 39), BeforeStop: true, Targets: []Container{api},
		},
	})
	checkStrings(t, "warnings", s.Warnings, nil)
	checkStrings(t, "notes", s.Notes, []string{
		f + ":30: TargetGroup UnknownTargetGroup: deregistration_delay.timeout_seconds is !Ref OtherDelay (a parameter without a Default): the draining time is not known",
	})
	checkOneLine(t, s)
}

// TestCloudFormationBadValues: a delay that is not a whole number of
// seconds is a warning and no drain; a bad StopTimeout skips the
// container.
func TestCloudFormationBadValues(t *testing.T) {
	const f = cfnDir + "bad.yaml"
	s := load(t, f)
	checkStrings(t, "warnings", s.Warnings, []string{
		f + `:9: deregistration_delay.timeout_seconds "abc" is not a whole, non-negative number of seconds: TargetGroup WordTargetGroup skipped`,
		f + `:16: deregistration_delay.timeout_seconds "-1" is not a whole, non-negative number of seconds: TargetGroup NegativeTargetGroup skipped`,
		f + `:25: StopTimeout "soon" is not a whole, non-negative number of seconds: container job skipped`,
	})
	checkOneLine(t, s)
	checkDrains(t, s.Drains, nil)
	checkContainers(t, s.Containers, nil)
}

// TestCloudFormationClassicELB: ConnectionDrainingPolicy enabled with a
// Timeout, enabled without one (ELB's 300s), disabled, unset.
func TestCloudFormationClassicELB(t *testing.T) {
	const f = cfnDir + "classic.yaml"
	s := load(t, f)
	legacy := Container{
		Kind: KindECS, Workload: "legacy", Name: "legacy", Image: "legacy:9",
		Source: at(f, 42), StopTimeout: set(90*time.Second, f, 44),
	}
	targets := []Container{legacy}
	checkContainers(t, s.Containers, targets)
	checkDrains(t, s.Drains, []Drain{
		{
			LB: "LoadBalancer DrainingELB", Setting: "ConnectionDrainingPolicy.Timeout",
			Delay: set(60*time.Second, f, 14), BeforeStop: true, Targets: targets,
		},
		{
			LB: "LoadBalancer DefaultTimeoutELB", Setting: "ConnectionDrainingPolicy.Timeout",
			Delay: def(300*time.Second, f, 16), BeforeStop: true, Targets: targets,
		},
		{
			LB: "LoadBalancer DisabledELB", Setting: "ConnectionDrainingPolicy",
			Delay: set(0, f, 26), BeforeStop: true, Targets: targets,
		},
		{
			LB: "LoadBalancer PlainELB", Setting: "ConnectionDrainingPolicy",
			Delay: def(0, f, 29), BeforeStop: true, Targets: targets,
		},
	})
	checkStrings(t, "warnings", s.Warnings, nil)
	checkStrings(t, "notes", s.Notes, nil)
}

// TestCloudFormationSAM: a SAM template is a CloudFormation template;
// its ECS resources are read, its functions are not containers.
func TestCloudFormationSAM(t *testing.T) {
	const f = cfnDir + "sam.yaml"
	s := load(t, f)
	checkContainers(t, s.Containers, []Container{{
		Kind: KindECS, Workload: "resize", Name: "resize", Image: "resize:1",
		// The !GetAtt argument is not written out.
		Args:   []string{"/resize", "--queue", ""},
		Source: at(f, 23), StopTimeout: def(30*time.Second, f, 23),
	}})
	checkStrings(t, "warnings", s.Warnings, nil)
}

// TestCloudFormationDetection: what is taken as a template.
func TestCloudFormationDetection(t *testing.T) {
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join("testdata", cfnDir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	tests := []struct {
		name    string
		json    bool
		content string
		want    bool
	}{
		{"service.yaml", false, read("service.yaml"), true},
		{"service.json", true, read("service.json"), true},
		{"sam.yaml", false, read("sam.yaml"), true},
		{"broken.yaml", false, read("broken.yaml"), true},
		{"broken.json", true, read("broken.json"), true},
		{"serverless.yml (resources nested)", false, read("serverless.yml"), false},
		{"GitHub workflow", false, read("workflow.yml"), false},
		{"package.json", true, read("package.json"), false},
		{"ECS task definition", true, read("taskdef.json"), false},
		{"JSON template in a .yaml", false, `{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}`, true},
		{"no version, only Resources", false, "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n", true},
		{"version only", false, "AWSTemplateFormatVersion: 2010-09-09\nDescription: x\n", false},
		{"no AWS:: type", false, "Resources:\n  Q:\n    Type: Custom::Thing\n# AWS::\n", false},
		{"resource without Type", false, "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n  R:\n    Properties: {}\n", false},
		{"Resources not a mapping", false, "Resources: [AWS::SQS::Queue]\n", false},
		{
			"Kubernetes manifest that names AWS:: resources", false,
			"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  Resources: |\n    Type: AWS::SQS::Queue\n", false,
		},
		{"broken YAML that is no template", false, "name: x\n  Resources: [AWS::\n", false},
		{"broken JSON that is no template", true, `{"Resources": "AWS::", }`, false},
		{"JSON list", true, `[{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}]`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got bool
			if tt.json {
				got = isCloudFormationJSON([]byte(tt.content))
			} else {
				got = isCloudFormationYAML([]byte(tt.content))
			}
			if got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestCloudFormationNotTemplates: files that mention templates but are
// not one are read as before: nothing, or an ECS task definition.
func TestCloudFormationNotTemplates(t *testing.T) {
	s := load(t, cfnDir+"serverless.yml", cfnDir+"workflow.yml", cfnDir+"package.json", cfnDir+"taskdef.json")
	const f = cfnDir + "taskdef.json"
	checkContainers(t, s.Containers, []Container{{
		Kind: KindECS, Workload: "billing", Name: "billing", Image: "billing:4",
		Source: at(f, 6), StopTimeout: set(15*time.Second, f, 8),
	}})
	checkDrains(t, s.Drains, nil)
	checkStrings(t, "warnings", s.Warnings, nil)
	checkStrings(t, "notes", s.Notes, nil)
}

// TestCloudFormationUnparsable: a template that does not parse is one
// warning, on one line.
func TestCloudFormationUnparsable(t *testing.T) {
	s := load(t, cfnDir+"broken.yaml", cfnDir+"broken.json")
	checkStrings(t, "warnings", s.Warnings, []string{
		cfnDir + "broken.json:8: CloudFormation template skipped: JSON does not parse: invalid character '}' looking for beginning of object key string",
		// go-yaml reports the start of the mapping the bad line is in.
		cfnDir + "broken.yaml:4: CloudFormation template skipped: YAML does not parse: did not find expected key",
	})
	checkOneLine(t, s)

	tests := []struct {
		name, file, content, warning string
	}{
		{"truncated JSON", "t.json", "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {\n", "t.json:3: CloudFormation template skipped: JSON does not parse: unexpected end of JSON input"},
		{"JSON with a BOM", "t.json", "\xef\xbb\xbf{\"AWSTemplateFormatVersion\": \"2010-09-09\",\n\"Resources\": {}}x\n", "t.json:2: CloudFormation template skipped: JSON does not parse: invalid character 'x' after top-level value"},
		{"tab in YAML", "t.yaml", "AWSTemplateFormatVersion: 2010-09-09\nResources:\n\tQ: {}\n", "t.yaml:3: CloudFormation template skipped: YAML does not parse: found character that cannot start any token"},
		{"alias bomb", "t.yaml", "AWSTemplateFormatVersion: 2010-09-09\n" + strings.TrimPrefix(billionLaughs(), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: lol\n") + "Resources:\n  Q: {Type: AWS::SQS::Queue}\n", "t.yaml:1: CloudFormation template skipped: document contains excessive aliasing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := loadContent(t, tt.file, tt.content)
			checkStrings(t, "warnings", s.Warnings, []string{tt.warning})
			checkOneLine(t, s)
		})
	}
}

// TestCloudFormationDiscover: templates are found by a walk, YAML and
// JSON.
func TestCloudFormationDiscover(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"service.yaml", "service.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", cfnDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, "infra"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "infra", name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Discover(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range s.Drains {
		got = append(got, d.What())
	}
	want := []string{
		"deregistration_delay.timeout_seconds 5s at infra/service.json:46",
		"deregistration_delay.timeout_seconds 5s at infra/service.yaml:35",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("drains:\n  got  %q\n  want %q", got, want)
	}
	if len(s.Containers) != 4 {
		t.Errorf("got %d containers, want 4", len(s.Containers))
	}
}

// TestCloudFormationValues: the intrinsic functions, in both spellings,
// and tags that are no function known here.
func TestCloudFormationValues(t *testing.T) {
	const params = "Parameters:\n  P: {Type: String, Default: \"7\"}\n  N: {Type: Number}\n"
	tests := []struct {
		value string // YAML
		want  string // the value, or "?" and what it is
	}{
		{`5`, "5"},
		{`"5"`, "5"},
		{`!Ref P`, "7"},
		{`{Ref: P}`, "7"},
		{`{"Ref": "P"}`, "7"},
		{`!Ref N`, "? !Ref N (a parameter without a Default)"},
		{`!Ref AWS::Region`, "? !Ref AWS::Region (a pseudo parameter)"},
		{`!Ref Res`, "? !Ref Res (a resource)"},
		{`!Ref Nowhere`, "? !Ref Nowhere (not declared in the template)"},
		{`!Sub "${P}0"`, "70"},
		{`!Sub "${!P}"`, "${P}"},
		{`!Sub "${AWS::StackName}"`, `? !Sub "${AWS::StackName}"`},
		{`{"Fn::Sub": "${P}"}`, "7"},
		{`!Sub ["${X}", {X: 1}]`, "? !Sub"},
		{`!GetAtt Res.Arn`, "? !GetAtt"},
		{`!If [Cond, 1, 2]`, "? !If"},
		{`{"Fn::FindInMap": [M, K, V]}`, "? !FindInMap"},
		{`!SomethingNew 5`, "? !SomethingNew"},
		{`{Ref: P, Other: 1}`, "? not a scalar"},
		{`[1]`, "? not a scalar"},
		{`null`, "? not a scalar"},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			var doc yaml.Node
			src := params + "Resources:\n  Res: {Type: AWS::SQS::Queue}\nValue: " + tt.value + "\n"
			if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
				t.Fatal(err)
			}
			root := doc.Content[0]
			tpl := newCFNTemplate("t.yaml", root)
			s, ok, why := tpl.resolve(get(root, "Value"))
			got := s
			switch {
			case !ok && why == "":
				got = "? not a scalar"
			case !ok:
				got = "? " + why
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCloudFormationDynamicReferences: a template with {{resolve:...}}
// in a templates directory is read, not skipped as a Helm chart.
func TestCloudFormationDynamicReferences(t *testing.T) {
	const f = cfnDir + "templates/api.yaml"
	s := load(t, f)
	checkContainers(t, s.Containers, []Container{{
		Kind: KindECS, Workload: "api", Name: "api", Image: "{{resolve:ssm:/api/image}}",
		Source: at(f, 11), StopTimeout: set(10*time.Second, f, 13),
	}})
	checkStrings(t, "warnings", s.Warnings, nil)
	checkStrings(t, "notes", s.Notes, nil)
}
