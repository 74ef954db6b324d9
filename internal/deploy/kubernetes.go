package deploy

import (
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/sigtermlint/sigtermlint/internal/signals"
)

// isK8sObject reports whether a mapping has a scalar apiVersion and kind.
func isK8sObject(m *yaml.Node) bool {
	api, ok1 := scalar(get(m, "apiVersion"))
	kind, ok2 := scalar(get(m, "kind"))
	return ok1 && ok2 && api != "" && kind != ""
}

// podSpecPath returns the keys from an object to its pod spec, and
// whether it is a Knative object (whose grace period is timeoutSeconds);
// nil for objects that run no pods.
func podSpecPath(apiVersion, kind string) (keys []string, knative bool) {
	group := ""
	if i := strings.LastIndex(apiVersion, "/"); i >= 0 {
		group = apiVersion[:i]
	}
	switch group {
	case "", "apps", "batch", "extensions":
		switch kind {
		case "Pod":
			return []string{"spec"}, false
		case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job":
			return []string{"spec", "template", "spec"}, false
		case "CronJob":
			return []string{"spec", "jobTemplate", "spec", "template", "spec"}, false
		}
	case "apps.openshift.io":
		if kind == "DeploymentConfig" {
			return []string{"spec", "template", "spec"}, false
		}
	case "serving.knative.dev":
		if kind == "Service" || kind == "Configuration" {
			return []string{"spec", "template", "spec"}, true
		}
	case "argoproj.io":
		// A Rollout with workloadRef instead of template has no pod spec
		// here; the Deployment it refers to is read on its own.
		if kind == "Rollout" {
			return []string{"spec", "template", "spec"}, false
		}
	}
	return nil, false
}

// k8sObject reads one Kubernetes object (or the items of a List).
func (r *reader) k8sObject(file string, obj *yaml.Node, depth int) {
	apiVersion := str(obj, "apiVersion")
	kind := str(obj, "kind")
	if kind == "List" || strings.HasSuffix(kind, "List") {
		items := get(obj, "items")
		if depth >= 2 || items == nil || items.Kind != yaml.SequenceNode {
			return
		}
		for _, item := range items.Content {
			item = deref(item)
			if item != nil && item.Kind == yaml.MappingNode && isK8sObject(item) {
				r.k8sObject(file, item, depth+1)
			}
		}
		return
	}
	keys, knative := podSpecPath(apiVersion, kind)
	if keys == nil {
		if isRoutingKind(kind) && !containsTemplate(obj) {
			r.routingObject(file, apiVersion, kind, obj)
		}
		return
	}
	// A workload with template syntax in it is a template: its values are
	// placeholders. (Other objects, like a PrometheusRule's {{ $labels }},
	// do not matter here.)
	if containsTemplate(obj) {
		r.note(file, obj.Line, "%s skipped: template syntax ({{ }}); render it and pass the output file to check it", kind)
		return
	}
	specKey, spec := getPath(obj, keys...)
	if spec == nil || spec.Kind != yaml.MappingNode {
		return
	}
	namespace := str(get(obj, "metadata"), "namespace")
	// The pods' labels, which Services select: the template's, or a Pod's own.
	labels := stringMap(get(get(obj, "metadata"), "labels"))
	if len(keys) > 1 {
		tmplKeys := append(append([]string(nil), keys[:len(keys)-1]...), "metadata", "labels")
		_, l := getPath(obj, tmplKeys...)
		labels = stringMap(l)
	}
	workload := str(get(obj, "metadata"), "name")
	if workload == "" {
		workload = str(get(obj, "metadata"), "generateName")
	}

	graceKey, defaultGrace := "terminationGracePeriodSeconds", KubernetesDefaultGrace
	if knative {
		// Knative sets the pods' grace period to the revision timeout.
		graceKey, defaultGrace = "timeoutSeconds", KnativeDefaultTimeout
	}
	grace := Duration{D: defaultGrace, Default: true, Source: Source{file, line(specKey, spec)}}
	if k, v := lookup(spec, graceKey); v != nil && v.ShortTag() != "!!null" {
		secs, ok := intSeconds(v)
		if !ok {
			r.warn(file, line(k, v), "%s %q is not a whole number of seconds: %s %s skipped", graceKey, v.Value, kind, workload)
			return
		}
		grace = Duration{D: secs, Source: Source{file, line(k, v)}}
	}

	containers := get(spec, "containers")
	if containers == nil || containers.Kind != yaml.SequenceNode {
		return
	}
	for _, item := range containers.Content {
		c := deref(item)
		if c == nil || c.Kind != yaml.MappingNode {
			continue
		}
		nameKey, nameVal := lookup(c, "name")
		name, _ := scalar(nameVal)
		at := c.Line
		if nameKey != nil {
			at = nameKey.Line
		}
		ct := Container{
			Kind:        KindKubernetes,
			Workload:    workload,
			Object:      kind,
			Name:        name,
			Image:       str(c, "image"),
			Command:     stringList(get(c, "command")),
			Args:        stringList(get(c, "args")),
			Source:      Source{file, at},
			StopTimeout: grace,
			Namespace:   namespace,
			Labels:      labels,
		}
		if lc := get(c, "lifecycle"); lc != nil {
			if k, v := lookup(lc, "preStop"); v != nil {
				ct.HasPreStop = true
				ct.PreStop = r.preStop(file, k, v)
			}
			if k, v := lookup(lc, "stopSignal"); v != nil {
				if s, ok := scalar(v); ok {
					if sig, err := signals.Parse(s); err != nil {
						r.warn(file, line(k, v), "lifecycle.stopSignal: %v", err)
					} else {
						ct.StopSignal = &Signal{sig, Source{file, line(k, v)}}
					}
				}
			}
		}
		r.set.Containers = append(r.set.Containers, ct)
	}
}

// isRoutingKind reports whether objects of a kind route requests to
// workloads or configure how (read by routingObject).
func isRoutingKind(kind string) bool {
	return kind == "Service" || kind == "Ingress" || kind == "BackendConfig"
}

// intSeconds reads a YAML integer as seconds.
func intSeconds(v *yaml.Node) (time.Duration, bool) {
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!int" {
		return 0, false
	}
	var n int64
	if err := v.Decode(&n); err != nil || n < 0 || n > maxSeconds {
		return 0, false
	}
	return time.Duration(n) * time.Second, true
}

// maxSeconds bounds a number of seconds read from a file (about 115
// days), far above any grace period, so that conversions cannot overflow.
const maxSeconds = 1e7

// preStop returns the time a preStop hook takes before the stop signal, when
// it is known: a sleep action, or an exec hook that starts with sleep.
// An httpGet hook, or an exec hook that does something else first, is nil.
func (r *reader) preStop(file string, k, v *yaml.Node) *Duration {
	at := Source{file, line(k, v)}
	if sk, sleep := lookup(v, "sleep"); sleep != nil {
		sv := get(sleep, "seconds")
		if sv == nil {
			r.warn(file, line(sk, sleep), "preStop sleep without seconds")
			return nil
		}
		d, ok := intSeconds(sv)
		if !ok {
			r.warn(file, sv.Line, "preStop sleep seconds %q is not a whole number of seconds", sv.Value)
			return nil
		}
		return &Duration{D: d, Source: at}
	}
	if exec := get(v, "exec"); exec != nil {
		if d, ok := execSleep(stringList(get(exec, "command"))); ok {
			return &Duration{D: d, Source: at}
		}
	}
	return nil
}
