package deploy

import (
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// cfnTask is a task definition of a template: its family, when written,
// and its containers, as drain targets (each with its stop timeout; for
// one without StopTimeout, the Fargate default, while the Set's copy
// waits for the agent's configuration, as for a JSON task definition).
type cfnTask struct {
	family     string
	containers []Container
}

// cfnTaskDefinition reads the containers of an AWS::ECS::TaskDefinition.
// A container whose StopTimeout is not known is left out of the Set (with
// a note, or a warning when the value is wrong) but can still be a drain
// target.
func (r *reader) cfnTaskDefinition(t *cfnTemplate, res *cfnResource) *cfnTask {
	task := &cfnTask{}
	props := res.props
	workload := res.id
	if family, ok := plainString(get(props, "Family")); ok && family != "" {
		task.family, workload = family, family
	}
	compat := plainList(get(props, "RequiresCompatibilities"))
	fargate := len(compat) > 0
	for _, c := range compat {
		if c != "FARGATE" {
			fargate = false
		}
	}
	dk, defs := lookup(props, "ContainerDefinitions")
	if name, _ := cfnIntrinsic(defs); name != "" {
		r.note(t.file, line(dk, defs), "TaskDefinition %s: ContainerDefinitions computed by %s: not read", res.id, shortForm(name))
		return task
	}
	if defs == nil || defs.Kind != yaml.SequenceNode {
		return task
	}
	for _, item := range defs.Content {
		cd := deref(item)
		if name, _ := cfnIntrinsic(cd); name != "" {
			r.note(t.file, cd.Line, "TaskDefinition %s: a container definition computed by %s: not read", res.id, shortForm(name))
			continue
		}
		if cd == nil || cd.Kind != yaml.MappingNode {
			continue
		}
		nk, nv := lookup(cd, "Name")
		name, _, _ := t.resolve(nv)
		at := cd.Line
		if nk != nil {
			at = nk.Line
		}
		image, _ := plainString(get(cd, "Image"))
		c := Container{
			Kind:     KindECS,
			Workload: workload,
			Name:     name,
			Image:    image,
			Command:  plainList(get(cd, "EntryPoint")),
			Args:     plainList(get(cd, "Command")),
			Source:   Source{t.file, at},
		}
		sk, sv := lookup(cd, "StopTimeout")
		if sv == nil || sv.ShortTag() == "!!null" {
			r.ecsPending = append(r.ecsPending, ecsPending{c, fargate})
			c.StopTimeout = Duration{D: ECSDefaultStopTimeout, Default: true, Source: c.Source}
			task.containers = append(task.containers, c)
			continue
		}
		s, ok, why := t.resolve(sv)
		n, good := wholeSeconds(s)
		switch {
		case !ok && why != "":
			r.note(t.file, line(sk, sv), "TaskDefinition %s: StopTimeout is %s, not known: container %s skipped", res.id, why, name)
		case !ok || !good:
			r.warn(t.file, line(sk, sv), "StopTimeout %s is not a whole, non-negative number of seconds: container %s skipped", showValue(sv, s, ok), name)
		default:
			c.StopTimeout = Duration{D: time.Duration(n) * time.Second, Source: Source{t.file, line(sk, sv)}}
			r.set.Containers = append(r.set.Containers, c)
		}
		task.containers = append(task.containers, c)
	}
	return task
}

// taskOf returns the task definition of the template that a service's
// TaskDefinition names: !Ref TaskDef, !GetAtt TaskDef.TaskDefinitionArn,
// or a family written out (family, family:3, an ARN); nil for another.
func taskOf(n *yaml.Node, tasks map[string]*cfnTask) *cfnTask {
	if id := refTarget(n, "TaskDefinitionArn"); id != "" {
		return tasks[id]
	}
	s, ok := plainString(n)
	if !ok || s == "" {
		return nil
	}
	if i := strings.LastIndex(s, "task-definition/"); i >= 0 {
		s = s[i+len("task-definition/"):]
	}
	family, _, _ := strings.Cut(s, ":")
	var found *cfnTask
	for _, task := range tasks {
		if task.family == family {
			if found != nil {
				return nil // two task definitions of the family
			}
			found = task
		}
	}
	return found
}

// cfnService links an AWS::ECS::Service to the load balancers of the
// template it is registered with: one drain for each target group (or
// classic load balancer) and service, whose targets are the containers
// named by ContainerName in the service's task definition. ECS
// deregisters a task and waits for the draining before it stops the
// task's containers.
func (r *reader) cfnService(t *cfnTemplate, res *cfnResource, tasks map[string]*cfnTask, lbs map[string]*cfnLB) {
	task := taskOf(get(res.props, "TaskDefinition"), tasks)
	lk, list := lookup(res.props, "LoadBalancers")
	if name, _ := cfnIntrinsic(list); name != "" {
		r.note(t.file, line(lk, list), "Service %s: LoadBalancers computed by %s: not read", res.id, shortForm(name))
		return
	}
	if list == nil || list.Kind != yaml.SequenceNode {
		return
	}
	var drains []*Drain
	byLB := map[string]*Drain{}
	for _, item := range list.Content {
		it := deref(item)
		if it == nil || it.Kind != yaml.MappingNode {
			continue
		}
		lb := lbs[refTarget(get(it, "TargetGroupArn"), "TargetGroupArn")]
		if lb != nil && lb.typ != cfnTargetGroup {
			lb = nil
		}
		if lb == nil {
			lb = lbs[refTarget(get(it, "LoadBalancerName"), "")]
			if lb != nil && lb.typ != cfnClassicELB {
				lb = nil
			}
		}
		if lb == nil || lb.bad {
			continue // not in the template (imported, written out), or skipped
		}
		if lb.drain.Unknown && !lb.noted {
			lb.noted = true
			r.note(t.file, lb.drain.Delay.Line, "%s: %s is %s: the draining time is not known", lb.drain.LB, lb.drain.Setting, lb.why)
		}
		d := byLB[lb.drain.LB]
		if d == nil {
			d = new(Drain)
			*d = lb.drain
			d.BeforeStop = true
			d.Targets = nil
			byLB[lb.drain.LB] = d
			drains = append(drains, d)
		}
		name, ok, _ := t.resolve(get(it, "ContainerName"))
		if !ok || name == "" {
			continue
		}
		d.Targets = addTargets(d.Targets, task, name)
	}
	for _, d := range drains {
		r.set.Drains = append(r.set.Drains, *d)
	}
}

// addTargets adds the containers named name of a task definition, or,
// when it has none (or is not in the template), a container known by its
// name alone.
func addTargets(targets []Container, task *cfnTask, name string) []Container {
	for _, c := range targets {
		if c.Name == name {
			return targets
		}
	}
	found := false
	if task != nil {
		for _, c := range task.containers {
			if c.Name == name {
				targets = append(targets, c)
				found = true
			}
		}
	}
	if !found {
		targets = append(targets, Container{Kind: KindECS, Name: name})
	}
	return targets
}
