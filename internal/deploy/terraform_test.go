package deploy

import (
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// showTFDrain prints a drain and its targets on one line each, for
// failures.
func showTFDrain(d Drain) string {
	s := fmt.Sprintf("%s %s unknown=%v beforeStop=%v delay=%v default=%v at %s build=%q",
		d.LB, d.Setting, d.Unknown, d.BeforeStop, d.Delay.D, d.Delay.Default, d.Delay.Source, d.Build)
	for _, c := range d.Targets {
		s += "\n      target " + show(c)
	}
	return s
}

func checkTFDrains(t *testing.T, got, want []Drain) {
	t.Helper()
	for i := 0; i < len(got) || i < len(want); i++ {
		switch {
		case i >= len(got):
			t.Errorf("missing drain %d:\n  want %s", i, showTFDrain(want[i]))
		case i >= len(want):
			t.Errorf("extra drain %d:\n  got  %s", i, showTFDrain(got[i]))
		case !reflect.DeepEqual(got[i], want[i]):
			t.Errorf("drain %d:\n  got  %s\n  want %s", i, showTFDrain(got[i]), showTFDrain(want[i]))
		}
	}
}

// A Fargate service module as it is usually written, split across
// files: the target group's drain in front of the task definition's
// container the load_balancer block names.
func TestTerraformFargateModule(t *testing.T) {
	const ecs, alb = "terraform/fargate/ecs.tf", "terraform/fargate/alb.tf"
	api := Container{
		Kind: KindECS, Workload: "shop-api", Name: "api",
		// "${aws_ecr_repository.api.repository_url}:${var.image_tag}" is
		// known only when Terraform runs.
		Image:       "",
		Args:        []string{"/api", "serve"},
		Source:      at(ecs, 15),
		StopTimeout: set(20*time.Second, ecs, 19),
	}
	logRouter := Container{
		Kind: KindECS, Workload: "shop-api", Name: "log-router",
		Image:  "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
		Source: at(ecs, 37),
		// Fargate: the ECS default, at the container.
		StopTimeout: def(30*time.Second, ecs, 37),
	}
	s := load(t, "terraform/fargate")
	checkContainers(t, s.Containers, []Container{api, logRouter})
	// One drain: the unused target group and the listener's reference
	// give none.
	checkTFDrains(t, s.Drains, []Drain{{
		LB: "aws_lb_target_group.api", Setting: "deregistration_delay",
		Delay: set(5*time.Second, alb, 15), BeforeStop: true,
		Targets: []Container{api},
	}})
	if got, want := s.Drains[0].What(), "deregistration_delay 5s at terraform/fargate/alb.tf:15"; got != want {
		t.Errorf("What() = %q, want %q", got, want)
	}
	checkStrings(t, "warnings", s.Warnings, nil)
	checkStrings(t, "notes", s.Notes, nil)

	// Discover finds the same, named from its root.
	d, err := Discover("testdata/terraform/fargate", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Drains) != 1 || d.Drains[0].Delay.Source != at("alb.tf", 15) || len(d.Drains[0].Targets) != 1 ||
		d.Drains[0].Targets[0].Source != at("ecs.tf", 15) || len(d.Containers) != 2 {
		t.Errorf("Discover: drains %+v, containers %+v", d.Drains, d.Containers)
	}
	// The set of programs the drain is in front of.
	if got := s.DrainsOf([]string{"api"}); len(got) != 1 {
		t.Errorf("DrainsOf(api) = %d drains, want 1", len(got))
	}
	if got := s.DrainsOf([]string{"fluent-bit"}); len(got) != 0 {
		t.Errorf("DrainsOf(fluent-bit) = %d drains, want 0", len(got))
	}
}

// The spellings of the draining time, each behind an ECS service of the
// module, and the target group no service uses.
func TestTerraformDrains(t *testing.T) {
	const lb, tasks, svcs = "terraform/variants/lb.tf", "terraform/variants/tasks.tf", "terraform/variants/services.tf"
	web := Container{
		Kind: KindECS, Workload: "web", Name: "web", Image: "registry.example.com/shop/web:1.0",
		Args: []string{"/web"}, Source: at(tasks, 11), StopTimeout: set(45*time.Second, tasks, 14),
	}
	worker := Container{
		Kind: KindECS, Workload: "worker", Name: "worker", Image: "registry.example.com/shop/worker:3.1",
		Command: []string{"/usr/local/bin/worker"}, Args: []string{"run", "--queue=orders"},
		Source: at(tasks, 3), StopTimeout: set(90*time.Second, tasks, 3),
	}
	s := load(t, "terraform/variants")
	checkTFDrains(t, s.Drains, []Drain{
		{
			// Unset: AWS's 300s, at the resource.
			LB: "aws_lb_target_group.defaulted", Setting: "deregistration_delay",
			Delay: def(300*time.Second, lb, 1), BeforeStop: true, Targets: []Container{web},
		},
		{
			// var.delay's default; the service names the family with a
			// revision.
			LB: "aws_lb_target_group.from_var", Setting: "deregistration_delay",
			Delay: set(30*time.Second, lb, 10), BeforeStop: true, Targets: []Container{worker},
		},
		{
			// A variable without a default: not known, and the container
			// whose stopTimeout is not known either is still its target.
			LB: "aws_lb_target_group.no_default", Setting: "deregistration_delay",
			Delay: Duration{Source: at(lb, 15)}, Unknown: true, BeforeStop: true,
			Targets: []Container{{
				Kind: KindECS, Workload: "api", Name: "api", Image: "registry.example.com/shop/api:",
				Source: at(tasks, 32),
			}},
		},
		{
			// "10" through a local; the task definition is a
			// templatefile, so the target is made from the block.
			LB: "aws_alb_target_group.quoted", Setting: "deregistration_delay",
			Delay: set(10*time.Second, lb, 20), BeforeStop: true,
			Targets: []Container{{Kind: KindECS, Workload: "quoted", Name: "app", Source: at(svcs, 36)}},
		},
		{
			LB: "aws_elb.classic", Setting: "connection_draining_timeout",
			Delay: set(60*time.Second, lb, 39), BeforeStop: true, Targets: []Container{web},
		},
		{
			// Draining off: the ELB cuts connections at once.
			LB: "aws_elb.plain", Setting: "connection_draining",
			Delay: def(0, lb, 49), BeforeStop: true, Targets: []Container{web},
		},
	})
	checkStrings(t, "warnings", s.Warnings, []string{
		`terraform/variants/lb.tf:24: deregistration_delay "-5" is not a whole number of seconds: aws_lb_target_group.negative skipped`,
		`terraform/variants/lb.tf:28: deregistration_delay "abc" is not a whole number of seconds: aws_lb_target_group.word skipped`,
		`terraform/variants/tasks.tf:42: stopTimeout 2.5 is not a whole number of seconds: container bad skipped`,
	})
	checkStrings(t, "notes", s.Notes, []string{
		"terraform/variants/lb.tf:15: deregistration_delay = var.drain_seconds not resolved (var.drain_seconds has no default): aws_lb_target_group.no_default skipped",
		`terraform/variants/tasks.tf:26: container_definitions = templatefile("${path.module}/task.json.tpl", { tag = var.... not resolved (templatefile() is not evaluated here): aws_ecs_task_definition.templated skipped`,
		"terraform/variants/tasks.tf:34: stopTimeout = var.drain_seconds not resolved (var.drain_seconds has no default): container api skipped",
	})
	if got, want := s.Drains[5].What(), "the default 0s: aws_elb.plain at terraform/variants/lb.tf:49 sets no connection_draining"; got != want {
		t.Errorf("What() = %q, want %q", got, want)
	}
}

// container_definitions as file(), a heredoc and jsonencode; a
// stopTimeout not known or not whole leaves the container out.
func TestTerraformContainerDefinitions(t *testing.T) {
	const tasks = "terraform/variants/tasks.tf"
	s := load(t, "terraform/variants")
	checkContainers(t, s.Containers, []Container{
		{
			// file(): at the attribute.
			Kind: KindECS, Workload: "worker", Name: "worker", Image: "registry.example.com/shop/worker:3.1",
			Command: []string{"/usr/local/bin/worker"}, Args: []string{"run", "--queue=orders"},
			Source: at(tasks, 3), StopTimeout: set(90*time.Second, tasks, 3),
		},
		{
			// A literal heredoc: at its lines.
			Kind: KindECS, Workload: "web", Name: "web", Image: "registry.example.com/shop/web:1.0",
			Args: []string{"/web"}, Source: at(tasks, 11), StopTimeout: set(45*time.Second, tasks, 14),
		},
		{
			Kind: KindECS, Workload: "web", Name: "sidecar", Image: "envoyproxy/envoy:v1.30",
			Source: at(tasks, 17), StopTimeout: def(30*time.Second, tasks, 17),
		},
	})
}

func TestTerraformBrokenFiles(t *testing.T) {
	s := load(t, "terraform/broken", "terraform/quiet")
	checkStrings(t, "warnings", s.Warnings, []string{
		"terraform/broken/broken.tf:3: HCL does not parse: Invalid expression",
		"terraform/broken/notjson.tf:3: container_definitions JSON does not parse: invalid character '}' looking for beginning of value",
	})
	// The other files of the module are read; the broken file of a
	// directory with nothing to read (quiet/) is not even parsed.
	ok := Container{
		Kind: KindECS, Workload: "ok", Name: "ok", Image: "ok:1",
		Source: at("terraform/broken/main.tf", 7), StopTimeout: set(10*time.Second, "terraform/broken/main.tf", 7),
	}
	checkContainers(t, s.Containers, []Container{ok})
	checkTFDrains(t, s.Drains, []Drain{{
		LB: "aws_lb_target_group.ok", Setting: "deregistration_delay",
		Delay: set(0, "terraform/broken/main.tf", 2), BeforeStop: true, Targets: []Container{ok},
	}})
}

// Every Warning and Note of the Terraform files is one line.
func TestTerraformMessagesOneLine(t *testing.T) {
	s := load(t, "terraform/fargate", "terraform/variants", "terraform/broken", "terraform/quiet")
	for _, w := range s.Warnings {
		if strings.Contains(w.String(), "\n") {
			t.Errorf("warning of several lines: %q", w)
		}
	}
	for _, n := range s.Notes {
		if strings.Contains(n.String(), "\n") {
			t.Errorf("note of several lines: %q", n)
		}
	}
	if len(s.Warnings) == 0 || len(s.Notes) == 0 {
		t.Errorf("got %d warnings and %d notes, want some of each", len(s.Warnings), len(s.Notes))
	}
}

// tfServiceModule is a module whose service puts target group tg in front
// of task definition td, with the given extra text.
func tfServiceModule(delay, containers, extra string) map[string]string {
	return map[string]string{
		"infra/main.tf": `resource "aws_lb_target_group" "tg" {
  deregistration_delay = ` + delay + `
}

resource "aws_ecs_task_definition" "td" {
  family                = "app"
  container_definitions = ` + containers + `
}

resource "aws_ecs_service" "svc" {
  name            = "app"
  task_definition = aws_ecs_task_definition.td.arn
  load_balancer {
    target_group_arn = aws_lb_target_group.tg.arn
    container_name   = "app"
    container_port   = 80
  }
}
`,
		"infra/extra.tf": extra,
	}
}

// What the evaluation resolves, and what it leaves unknown, in a module
// written to a temporary directory.
func TestTerraformEvaluation(t *testing.T) {
	const app = `jsonencode([{ name = "app", image = "app:1", stopTimeout = 5 }])`
	tests := []struct {
		name                   string
		delay, containers      string
		extra                  string
		files                  map[string]string // more files
		wantDelay              time.Duration     // -1: unknown; -2: no drain
		wantStop               time.Duration     // -1: no container
		wantImage              string
		wantWarnings, wantNote string // substrings; "" for none
	}{
		{name: "literal", delay: "7", containers: app, wantDelay: 7 * time.Second, wantStop: 5 * time.Second, wantImage: "app:1"},
		{name: "tonumber of a local", delay: "tonumber(local.d)", containers: app, extra: "locals {\n  d = \"12\"\n}\n", wantDelay: 12 * time.Second, wantStop: 5 * time.Second, wantImage: "app:1"},
		{name: "locals using locals", delay: "local.a", containers: app, extra: "locals {\n  a = local.b + 1\n  b = var.x * 2\n}\nvariable \"x\" {\n  default = 4\n}\n", wantDelay: 9 * time.Second, wantStop: 5 * time.Second, wantImage: "app:1"},
		{name: "lookup and merge", delay: `lookup(merge(var.m, { b = 2 }), "a", 0)`, containers: app, extra: "variable \"m\" {\n  default = { a = 3 }\n}\n", wantDelay: 3 * time.Second, wantStop: 5 * time.Second, wantImage: "app:1"},
		{name: "null is unset", delay: "null", containers: app, wantDelay: AWSDefaultDeregistrationDelay, wantStop: 5 * time.Second, wantImage: "app:1"},
		{name: "locals in a cycle", delay: "local.a", containers: app, extra: "locals {\n  a = local.b\n  b = local.a\n}\n", wantDelay: -1, wantStop: 5 * time.Second, wantImage: "app:1", wantNote: "refers to itself"},
		{name: "undeclared variable", delay: "var.nope", containers: app, wantDelay: -1, wantStop: 5 * time.Second, wantImage: "app:1", wantNote: "deregistration_delay = var.nope not resolved (var.nope is not declared in the module)"},
		{name: "another resource", delay: "aws_ssm_parameter.d.value", containers: app, wantDelay: -1, wantStop: 5 * time.Second, wantImage: "app:1", wantNote: "aws_ssm_parameter.d is known only when Terraform runs"},
		{name: "too large", delay: "local.l5[0]", containers: app, extra: tfDoubling(), wantDelay: -1, wantStop: 5 * time.Second, wantImage: "app:1", wantNote: "the value is too large to evaluate here"},
		{name: "for expression", delay: "[for x in [1] : x][0]", containers: app, wantDelay: -1, wantStop: 5 * time.Second, wantImage: "app:1", wantNote: "for expressions and splats are not evaluated here"},
		{name: "over the maximum", delay: "10000001", containers: app, wantDelay: -2, wantStop: 5 * time.Second, wantImage: "app:1", wantWarnings: "deregistration_delay 10000001 is not a whole number of seconds"},
		{name: "a fraction", delay: "1.5", containers: app, wantDelay: -2, wantStop: 5 * time.Second, wantImage: "app:1", wantWarnings: "deregistration_delay 1.5 is not"},

		{name: "jsonencode of a local", delay: "1", containers: "jsonencode(local.defs)", extra: "locals {\n  defs = [{ name = \"app\", image = \"app:2\", stopTimeout = 8 }]\n}\n", wantDelay: time.Second, wantStop: 8 * time.Second, wantImage: "app:2"},
		{name: "a local jsonencode", delay: "1", containers: "local.defs", extra: "locals {\n  defs = jsonencode([local.app])\n  app = { name = \"app\", image = \"app:3\" }\n}\n", wantDelay: time.Second, wantStop: ECSDefaultStopTimeout, wantImage: "app:3"},
		{name: "jsondecode of a file", delay: "1", containers: `jsonencode(jsondecode(file("defs.json")))`, files: map[string]string{"infra/defs.json": `[{"name": "app", "image": "app:4", "stopTimeout": 6}]`}, wantDelay: time.Second, wantStop: 6 * time.Second, wantImage: "app:4"},
		{name: "a file above the root", delay: "1", containers: `file("../outside.json")`, files: map[string]string{"outside.json": `[{"name": "app"}]`}, wantDelay: time.Second, wantStop: -1, wantNote: "outside the directory read"},
		{name: "a missing file", delay: "1", containers: `file("nope.json")`, wantDelay: time.Second, wantStop: -1, wantNote: "nope.json"},
		{name: "JSON nested too deep", delay: "1", containers: `jsonencode(jsondecode(file("deep.json")))`, files: map[string]string{"infra/deep.json": strings.Repeat("[", 600) + strings.Repeat("]", 600)}, wantDelay: time.Second, wantStop: -1, wantNote: "JSON nests deeper than 512 levels"},
		{name: "stopTimeout as a string", delay: "1", containers: `jsonencode([{ name = "app", stopTimeout = "5" }])`, wantDelay: time.Second, wantStop: -1, wantWarnings: `stopTimeout "5" is not a whole number of seconds: container app skipped`},
		{name: "image with a tag not known", delay: "1", containers: `jsonencode([{ name = "app", image = "registry.example.com/app:${var.tag}" }])`, extra: "variable \"tag\" {}\n", wantDelay: time.Second, wantStop: ECSDefaultStopTimeout, wantImage: "registry.example.com/app:"},
		{name: "image with a repository not known", delay: "1", containers: `jsonencode([{ name = "app", image = "registry.example.com/${var.repo}:1" }])`, extra: "variable \"repo\" {}\n", wantDelay: time.Second, wantStop: ECSDefaultStopTimeout, wantImage: ""},
		{name: "not a string", delay: "1", containers: `[{ name = "app" }]`, wantDelay: time.Second, wantStop: -1, wantWarnings: "container_definitions is not a JSON string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := tfServiceModule(tt.delay, tt.containers, tt.extra)
			for k, v := range tt.files {
				files[k] = v
			}
			root := tree(t, files)
			s, err := Load(root, []string{"infra"})
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case tt.wantDelay == -2:
				if len(s.Drains) != 0 {
					t.Errorf("drains: %s", showTFDrain(s.Drains[0]))
				}
			case len(s.Drains) != 1:
				t.Errorf("got %d drains, want 1", len(s.Drains))
			case tt.wantDelay == -1:
				if !s.Drains[0].Unknown {
					t.Errorf("drain: %s; want unknown", showTFDrain(s.Drains[0]))
				}
			case s.Drains[0].Unknown || s.Drains[0].Delay.D != tt.wantDelay:
				t.Errorf("drain: %s; want %v", showTFDrain(s.Drains[0]), tt.wantDelay)
			}
			switch {
			case tt.wantStop == -1:
				if len(s.Containers) != 0 {
					t.Errorf("containers: %s", show(s.Containers[0]))
				}
			case len(s.Containers) != 1:
				t.Errorf("got %d containers, want 1", len(s.Containers))
			case s.Containers[0].StopTimeout.D != tt.wantStop || s.Containers[0].Image != tt.wantImage || s.Containers[0].Name != "app":
				t.Errorf("container: %s; want stop %v image %q", show(s.Containers[0]), tt.wantStop, tt.wantImage)
			}
			checkContains(t, "warnings", s.Warnings, tt.wantWarnings)
			checkContains(t, "notes", s.Notes, tt.wantNote)
		})
	}
}

// tfDoubling is locals that double a list five times over: each is
// within bounds until the last.
func tfDoubling() string {
	s := "locals {\n  l0 = [" + strings.Repeat(`"xxxxxxxx", `, 1000) + "]\n"
	for i := 1; i <= 5; i++ {
		s += fmt.Sprintf("  l%d = concat(local.l%d, local.l%d, local.l%d, local.l%d, local.l%d, local.l%d, local.l%d, local.l%d)\n", i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	return s + "}\n"
}

func tfManyLines(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "a%d = 1 + 2 - 3 * (4 / 5) > 0 ? [1, -2] : [3]\n", i)
	}
	return b.String()
}

// checkContains checks that there is one message containing want, or
// none when want is "".
func checkContains[T fmt.Stringer](t *testing.T, what string, got []T, want string) {
	t.Helper()
	switch {
	case want == "" && len(got) != 0:
		t.Errorf("%s: got %q, want none", what, got)
	case want != "" && (len(got) != 1 || !strings.Contains(got[0].String(), want)):
		t.Errorf("%s: got %q, want one containing %q", what, got, want)
	}
}

// A task definition that is not Fargate takes the ECS agent's stop
// timeout, as a JSON task definition does.
func TestTerraformAgentDefault(t *testing.T) {
	root := tree(t, map[string]string{
		"ecs.config": "ECS_CONTAINER_STOP_TIMEOUT=2m\n",
		"ec2.tf": `resource "aws_ecs_task_definition" "ec2" {
  family                = "ec2"
  container_definitions = jsonencode([{ name = "a" }])
}
resource "aws_ecs_task_definition" "fargate" {
  family                   = "fargate"
  requires_compatibilities = ["FARGATE"]
  container_definitions    = jsonencode([{ name = "b" }])
}
`,
	})
	s, err := Discover(root, "")
	if err != nil {
		t.Fatal(err)
	}
	checkContainers(t, s.Containers, []Container{
		{Kind: KindECS, Workload: "ec2", Name: "a", Source: at("ec2.tf", 3), StopTimeout: def(2*time.Minute, "ecs.config", 1)},
		{Kind: KindECS, Workload: "fargate", Name: "b", Source: at("ec2.tf", 8), StopTimeout: def(30*time.Second, "ec2.tf", 8)},
	})
}

// Two services on one target group give two drains; two load_balancer
// blocks of one service on one target group give one, with both
// containers.
func TestTerraformOneDrainPerServiceAndTargetGroup(t *testing.T) {
	root := tree(t, map[string]string{"lb.tf": `resource "aws_lb_target_group" "tg" {}
resource "aws_ecs_task_definition" "td" {
  family                = "td"
  container_definitions = jsonencode([{ name = "a" }, { name = "b" }])
}
resource "aws_ecs_service" "one" {
  task_definition = aws_ecs_task_definition.td.family
  load_balancer {
    target_group_arn = aws_lb_target_group.tg.arn
    container_name   = "a"
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.tg.id
    container_name   = "b"
  }
}
resource "aws_ecs_service" "two" {
  task_definition = aws_ecs_task_definition.td.arn
  load_balancer {
    target_group_arn = aws_lb_target_group.tg.arn
    container_name   = var.container
  }
}
variable "container" {}
`})
	s, err := Discover(root, "")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range s.Drains {
		var names []string
		for _, c := range d.Targets {
			names = append(names, c.Name)
		}
		got = append(got, d.LB+" "+strings.Join(names, ","))
	}
	// The second service's container_name is not known: all the task
	// definition's containers.
	want := []string{"aws_lb_target_group.tg a,b", "aws_lb_target_group.tg a,b"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("drains: got %q, want %q", got, want)
	}
}

// A module without any resource read costs a byte search: its broken
// files are not parsed, so they give no warning.
func TestTerraformIgnoresOtherModules(t *testing.T) {
	root := tree(t, map[string]string{
		"net/vpc.tf":     "resource \"aws_vpc\" \"main\" {\n  cidr_block = \n",
		"app/module.tf":  "module \"svc\" {\n  source = \"../svc\"\n}\n",
		"db/variable.tf": "variable \"x\" {\n",
	})
	s, err := Discover(root, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Warnings)+len(s.Notes)+len(s.Drains)+len(s.Containers) != 0 {
		t.Errorf("got %+v, want nothing", s)
	}
}

// Editing the file a task definition reads with file() is seen by the
// Cache.
func TestTerraformCacheSeesFileEdits(t *testing.T) {
	root := tree(t, tfServiceModule("1", `file("defs.json")`, ""))
	writeFile(t, filepath.Join(root, "infra/defs.json"), `[{"name": "app", "stopTimeout": 5}]`)
	first := new(Cache)
	a, _, err := first.Discover(root, "")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(root, "infra/defs.json"), `[{"name": "app", "stopTimeout": 7}]`)
	b, read, err := new(Cache).Discover(root, "")
	if err != nil {
		t.Fatal(err)
	}
	if !read || reflect.DeepEqual(timeouts(a), timeouts(b)) {
		t.Errorf("edited defs.json: read %v, timeouts %v then %v", read, timeouts(a), timeouts(b))
	}
	runtime.KeepAlive(first)
}

// The parser recurses for each level of nesting and each operator, and
// overflows the stack (a fatal error, not a panic) past some ten
// thousand: a file over maxHCLNesting is refused before it is parsed,
// and one just under it parses.
func TestHCLNestingBound(t *testing.T) {
	n := maxHCLNesting
	tests := []struct {
		name string
		src  string
		deep bool
	}{
		{"brackets at the bound", "a = " + strings.Repeat("[", n) + strings.Repeat("]", n), false},
		{"brackets past it", "a = " + strings.Repeat("[", n+1) + strings.Repeat("]", n+1), true},
		{"operators", "a = " + strings.Repeat("1+", n+1) + "1", true},
		{"unary operators", "a = " + strings.Repeat("-", n+1) + "1", true},
		{"conditionals", "a = " + strings.Repeat("true ? 1 : ", n+1) + "1", true},
		{"interpolations", "a = " + strings.Repeat(`"${`, n/2+1) + "1" + strings.Repeat(`}"`, n/2+1), true},
		{"blocks", strings.Repeat("b {\n", n+1) + strings.Repeat("}\n", n+1), true},
		{"splats", "a = x" + strings.Repeat("[*]", n+1), true},
		{"directives", "a = <<EOF\n" + strings.Repeat("%{if true}", n/2+1) + strings.Repeat("%{endif}", n/2+1) + "\nEOF\n", true},
		{"operators on many lines", tfManyLines(2 * n), false},
		{"operators in many elements", "a = [" + strings.Repeat("1 + 2 + 3, ", 2*n) + "]", false},
		{"a real file", "resource \"x\" \"y\" {\n  a = { b = [for k, v in var.m : \"${k}=${v}\" if v != \"\"] }\n}\n", false},
	}
	for _, tt := range tests {
		_, deep := hclTooDeep([]byte(tt.src), "x.tf")
		if deep != tt.deep {
			t.Errorf("%s: hclTooDeep = %v, want %v", tt.name, deep, tt.deep)
		}
		if !deep {
			if _, diags := hclsyntax.ParseConfig([]byte(tt.src), "x.tf", hcl.InitialPos); diags.HasErrors() {
				t.Errorf("%s: does not parse: %v", tt.name, diags)
			}
		}
	}
	root := tree(t, map[string]string{"deep.tf": "resource \"aws_ecs_service\" \"x\" {\n  a = " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n}\n"})
	s, err := Discover(root, "")
	if err != nil {
		t.Fatal(err)
	}
	checkStrings(t, "warnings", s.Warnings, []string{"deep.tf:2: HCL nests deeper than 1000 levels: skipped"})
}
