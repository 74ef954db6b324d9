package stoptimeout

import (
	"strings"
	"testing"
	"time"

	"github.com/sigtermlint/sigtermlint/internal/deploy"
)

func k8s(name string, grace time.Duration, preStop time.Duration, line int) deploy.Container {
	c := deploy.Container{Kind: deploy.KindKubernetes, Object: "Deployment", Workload: name, Name: name, Image: "example.com/acme/" + name + ":1",
		StopTimeout: deploy.Duration{D: grace, Source: deploy.Source{File: "deploy/k8s.yaml", Line: line}}}
	if preStop > 0 {
		c.PreStop = &deploy.Duration{D: preStop, Source: deploy.Source{File: "deploy/k8s.yaml", Line: line + 5}}
	}
	return c
}

func TestFromManifests(t *testing.T) {
	composeDefault := deploy.Container{Kind: deploy.KindCompose, Workload: "db", Name: "db",
		StopTimeout: deploy.Duration{D: 10 * time.Second, Default: true, Source: deploy.Source{File: "compose.yaml", Line: 3}}}
	for _, tc := range []struct {
		name       string
		containers []deploy.Container
		want       time.Duration
		wantSource string
		wantLine   int
	}{
		{"one match, preStop subtracted", []deploy.Container{k8s("api", 25*time.Second, 5*time.Second, 10), k8s("other", 5*time.Second, 0, 30)},
			20 * time.Second, "terminationGracePeriodSeconds 25s at deploy/k8s.yaml:10 minus preStop sleep 5s at deploy/k8s.yaml:15", 10},
		{"several matches: the smallest", []deploy.Container{k8s("api", 60*time.Second, 0, 10), k8s("api", 40*time.Second, 0, 30)},
			40 * time.Second, "terminationGracePeriodSeconds 40s at deploy/k8s.yaml:30; the smallest of 2 deployments of api", 30},
		{"no match: the smallest, compose's unset default left out", []deploy.Container{k8s("web", 45*time.Second, 0, 10), k8s("jobs", 35*time.Second, 0, 30), composeDefault},
			35 * time.Second, "terminationGracePeriodSeconds 35s at deploy/k8s.yaml:30; the smallest of 2 deployments, none naming api", 30},
		{"compose default counts when it runs the program", []deploy.Container{{Kind: deploy.KindCompose, Workload: "api", Name: "api",
			StopTimeout: deploy.Duration{D: 10 * time.Second, Default: true, Source: deploy.Source{File: "compose.yaml", Line: 3}}}},
			10 * time.Second, "stop_grace_period 10s (compose's default) at compose.yaml:3", 3},
		{"ECS default", []deploy.Container{{Kind: deploy.KindECS, Workload: "api", Name: "api",
			StopTimeout: deploy.Duration{D: 30 * time.Second, Default: true, Source: deploy.Source{File: "taskdef.json", Line: 4}}}},
			30 * time.Second, "stop timeout 30s (no stopTimeout: the agent's or ECS's default) at taskdef.json:4", 4},
		{"Knative", []deploy.Container{{Kind: deploy.KindKubernetes, Object: "Service", Workload: "api", Name: "user-container", Image: "example.com/api",
			StopTimeout: deploy.Duration{D: 300 * time.Second, Default: true, Source: deploy.Source{File: "ksvc.yaml", Line: 8}}}},
			300 * time.Second, "timeoutSeconds 300s (Knative's default) at ksvc.yaml:8", 8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := FromManifests(&deploy.Set{Containers: tc.containers}, "/repo", "api")
			if !ok {
				t.Fatal("no timeout")
			}
			if got.D != tc.want || got.Source != tc.wantSource {
				t.Errorf("got %v %q, want %v %q", got.D, got.Source, tc.want, tc.wantSource)
			}
			if got.Manifest == nil || got.Manifest.Line != tc.wantLine || !strings.HasPrefix(got.Manifest.File, "/repo/") {
				t.Errorf("manifest position %+v, want line %d under /repo", got.Manifest, tc.wantLine)
			}
		})
	}
	only, ok := FromManifests(&deploy.Set{Containers: []deploy.Container{k8s("web", 45*time.Second, 0, 10)}}, "/repo", "api")
	if !ok || only.D != 45*time.Second || !strings.HasSuffix(only.Source, "; the only deployment, which does not name api") {
		t.Errorf("one deployment naming another program: got %v %q, want 45s, saying so", only.D, only.Source)
	}
	if _, ok := FromManifests(&deploy.Set{Containers: []deploy.Container{composeDefault}}, "/repo", "api"); ok {
		t.Error("only another program's compose default: want no timeout")
	}
	if _, ok := FromManifests(nil, "", "api"); ok {
		t.Error("nil set: want no timeout")
	}
}

// The parts of the timeout a timeline shows: the grace period as the
// setting, and the preStop sleep apart from it.
func TestFromManifestsTimeline(t *testing.T) {
	got, ok := FromManifests(&deploy.Set{Containers: []deploy.Container{k8s("api", 25*time.Second, 5*time.Second, 10)}}, "/repo", "api")
	if !ok {
		t.Fatal("no timeout")
	}
	if got.Origin != OriginManifest || got.Setting != "terminationGracePeriodSeconds 25s" {
		t.Errorf("origin %v setting %q, want OriginManifest and terminationGracePeriodSeconds 25s", got.Origin, got.Setting)
	}
	if got.PreStop == nil || got.PreStop.D != 5*time.Second || got.PreStop.At.File != "/repo/deploy/k8s.yaml" || got.PreStop.At.Line != 15 {
		t.Errorf("preStop %+v, want 5s at /repo/deploy/k8s.yaml:15", got.PreStop)
	}
	if got.Grace != 25*time.Second || got.KillAfter() != 25*time.Second || got.D != 20*time.Second {
		t.Errorf("grace %v, kill after %v, budget %v: want 25s, 25s, 20s", got.Grace, got.KillAfter(), got.D)
	}

	plain, _ := FromManifests(&deploy.Set{Containers: []deploy.Container{k8s("api", 40*time.Second, 0, 10), k8s("api", 60*time.Second, 0, 30)}}, "/repo", "api")
	if plain.PreStop != nil || plain.Grace != 0 || plain.KillAfter() != 40*time.Second {
		t.Errorf("no preStop: got preStop %+v, grace %v, kill after %v; want none, 0, 40s", plain.PreStop, plain.Grace, plain.KillAfter())
	}
	if want := "terminationGracePeriodSeconds 40s; the smallest of 2 deployments of api"; plain.Setting != want {
		t.Errorf("setting %q, want %q", plain.Setting, want)
	}
}

func TestFromManifestsLeavesOut(t *testing.T) {
	patch := k8s("api", 30*time.Second, 0, 40)
	patch.Image = "" // a kustomize patch
	base := k8s("api", 60*time.Second, 0, 10)
	got, ok := FromManifests(&deploy.Set{Containers: []deploy.Container{base, patch}}, "/repo", "api")
	if !ok || got.D != 60*time.Second {
		t.Errorf("base and an image-less patch: got %v %v, want the base's 60s", got.D, ok)
	}
	redis := k8s("redis", 10*time.Second, 0, 5)
	redis.Image = "redis:7"
	skipped := &deploy.Set{Containers: []deploy.Container{redis}, Notes: []deploy.Note{{Source: deploy.Source{File: "chart/templates/web.yaml", Line: 3}}}}
	if got, ok := FromManifests(skipped, "/repo", "web"); ok {
		t.Errorf("no match and a skipped template: got %v, want no timeout", got.D)
	}
}
