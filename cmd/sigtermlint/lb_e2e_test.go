package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// lbWant are the findings on testdata/e2e-lb: a Terraform target group
// draining 5s (var.drain_seconds' default) in front of a 60s WriteTimeout
// (api), a CloudFormation target group with AWS's default 300s in front
// of a 10s WriteTimeout (web), an ALB Ingress to a workload without a
// preStop hook whose program shuts down at once (edge); tidy (Copilot,
// 30s in front of 20s) is clean.
var lbWant = []string{
	"cmd/api/main.go:18:13: the load balancer drains this server for 5s (deregistration_delay 5s at infra/main.tf:12) but its WriteTimeout lets requests run 1m: requests still running when the drain ends are cut on every deploy",
	"cmd/edge/main.go:25:12: Shutdown closes the listener as soon as SIGTERM arrives while Ingress edge -> Service edge still routes to the pod (edge at k8s/edge.yaml:14 has no preStop hook): requests sent in between find the port closed",
	"cmd/web/main.go:20:13: every request ends within 10s (WriteTimeout) but the load balancer drains each task for 300s (the default 300s: TargetGroup WebTargetGroup at cfn/web.yaml:4 sets no deregistration_delay.timeout_seconds): every deploy waits that out per task for nothing; 10s is enough",
}

// TestLoadBalancerE2E runs the built command on testdata/e2e-lb as users
// do, standalone and under go vet, and with deployment files that do not
// read (broken HCL, a negative delay, a 100 MB file), which get one
// warning line each while the lint goes on.
func TestLoadBalancerE2E(t *testing.T) {
	t.Parallel()
	bin := sigtermlint(t)
	dir := testdataDir(t, "e2e-lb")

	t.Run("standalone", func(t *testing.T) {
		t.Parallel()
		r := run(t, dir, bin, "./...")
		got := findingLines(relPaths(dir, r.stderr))
		slices.Sort(got)
		if r.code != 3 || !slices.Equal(got, lbWant) {
			t.Errorf("want exit 3 and\n%s\ngot %q\n%s", strings.Join(lbWant, "\n"), got, r)
		}
		// The delay's line is related information of each drain finding.
		for _, rel := range []string{"infra/main.tf:12:1: \tthe load balancer drains for 5s here", "k8s/edge.yaml:29:1: \trequests come through Ingress edge -> Service edge"} {
			if !strings.Contains(relPaths(dir, r.stderr), rel) {
				t.Errorf("no related line %q in\n%s", rel, r.stderr)
			}
		}
	})

	t.Run("go-vet", func(t *testing.T) {
		t.Parallel()
		r := run(t, dir, goTool(t), "vet", "-vettool="+bin, "./...")
		got := findingLines(relPaths(dir, r.stderr))
		slices.Sort(got)
		if r.code == 0 || !slices.Equal(got, lbWant) {
			t.Errorf("want a non-zero exit and\n%s\ngot %q\n%s", strings.Join(lbWant, "\n"), got, r)
		}
	})

	t.Run("switched-off", func(t *testing.T) {
		t.Parallel()
		r := run(t, dir, bin, "-sigtermlint.disable=drain-delay-too-short,drain-delay-too-long,no-deregistration-wait", "./...")
		if r.code != 0 || findingLines(r.stderr) != nil {
			t.Errorf("want no finding with the three rules off, got\n%s", r)
		}
	})

	t.Run("bad-input", func(t *testing.T) {
		t.Parallel()
		mod := copyModule(t, "e2e-lb")
		write := func(name, content string) {
			t.Helper()
			if err := os.WriteFile(filepath.Join(mod, name), []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		write("infra/broken.tf", "resource \"aws_lb_target_group\" \"x\" {\n  deregistration_delay = \n")
		write("k8s/bad.yaml", strings.Join([]string{
			"apiVersion: apps/v1", "kind: Deployment", "metadata: {name: other}",
			"spec: {template: {metadata: {labels: {app: other}}, spec: {containers: [{name: other, image: acme/other}]}}}",
			"---", "apiVersion: v1", "kind: Service",
			"metadata: {name: other, annotations: {service.beta.kubernetes.io/aws-load-balancer-target-group-attributes: deregistration_delay.timeout_seconds=-30}}",
			"spec: {type: LoadBalancer, selector: {app: other}}", ""}, "\n"))
		big, err := os.Create(filepath.Join(mod, "infra", "huge.tf"))
		if err != nil {
			t.Fatal(err)
		}
		if err := big.Truncate(100 << 20); err != nil {
			t.Fatal(err)
		}
		big.Close()
		r := run(t, mod, bin, "./...")
		got := findingLines(relPaths(mod, r.stderr))
		slices.Sort(got)
		if r.code != 3 || !slices.Equal(got, lbWant) {
			t.Errorf("want exit 3 and the same findings, got %q\n%s", got, r)
		}
		for _, w := range []string{
			"infra/broken.tf:2: HCL does not parse",
			"k8s/bad.yaml:8: Service other: deregistration_delay.timeout_seconds=-30 is not a whole number of seconds",
			"infra/huge.tf: skipped: larger than 10 MiB",
		} {
			n := 0
			for _, l := range strings.Split(r.stderr, "\n") {
				if strings.HasPrefix(l, "sigtermlint: warning: ") && strings.Contains(l, w) {
					n++
				}
			}
			if n != 1 {
				t.Errorf("want one warning line with %q, got %d in\n%s", w, n, r.stderr)
			}
		}
	})
}
