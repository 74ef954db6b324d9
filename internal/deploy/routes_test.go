package deploy

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// showDrainLine prints a drain on one line for comparisons.
func showDrainLine(d Drain) string {
	s := fmt.Sprintf("%s %s=%s", d.LB, d.Setting, Seconds(d.Delay.D))
	switch {
	case d.Unknown:
		s = fmt.Sprintf("%s %s=unknown", d.LB, d.Setting)
	case d.Delay.Default:
		s += " (default)"
	}
	s += " at " + d.Delay.Source.String()
	if d.BeforeStop {
		s += " before-stop"
	}
	var names []string
	for _, c := range d.Targets {
		names = append(names, c.Workload+"/"+c.Name)
	}
	s += " -> " + strings.Join(names, ",")
	if d.Build != "" {
		s += " build=" + d.Build
	}
	return s
}

func showDrains(ds []Drain) []string {
	var out []string
	for _, d := range ds {
		out = append(out, showDrainLine(d))
	}
	return out
}

func showRoutes(rs []Route) []string {
	var out []string
	for _, r := range rs {
		var names []string
		for _, c := range r.Targets {
			names = append(names, c.Workload+"/"+c.Name)
		}
		out = append(out, fmt.Sprintf("%s at %s -> %s", r.Via, r.Source, strings.Join(names, ",")))
	}
	return out
}

func TestKubernetesDrains(t *testing.T) {
	for _, tc := range []struct {
		dir      string
		drains   []string
		routes   []string
		warnings []string
		notes    int
	}{
		{
			dir:    "lb/k8s-alb",
			drains: []string{"Ingress shop deregistration_delay.timeout_seconds=5s at lb/k8s-alb/app.yaml:59 -> api/api"},
			routes: []string{"Ingress shop -> Service api at lb/k8s-alb/app.yaml:52 -> api/api"},
		},
		{
			// The controller's NLB for a Service of type LoadBalancer,
			// no attributes: AWS's 300s. The second Service routes
			// nothing from outside.
			dir:    "lb/k8s-nlb",
			drains: []string{"Service gateway deregistration_delay.timeout_seconds=300s (default) at lb/k8s-nlb/svc.yaml:16 -> gateway/gateway"},
			routes: []string{"Service gateway (type LoadBalancer) at lb/k8s-nlb/svc.yaml:16 -> gateway/gateway"},
		},
		{
			dir:    "lb/gke",
			drains: []string{"BackendConfig web-backend connectionDraining.drainingTimeoutSec=60s at lb/gke/app.yaml:21 -> web/web"},
			routes: []string{"Ingress web -> Service web at lb/gke/app.yaml:37 -> web/web"},
		},
		{
			// A kustomize base and its overlays: the base Ingress (no
			// attributes, AWS's default) and the prod overlay's patch
			// (20s) each give a drain; the dev overlay's Deployment patch
			// (no image) is no workload.
			dir: "lb/kustomize",
			drains: []string{
				"Ingress api deregistration_delay.timeout_seconds=300s (default) at lb/kustomize/base/ingress.yaml:2 -> api/api",
				"Ingress api deregistration_delay.timeout_seconds=20s at lb/kustomize/overlays/prod/ingress-patch.yaml:6 -> api/api",
			},
			routes: []string{"Ingress api -> Service api at lb/kustomize/base/ingress.yaml:2 -> api/api"},
		},
		{
			// An unrendered chart: a note, nothing guessed.
			dir:   "lb/helm",
			notes: 1,
		},
		{
			// A negative and a non-numeric delay: one line each, and the
			// Ingress that routes to no workload is not read further.
			dir: "lb/k8s-bad",
			warnings: []string{
				"lb/k8s-bad/app.yaml:20: Service api: deregistration_delay.timeout_seconds=-5 is not a whole number of seconds: the delay is not read",
			},
			routes: []string{"Ingress api -> Service api at lb/k8s-bad/app.yaml:26 -> api/api"},
		},
	} {
		t.Run(tc.dir, func(t *testing.T) {
			s := load(t, tc.dir)
			if got := showDrains(s.Drains); !slices.Equal(got, tc.drains) {
				t.Errorf("drains:\n got %q\nwant %q", got, tc.drains)
			}
			if got := showRoutes(s.Routes); !slices.Equal(got, tc.routes) {
				t.Errorf("routes:\n got %q\nwant %q", got, tc.routes)
			}
			var warnings []string
			for _, w := range s.Warnings {
				warnings = append(warnings, w.String())
				if strings.Contains(w.String(), "\n") {
					t.Errorf("warning is not one line: %q", w)
				}
			}
			if !slices.Equal(warnings, tc.warnings) {
				t.Errorf("warnings:\n got %q\nwant %q", warnings, tc.warnings)
			}
			if len(s.Notes) != tc.notes {
				t.Errorf("notes: got %v, want %d", s.Notes, tc.notes)
			}
		})
	}
}

func TestCopilotDrains(t *testing.T) {
	s := load(t, "lb/copilot-ws")
	want := []string{
		"copilot service api http.deregistration_delay=5s at lb/copilot-ws/copilot/api/manifest.yml:8 before-stop -> api/api build=lb/copilot-ws/cmd/api/Dockerfile",
		"copilot service api (environment prod) http.deregistration_delay=30s at lb/copilot-ws/copilot/api/manifest.yml:22 before-stop -> api/api build=lb/copilot-ws/cmd/api/Dockerfile",
		"copilot service web http.deregistration_delay=60s (default) at lb/copilot-ws/copilot/web/manifest.yml:3 before-stop -> web/web",
	}
	if got := showDrains(s.Drains); !slices.Equal(got, want) {
		t.Errorf("drains:\n got %q\nwant %q", got, want)
	}
	if len(s.Warnings) != 0 {
		t.Errorf("warnings: %v", s.Warnings)
	}
	// The api program (built by cmd/api/Dockerfile as /api) is behind
	// the api service's drains, through the Dockerfile and its name.
	names := s.BinaryNames(Program{Name: "api", Dir: "cmd/api", ImportPath: "example.com/shop/cmd/api"})
	if got := showDrains(s.DrainsOf(names)); len(got) != 2 {
		t.Errorf("DrainsOf(%q) = %q, want the api service's two", names, got)
	}
	if got := s.DrainsOf([]string{"worker"}); len(got) != 0 {
		t.Errorf("DrainsOf(worker) = %q: a Backend Service without http has no load balancer", showDrains(got))
	}

	bad := load(t, "lb/copilot-bad")
	if len(bad.Drains) != 0 || len(bad.Warnings) != 1 || !strings.Contains(bad.Warnings[0].String(), `manifest.yml:5: http.deregistration_delay "soon" is not a duration`) {
		t.Errorf("bad delay: drains %q, warnings %v", showDrains(bad.Drains), bad.Warnings)
	}
}

// TestApplyingSkipsECSDefaults: an ECS container that sets no stop
// timeout (the Terraform task definition of another service) is not a
// program's deployment unless it runs it; one that sets stopTimeout is
// still taken when nothing names the program.
func TestApplyingSkipsECSDefaults(t *testing.T) {
	other := Container{Kind: KindECS, Name: "worker", Source: at("infra/main.tf", 20)}
	other.StopTimeout = Duration{D: ECSDefaultStopTimeout, Default: true, Source: other.Source}
	s := &Set{Containers: []Container{other}}
	if cs, named := s.Applying("api"); named || len(cs) != 0 {
		t.Errorf("Applying(api) = %d containers, named %v; want none", len(cs), named)
	}
	if cs, named := s.Applying("worker"); !named || len(cs) != 1 {
		t.Errorf("Applying(worker) = %d containers, named %v; want the worker", len(cs), named)
	}
	other.StopTimeout = set(20*time.Second, "infra/main.tf", 24)
	s = &Set{Containers: []Container{other}}
	if cs, named := s.Applying("api"); named || len(cs) != 1 {
		t.Errorf("with stopTimeout set: Applying(api) = %d containers, named %v; want the only deployment", len(cs), named)
	}
}

// TestCopilotNestedModule: the Go module is backend/ of a Copilot
// workspace whose manifest builds ./backend/Dockerfile, which builds the
// program from a file argument (go build -o backend-main
// ./cmd/main/main.go): searched from the workspace and named from the
// module, the drain is the program's.
func TestCopilotNestedModule(t *testing.T) {
	root := filepath.Join("testdata", "lb", "copilot-nested")
	s, err := Discover(root, filepath.Join(root, "backend"))
	if err != nil {
		t.Fatal(err)
	}
	names := s.BinaryNames(Program{Name: "main", Dir: "cmd/main", ImportPath: "backend/cmd/main"})
	if !slices.Contains(names, "backend-main") {
		t.Errorf("BinaryNames = %q, want backend-main among them", names)
	}
	got := showDrains(s.DrainsOf(names))
	want := []string{"copilot service api http.deregistration_delay=10s at ../copilot/api/manifest.yml:5 before-stop -> api/api build=Dockerfile"}
	if !slices.Equal(got, want) {
		t.Errorf("DrainsOf(%q):\n got %q\nwant %q", names, got, want)
	}
}

// TestBinaryNamesOutsideModule: a Dockerfile outside the module (a
// monorepo's other service, searched from the repository root) that
// builds its own "." does not name the module's root program.
func TestBinaryNamesOutsideModule(t *testing.T) {
	p := Program{Name: "gateway", Dir: ".", ImportPath: "example.com/gateway"}
	build := func(file string, pkgs ...string) Dockerfile {
		return Dockerfile{Source: at(file, 1), Builds: []GoBuild{{Output: "/app", Packages: pkgs, ContextAtDir: true}}}
	}
	s := &Set{Dockerfiles: []Dockerfile{build("../other/Dockerfile", ".")}}
	if names := s.BinaryNames(p); !slices.Equal(names, []string{"gateway"}) {
		t.Errorf("outside, go build .: names %q, want only gateway", names)
	}
	s = &Set{Dockerfiles: []Dockerfile{build("../other/Dockerfile", "example.com/gateway")}}
	if names := s.BinaryNames(p); !slices.Equal(names, []string{"gateway", "app"}) {
		t.Errorf("outside, go build example.com/gateway: names %q, want gateway and app", names)
	}
	s = &Set{Dockerfiles: []Dockerfile{build("Dockerfile", ".")}}
	if names := s.BinaryNames(p); !slices.Equal(names, []string{"gateway", "app"}) {
		t.Errorf("inside, go build .: names %q, want gateway and app", names)
	}
}
