package deploy

import (
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// cfnLB is the draining of a target group or classic load balancer of a
// template, before the ECS services that use it are known.
type cfnLB struct {
	// typ is the resource type: a service's TargetGroupArn names a
	// target group, its LoadBalancerName a classic load balancer.
	typ   string
	drain Drain // LB, Setting, Delay, Unknown
	why   string
	bad   bool // warned: no drain
	noted bool // the note on an unknown time is given
}

// unknown marks the time as one not resolved: why says what it is.
func (lb *cfnLB) unknown(file string, line int, why string) *cfnLB {
	lb.drain.Unknown = true
	lb.drain.Delay = Duration{Source: Source{file, line}}
	lb.why = why
	return lb
}

// seconds sets the time from a value: a whole number of seconds, or a
// reference that resolves to one. A value that is not is a warning and
// the load balancer gives no drain.
func (r *reader) cfnSeconds(t *cfnTemplate, lb *cfnLB, setting string, k, v *yaml.Node) *cfnLB {
	at := line(k, v)
	lb.drain.Setting = setting
	s, ok, why := t.resolve(v)
	if !ok && why != "" {
		return lb.unknown(t.file, at, why)
	}
	n, good := wholeSeconds(s)
	if !ok || !good {
		r.warn(t.file, at, "%s %s is not a whole, non-negative number of seconds: %s skipped", setting, showValue(v, s, ok), lb.drain.LB)
		lb.bad = true
		return lb
	}
	lb.drain.Delay = Duration{D: time.Duration(n) * time.Second, Source: Source{t.file, at}}
	return lb
}

// showValue writes a value for a message: quoted (on one line), with the
// reference it is read through.
func showValue(v *yaml.Node, s string, ok bool) string {
	if !ok {
		return "(not a scalar)"
	}
	out := strconv.Quote(s)
	if name, arg := cfnIntrinsic(v); name != "" {
		ref, _ := scalar(arg)
		out += " (" + shortForm(name) + " " + strconv.Quote(ref) + ")"
	}
	return out
}

// cfnTargetGroup reads a target group's deregistration delay from
// TargetGroupAttributes; unset, it is AWS's default.
func (r *reader) cfnTargetGroup(t *cfnTemplate, res *cfnResource) *cfnLB {
	lb := &cfnLB{typ: res.typ, drain: Drain{
		LB:      "TargetGroup " + res.id,
		Setting: deregistrationDelay,
		Delay:   Duration{D: AWSDefaultDeregistrationDelay, Default: true, Source: Source{t.file, res.line}},
	}}
	ak, attrs := lookup(res.props, "TargetGroupAttributes")
	if name, _ := cfnIntrinsic(attrs); name != "" {
		return lb.unknown(t.file, line(ak, attrs), "TargetGroupAttributes computed by "+shortForm(name))
	}
	if attrs == nil || attrs.Kind != yaml.SequenceNode {
		return lb
	}
	// An attribute that is computed may be the delay: unless another one
	// sets it, the time is not known.
	unknownAt, unknownWhy := 0, ""
	for _, item := range attrs.Content {
		it := deref(item)
		if it == nil {
			continue
		}
		if name, _ := cfnIntrinsic(it); name != "" {
			if unknownWhy == "" {
				unknownAt, unknownWhy = it.Line, "an attribute computed by "+shortForm(name)
			}
			continue
		}
		kk, kv := lookup(it, "Key")
		key, ok, why := t.resolve(kv)
		if !ok {
			if why != "" && unknownWhy == "" {
				unknownAt, unknownWhy = line(kk, kv), "an attribute whose Key is "+why
			}
			continue
		}
		if key != deregistrationDelay {
			continue
		}
		vk, vv := lookup(it, "Value")
		if vv == nil {
			r.warn(t.file, line(kk, kv), "%s without a Value: %s skipped", deregistrationDelay, lb.drain.LB)
			lb.bad = true
			return lb
		}
		return r.cfnSeconds(t, lb, deregistrationDelay, vk, vv)
	}
	if unknownWhy != "" {
		return lb.unknown(t.file, unknownAt, unknownWhy)
	}
	return lb
}

// cfnClassicELB reads a classic load balancer's ConnectionDrainingPolicy:
// unset or disabled, there is no draining; enabled without a Timeout, it
// is ELB's default.
func (r *reader) cfnClassicELB(t *cfnTemplate, res *cfnResource) *cfnLB {
	const setting = "ConnectionDrainingPolicy"
	lb := &cfnLB{typ: res.typ, drain: Drain{
		LB:      "LoadBalancer " + res.id,
		Setting: setting,
		Delay:   Duration{Default: true, Source: Source{t.file, res.line}},
	}}
	pk, policy := lookup(res.props, setting)
	if name, _ := cfnIntrinsic(policy); name != "" {
		return lb.unknown(t.file, line(pk, policy), setting+" computed by "+shortForm(name))
	}
	if policy == nil || policy.ShortTag() == "!!null" {
		return lb
	}
	if policy.Kind != yaml.MappingNode {
		r.warn(t.file, line(pk, policy), "%s is not a mapping: %s skipped", setting, lb.drain.LB)
		lb.bad = true
		return lb
	}
	ek, ev := lookup(policy, "Enabled")
	if ev == nil {
		r.warn(t.file, line(pk, policy), "%s without Enabled: %s skipped", setting, lb.drain.LB)
		lb.bad = true
		return lb
	}
	s, ok, why := t.resolve(ev)
	switch {
	case !ok && why != "":
		lb.drain.Setting = setting + ".Enabled"
		return lb.unknown(t.file, line(ek, ev), why)
	case ok && strings.EqualFold(s, "false"):
		lb.drain.Delay = Duration{Source: Source{t.file, line(ek, ev)}}
		return lb
	case !ok || !strings.EqualFold(s, "true"):
		r.warn(t.file, line(ek, ev), "%s.Enabled %s is not true or false: %s skipped", setting, showValue(ev, s, ok), lb.drain.LB)
		lb.bad = true
		return lb
	}
	tk, tv := lookup(policy, "Timeout")
	if tv == nil || tv.ShortTag() == "!!null" {
		lb.drain.Setting = setting + ".Timeout"
		lb.drain.Delay = Duration{D: ELBDefaultDrainingTimeout, Default: true, Source: Source{t.file, res.line}}
		return lb
	}
	return r.cfnSeconds(t, lb, setting+".Timeout", tk, tv)
}
