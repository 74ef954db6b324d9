package deploy

import (
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// tfDrain is the draining a target group or classic ELB sets, read once
// however many services use it; ok is false when its value is wrong
// (warned): it gives no drain.
type tfDrain struct {
	d  Drain
	ok bool
}

// drainOf reads the draining time of a target group or a classic ELB.
// It is read only for the load balancers an ECS service uses, so the
// Warnings and Notes are about drains that would be reported.
func (e *tfEval) drainOf(x *tfResource) (Drain, bool) {
	if d := e.drains[x.id()]; d != nil {
		return d.d, d.ok
	}
	var d Drain
	var ok bool
	if x.typ == tfELB {
		d, ok = e.elbDrain(x)
	} else {
		d, ok = e.targetGroupDrain(x)
	}
	e.drains[x.id()] = &tfDrain{d, ok}
	return d, ok
}

// targetGroupDrain reads deregistration_delay (seconds, a number or a
// string of digits; AWS's default when unset).
func (e *tfEval) targetGroupDrain(x *tfResource) (Drain, bool) {
	const setting = "deregistration_delay"
	d := Drain{LB: x.id(), Setting: setting}
	a := x.attr(setting)
	if a == nil {
		d.Delay = Duration{AWSDefaultDeregistrationDelay, true, x.at()}
		return d, true
	}
	at := Source{x.file.name, a.SrcRange.Start.Line}
	v, why := e.eval(a.Expr)
	switch {
	case !v.IsKnown():
		e.unresolved(at, setting, a.Expr, why, x.id())
		d.Unknown, d.Delay.Source = true, at
		return d, true
	case v.IsNull(): // as if unset
		d.Delay = Duration{AWSDefaultDeregistrationDelay, true, x.at()}
		return d, true
	}
	s, ok := seconds(v, true)
	if !ok {
		e.r.warn(at.File, at.Line, "%s %s is not a whole number of seconds: %s skipped", setting, showCty(v), x.id())
		return d, false
	}
	d.Delay = Duration{D: s, Source: at}
	return d, true
}

// elbDrain reads a classic ELB's connection_draining (off by default:
// then the ELB cuts connections at once, a drain of 0s) and, when it is
// on, connection_draining_timeout (300s by default).
func (e *tfEval) elbDrain(x *tfResource) (Drain, bool) {
	d := Drain{LB: x.id(), Setting: "connection_draining"}
	a := x.attr("connection_draining")
	if a == nil {
		d.Delay = Duration{0, true, x.at()}
		return d, true
	}
	at := Source{x.file.name, a.SrcRange.Start.Line}
	v, why := e.eval(a.Expr)
	switch {
	case !v.IsKnown():
		e.unresolved(at, d.Setting, a.Expr, why, x.id())
		d.Unknown, d.Delay.Source = true, at
		return d, true
	case v.IsNull():
		d.Delay = Duration{0, true, x.at()}
		return d, true
	}
	on, err := convert.Convert(v, cty.Bool)
	if err != nil || on.IsNull() {
		e.r.warn(at.File, at.Line, "connection_draining %s is not a bool: %s skipped", showCty(v), x.id())
		return d, false
	}
	if on.False() {
		d.Delay = Duration{Source: at}
		return d, true
	}
	d.Setting = "connection_draining_timeout"
	t := x.attr(d.Setting)
	if t == nil {
		d.Delay = Duration{ELBDefaultDrainingTimeout, true, x.at()}
		return d, true
	}
	at = Source{x.file.name, t.SrcRange.Start.Line}
	v, why = e.eval(t.Expr)
	switch {
	case !v.IsKnown():
		e.unresolved(at, d.Setting, t.Expr, why, x.id())
		d.Unknown, d.Delay.Source = true, at
		return d, true
	case v.IsNull():
		d.Delay = Duration{ELBDefaultDrainingTimeout, true, x.at()}
		return d, true
	}
	s, ok := seconds(v, true)
	if !ok {
		e.r.warn(at.File, at.Line, "%s %s is not a whole number of seconds: %s skipped", d.Setting, showCty(v), x.id())
		return d, false
	}
	d.Delay = Duration{D: s, Source: at}
	return d, true
}

// serviceDrains returns a Drain for each pair of an ECS service and a
// target group or classic ELB of the module that one of its
// load_balancer blocks names. ECS deregisters a task from its load
// balancers and waits out the drain before it stops the task's
// containers, so the drains are BeforeStop. The targets are the
// containers the block names, in the service's task definition; when
// those are not found in the module (a task definition of another
// module, a name not known here), a container made from the block still
// carries the name for the drain to be bound by.
func (e *tfEval) serviceDrains(tds map[string]*tfTaskDef) []Drain {
	byFamily := map[string]*tfTaskDef{}
	for _, x := range e.order {
		if td := tds[x.id()]; td != nil && td.family != "" && byFamily[td.family] == nil {
			byFamily[td.family] = td
		}
	}
	var drains []Drain
	index := map[[2]string]int{}
	for _, svc := range e.order {
		if svc.typ != tfService {
			continue
		}
		name := svc.name
		if a := svc.attr("name"); a != nil {
			v, _ := e.eval(a.Expr)
			if s, ok := knownString(v); ok && s != "" {
				name = s
			}
		}
		td := e.serviceTaskDef(svc, tds, byFamily)
		for _, b := range svc.block.Body.Blocks {
			if b.Type != "load_balancer" {
				continue
			}
			var lb *tfResource
			if a := b.Body.Attributes["target_group_arn"]; a != nil {
				lb = e.resourceRef(a.Expr, tfTargetGroup, tfALBTargetGroup)
			}
			if a := b.Body.Attributes["elb_name"]; lb == nil && a != nil {
				lb = e.resourceRef(a.Expr, tfELB)
			}
			if lb == nil {
				continue // a load balancer of another module, or none known
			}
			d, ok := e.drainOf(lb)
			if !ok {
				continue
			}
			targets := e.lbTargets(svc, b.Body.Attributes["container_name"], b.TypeRange.Start.Line, td, name)
			k := [2]string{lb.id(), svc.id()}
			if i, seen := index[k]; seen {
				drains[i].Targets = mergeTargets(drains[i].Targets, targets)
				continue
			}
			d.BeforeStop = true
			d.Targets = targets
			index[k] = len(drains)
			drains = append(drains, d)
		}
	}
	return drains
}

// serviceTaskDef finds the task definition a service runs:
// task_definition refers to the resource (its arn, family or id), or
// names its family ("api", "api:3", the ARN).
func (e *tfEval) serviceTaskDef(svc *tfResource, tds map[string]*tfTaskDef, byFamily map[string]*tfTaskDef) *tfTaskDef {
	a := svc.attr("task_definition")
	if a == nil {
		return nil
	}
	if x := e.resourceRef(a.Expr, tfTaskDefinition); x != nil {
		return tds[x.id()]
	}
	v, _ := e.eval(a.Expr)
	s, ok := knownString(v)
	if !ok {
		return nil
	}
	if i := strings.LastIndex(s, "task-definition/"); i >= 0 {
		s = s[i+len("task-definition/"):]
	}
	if i := strings.LastIndex(s, ":"); i >= 0 {
		s = s[:i]
	}
	return byFamily[s]
}

// lbTargets returns the containers named container_name in the task
// definition (all of its containers when the name is not known here), or
// a container made from the block.
func (e *tfEval) lbTargets(svc *tfResource, cn *hclsyntax.Attribute, blockLine int, td *tfTaskDef, service string) []Container {
	name, known := "", false
	at := Source{svc.file.name, blockLine}
	if cn != nil {
		at.Line = cn.SrcRange.Start.Line
		v, _ := e.eval(cn.Expr)
		name, known = knownString(v)
	}
	var out []Container
	if td != nil {
		for _, c := range td.containers {
			if !known || c.Name == name {
				out = append(out, c)
			}
		}
	}
	if len(out) == 0 {
		out = []Container{{Kind: KindECS, Workload: service, Name: name, Source: at}}
	}
	return out
}

// mergeTargets adds to a drain's targets those it does not have yet (a
// service with two load_balancer blocks on one target group).
func mergeTargets(have, more []Container) []Container {
	for _, c := range more {
		dup := false
		for _, h := range have {
			if h.Source == c.Source && h.Name == c.Name {
				dup = true
				break
			}
		}
		if !dup {
			have = append(have, c)
		}
	}
	return have
}
