package deploy

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// The annotations that carry a load balancer's draining time on
// Kubernetes: the AWS Load Balancer Controller's target group attributes
// (on an Ingress, and on the Service it routes to, which wins), and GKE's
// BackendConfig reference.
const (
	albIngressAttributes = "alb.ingress.kubernetes.io/target-group-attributes"
	nlbServiceAttributes = "service.beta.kubernetes.io/aws-load-balancer-target-group-attributes"
	awsLBType            = "service.beta.kubernetes.io/aws-load-balancer-type"
	gkeBackendConfig     = "cloud.google.com/backend-config"
	gkeBackendConfigBeta = "beta.cloud.google.com/backend-config"
	// deregistrationDelay is the target group attribute of the draining
	// time (CloudFormation's TargetGroupAttributes use it too).
	deregistrationDelay = "deregistration_delay.timeout_seconds"
)

// annotation is a metadata annotation's value and line.
type annotation struct {
	value string
	line  int
}

// k8sMeta is what Services, Ingresses and BackendConfigs are linked by.
type k8sMeta struct {
	kind, name, ns string
	annotations    map[string]annotation
	Source
}

type k8sService struct {
	k8sMeta
	selector     map[string]string
	loadBalancer bool   // type: LoadBalancer
	class        string // spec.loadBalancerClass
}

type k8sIngress struct {
	k8sMeta
	class    string   // spec.ingressClassName
	services []string // the backends' service names
}

type backendConfig struct {
	k8sMeta
	draining Duration
	ok       bool // draining read (a bad value is warned about and left out)
}

// k8sRouting holds the routing objects read, linked in finishKubernetes.
type k8sRouting struct {
	services  []k8sService
	ingresses []k8sIngress
	backends  []backendConfig
}

// meta reads an object's kind, name, namespace and annotations.
func meta(file, kind string, obj *yaml.Node) k8sMeta {
	md := get(obj, "metadata")
	m := k8sMeta{kind: kind, name: str(md, "name"), ns: str(md, "namespace"), Source: Source{file, obj.Line}}
	if k, _ := lookup(obj, "kind"); k != nil {
		m.Line = k.Line
	}
	if ann := get(md, "annotations"); ann != nil && ann.Kind == yaml.MappingNode {
		m.annotations = map[string]annotation{}
		for i := 0; i+1 < len(ann.Content); i += 2 {
			k := deref(ann.Content[i])
			if v, ok := scalar(ann.Content[i+1]); ok && k != nil {
				m.annotations[k.Value] = annotation{v, k.Line}
			}
		}
	}
	return m
}

// routingObject reads a Service, an Ingress or a BackendConfig; false
// for other objects.
func (r *reader) routingObject(file, apiVersion, kind string, obj *yaml.Node) bool {
	group := ""
	if i := strings.LastIndex(apiVersion, "/"); i >= 0 {
		group = apiVersion[:i]
	}
	switch {
	case kind == "Service" && group == "":
		spec := get(obj, "spec")
		s := k8sService{k8sMeta: meta(file, kind, obj), selector: stringMap(get(spec, "selector")),
			loadBalancer: str(spec, "type") == "LoadBalancer", class: str(spec, "loadBalancerClass")}
		r.k8s.services = append(r.k8s.services, s)
	case kind == "Ingress" && (group == "networking.k8s.io" || group == "extensions"):
		spec := get(obj, "spec")
		in := k8sIngress{k8sMeta: meta(file, kind, obj), class: str(spec, "ingressClassName")}
		in.services = ingressBackends(spec)
		r.k8s.ingresses = append(r.k8s.ingresses, in)
	case kind == "BackendConfig" && strings.HasSuffix(group, "cloud.google.com"):
		b := backendConfig{k8sMeta: meta(file, kind, obj)}
		b.draining = Duration{D: GKEDefaultDrainingTimeout, Default: true, Source: b.Source}
		b.ok = true
		if k, v := getPath(obj, "spec", "connectionDraining", "drainingTimeoutSec"); v != nil {
			d, ok := intSeconds(v)
			if !ok {
				r.warn(file, line(k, v), "connectionDraining.drainingTimeoutSec %q is not a whole number of seconds: BackendConfig %s skipped", v.Value, b.name)
				b.ok = false
			} else {
				b.draining = Duration{D: d, Source: Source{file, line(k, v)}}
			}
		}
		r.k8s.backends = append(r.k8s.backends, b)
	default:
		return false
	}
	return true
}

// stringMap reads a mapping of scalars.
func stringMap(n *yaml.Node) map[string]string {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	out := map[string]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, ok1 := scalar(n.Content[i])
		v, ok2 := scalar(n.Content[i+1])
		if ok1 && ok2 {
			out[k] = v
		}
	}
	return out
}

// ingressBackends returns the names of the Services an Ingress spec
// routes to (networking.k8s.io/v1 service.name, and the older
// serviceName).
func ingressBackends(spec *yaml.Node) []string {
	var out []string
	add := func(b *yaml.Node) {
		name := str(get(b, "service"), "name")
		if name == "" {
			name = str(b, "serviceName")
		}
		if name != "" && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	if b := get(spec, "defaultBackend"); b != nil {
		add(b)
	}
	if b := get(spec, "backend"); b != nil {
		add(b)
	}
	rules := get(spec, "rules")
	if rules == nil || rules.Kind != yaml.SequenceNode {
		return out
	}
	for _, rule := range rules.Content {
		paths := get(get(rule, "http"), "paths")
		if paths == nil || paths.Kind != yaml.SequenceNode {
			continue
		}
		for _, p := range paths.Content {
			add(get(p, "backend"))
		}
	}
	return out
}

// sameNamespace: an object without a namespace is applied to whatever
// namespace kubectl or kustomize is given, so it meets any other.
func sameNamespace(a, b string) bool { return a == "" || b == "" || a == b }

// isPatch reports whether a routing object is a kustomize patch: a
// Service without a selector or an Ingress without backends, whose
// annotations apply to the object of the same name.
func (s k8sService) isPatch() bool  { return len(s.selector) == 0 }
func (in k8sIngress) isPatch() bool { return len(in.services) == 0 }

// overlay returns m's annotations with a patch's on top.
func overlay(m, patch k8sMeta) k8sMeta {
	out := m
	out.annotations = map[string]annotation{}
	for k, v := range m.annotations {
		out.annotations[k] = v
	}
	for k, v := range patch.annotations {
		out.annotations[k] = v
	}
	out.File = patch.File // the patch's file is where the values come from
	out.Line = patch.Line
	return out
}

// variants returns an object and, for each kustomize patch of it (same
// kind and name), the object as the patch leaves it: one per overlay.
func variants(m k8sMeta, patches []k8sMeta) []k8sMeta {
	out := []k8sMeta{m}
	for _, p := range patches {
		if p.name == m.name && sameNamespace(p.ns, m.ns) {
			out = append(out, overlay(m, p))
		}
	}
	return out
}

// finishKubernetes links Ingresses to Services and Services to the
// workloads their selectors match, giving Routes and Drains.
func (r *reader) finishKubernetes() {
	k := &r.k8s
	var svcPatches, ingPatches []k8sMeta
	for _, s := range k.services {
		if s.isPatch() {
			svcPatches = append(svcPatches, s.k8sMeta)
		}
	}
	for _, in := range k.ingresses {
		if in.isPatch() {
			ingPatches = append(ingPatches, in.k8sMeta)
		}
	}
	for _, s := range k.services {
		if s.isPatch() {
			continue
		}
		targets := r.selected(s)
		if len(targets) == 0 {
			continue
		}
		for _, sv := range variants(s.k8sMeta, svcPatches) {
			if s.loadBalancer {
				r.set.Routes = append(r.set.Routes, Route{Via: "Service " + s.name + " (type LoadBalancer)", Source: s.Source, Targets: targets})
				if isAWSServiceLB(sv, s.class) {
					r.awsDrain(sv, nil, nlbServiceAttributes, targets)
				}
			}
			for _, in := range k.ingresses {
				if in.isPatch() || !slices.Contains(in.services, s.name) || !sameNamespace(in.ns, s.ns) {
					continue
				}
				if sv.Source == s.Source {
					r.set.Routes = append(r.set.Routes, Route{Via: "Ingress " + in.name + " -> Service " + s.name, Source: in.Source, Targets: targets})
				}
				for _, iv := range variants(in.k8sMeta, ingPatches) {
					if isALB(iv, in.class) {
						r.awsDrain(sv, &iv, albIngressAttributes, targets)
					}
				}
				r.gkeDrain(sv, in, targets)
			}
		}
	}
}

// selected returns the workload containers a Service's selector matches
// (patches without an image left out).
func (r *reader) selected(s k8sService) []Container {
	var out []Container
	for _, c := range r.set.Containers {
		if c.Kind != KindKubernetes || c.Image == "" || c.Labels == nil || !sameNamespace(c.Namespace, s.ns) {
			continue
		}
		match := true
		for k, v := range s.selector {
			if c.Labels[k] != v {
				match = false
				break
			}
		}
		if match {
			out = append(out, c)
		}
	}
	return out
}

// isALB reports whether an Ingress is served by the AWS Load Balancer
// Controller.
func isALB(in k8sMeta, class string) bool {
	if class == "alb" || in.annotations["kubernetes.io/ingress.class"].value == "alb" {
		return true
	}
	for k := range in.annotations {
		if strings.HasPrefix(k, "alb.ingress.kubernetes.io/") {
			return true
		}
	}
	return false
}

// isAWSServiceLB reports whether a Service of type LoadBalancer gets an
// NLB with target groups from the AWS Load Balancer Controller.
func isAWSServiceLB(s k8sMeta, class string) bool {
	if class == "service.k8s.aws/nlb" {
		return true
	}
	switch s.annotations[awsLBType].value {
	case "external", "nlb-ip":
		return true
	}
	_, ok := s.annotations[nlbServiceAttributes]
	return ok
}

// awsDrain adds the drain of an AWS target group. The attributes come
// from one annotation: the Service's when it has one (the controller
// reads a backend Service's annotations over the Ingress's), else the
// Ingress's (key); when the one that applies does not set the delay, the
// default does.
func (r *reader) awsDrain(svc k8sMeta, in *k8sMeta, key string, targets []Container) {
	lb := svc
	svcKey := nlbServiceAttributes
	if in != nil {
		lb, svcKey = *in, albIngressAttributes
	}
	d := Drain{LB: lb.kind + " " + lb.name, Setting: deregistrationDelay, Targets: targets,
		Delay: Duration{D: AWSDefaultDeregistrationDelay, Default: true, Source: lb.Source}}
	holder, a, ok := svc, svc.annotations[svcKey], false
	if _, ok = svc.annotations[svcKey]; !ok && in != nil {
		holder = *in
		a, ok = in.annotations[key]
	}
	if ok {
		at := Source{holder.File, a.line}
		delay, found, problem := targetGroupDelay(a.value)
		switch {
		case problem != "":
			r.warn(at.File, at.Line, "%s: %s", holder.kind+" "+holder.name, problem)
			return
		case isTemplated(a.value):
			d.Unknown, d.Delay = true, Duration{Source: at}
		case found:
			d.Delay = Duration{D: delay, Source: at}
		}
	}
	r.set.Drains = append(r.set.Drains, d)
}

// isTemplated reports whether a value is a placeholder a tool fills in
// (Helm or kustomize-style {{ }}, envsubst's ${}).
func isTemplated(v string) bool { return strings.Contains(v, "{{") || strings.Contains(v, "${") }

// targetGroupDelay reads deregistration_delay.timeout_seconds from a
// target group attributes annotation ("key=value,key=value").
func targetGroupDelay(attrs string) (d time.Duration, found bool, problem string) {
	for _, kv := range strings.Split(attrs, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(kv), "=")
		if strings.TrimSpace(k) != deregistrationDelay {
			continue
		}
		v = strings.TrimSpace(v)
		if isTemplated(v) {
			return 0, false, ""
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 || n > maxSeconds {
			return 0, false, fmt.Sprintf("%s=%s is not a whole number of seconds: the delay is not read", deregistrationDelay, v)
		}
		return time.Duration(n) * time.Second, true, ""
	}
	return 0, false, ""
}

// gkeDrain adds the drain of a GKE Ingress backend whose Service names a
// BackendConfig (cloud.google.com/backend-config: {"default": "name"} or
// {"ports": {"80": "name"}}): its connectionDraining.drainingTimeoutSec,
// or GKE's default, no draining.
func (r *reader) gkeDrain(svc k8sMeta, in k8sIngress, targets []Container) {
	if c := in.class; c == "" {
		c = in.annotations["kubernetes.io/ingress.class"].value
		if c != "" && c != "gce" && c != "gce-internal" {
			return // another controller's Ingress: the BackendConfig does not apply
		}
	} else if c != "gce" && c != "gce-internal" {
		return
	}
	a, ok := svc.annotations[gkeBackendConfig]
	if !ok {
		a, ok = svc.annotations[gkeBackendConfigBeta]
	}
	if !ok {
		return
	}
	var ref struct {
		Default string            `json:"default"`
		Ports   map[string]string `json:"ports"`
	}
	if err := json.Unmarshal([]byte(a.value), &ref); err != nil {
		r.warn(svc.File, a.line, "Service %s: %s is not JSON: %v", svc.name, gkeBackendConfig, err)
		return
	}
	names := []string{}
	if ref.Default != "" {
		names = append(names, ref.Default)
	}
	ports := make([]string, 0, len(ref.Ports))
	for p := range ref.Ports {
		ports = append(ports, p)
	}
	sort.Strings(ports)
	for _, p := range ports {
		if n := ref.Ports[p]; !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	for _, n := range names {
		for _, b := range r.k8s.backends {
			if b.name != n || !sameNamespace(b.ns, svc.ns) || !b.ok {
				continue
			}
			r.set.Drains = append(r.set.Drains, Drain{LB: "BackendConfig " + b.name, Setting: "connectionDraining.drainingTimeoutSec",
				Delay: b.draining, Targets: targets})
		}
	}
}
