package reach

import (
	"go/ast"
	"go/types"
)

// A call through an interface is resolved where values are converted to
// the interface: a concrete value converted to one counts as reaching the
// methods the interface exposes (a rapid-type-analysis view: whatever
// calls the interface later can only run those).

// convertArgs credits the arguments of a call converted to interface
// parameters.
func (w *walker) convertArgs(call *ast.CallExpr, sig *types.Signature) {
	params := sig.Params()
	for i, a := range call.Args {
		var t types.Type
		switch {
		case sig.Variadic() && i >= params.Len()-1:
			if call.Ellipsis.IsValid() {
				continue
			}
			if s, ok := params.At(params.Len() - 1).Type().(*types.Slice); ok {
				t = s.Elem()
			}
		case i < params.Len():
			t = params.At(i).Type()
		}
		if t != nil {
			w.convert(a, t)
		}
	}
}

// compositeLit credits values stored into interface-typed fields and
// elements.
func (w *walker) compositeLit(lit *ast.CompositeLit) {
	t := w.pass.TypesInfo.TypeOf(lit)
	if t == nil {
		return
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	for i, elt := range lit.Elts {
		key, val := ast.Expr(nil), elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			key, val = kv.Key, kv.Value
		}
		switch u := t.Underlying().(type) {
		case *types.Struct:
			if id, ok := key.(*ast.Ident); ok {
				if f, ok := w.pass.TypesInfo.Uses[id].(*types.Var); ok {
					w.convert(val, f.Type())
				}
			} else if key == nil && i < u.NumFields() {
				w.convert(val, u.Field(i).Type())
			}
		case *types.Slice:
			w.convert(val, u.Elem())
		case *types.Array:
			w.convert(val, u.Elem())
		case *types.Map:
			w.convert(val, u.Elem())
		}
	}
}

// convert credits a concrete value converted to a non-standard interface
// with the methods the interface exposes: a later call through the
// interface may run them. This is how a server kept behind an interface
// (kratos' transport.Server, a project's Runner) resolves.
func (w *walker) convert(x ast.Expr, dst types.Type) {
	w.convertType(w.pass.TypesInfo.TypeOf(x), x, dst)
}

// convertTuple credits the values of a multi-value call (return f(),
// a, b := f()) converted to the types dsts.
func (w *walker) convertTuple(call ast.Expr, dsts []types.Type) {
	tuple, ok := w.pass.TypesInfo.TypeOf(call).(*types.Tuple)
	if !ok || tuple.Len() != len(dsts) {
		return
	}
	for i, dst := range dsts {
		w.convertType(tuple.At(i).Type(), call, dst)
	}
}

// convertType credits a value of type src, at x, converted to dst. A
// value converted to a standard-library interface (io.Closer, say) may be
// closed or stopped through it, never started: the serve bits are masked.
func (w *walker) convertType(src types.Type, x ast.Expr, dst types.Type) {
	if dst == nil || src == nil {
		return
	}
	iface, ok := dst.Underlying().(*types.Interface)
	if !ok || iface.NumMethods() == 0 || types.IsInterface(src) {
		return
	}
	if _, ok := src.(*types.TypeParam); ok {
		return
	}
	if isStdInterface(dst) {
		defer func(m Bits) { w.mask = m }(w.mask)
		w.mask |= Serve | ServeSync
	}
	w.credit(src, iface, x)
}

// credit counts the methods of src that iface exposes as mentioned at x.
func (w *walker) credit(src types.Type, iface *types.Interface, x ast.Expr) {
	for i := range iface.NumMethods() {
		m := iface.Method(i)
		obj, _, _ := types.LookupFieldOrMethod(src, false, m.Pkg(), m.Name())
		if fn, ok := obj.(*types.Func); ok {
			w.mention(fn, x)
		}
	}
}

// instances credits the type arguments of a generic function's call with
// the methods their constraints expose: the function may call them.
func (w *walker) instances(fun ast.Expr) {
	var id *ast.Ident
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	case *ast.IndexExpr:
		w.instances(f.X)
		return
	case *ast.IndexListExpr:
		w.instances(f.X)
		return
	}
	if id == nil {
		return
	}
	inst, ok := w.pass.TypesInfo.Instances[id]
	if !ok {
		return
	}
	fn, ok := w.pass.TypesInfo.Uses[id].(*types.Func)
	if !ok {
		return
	}
	tparams := fn.Type().(*types.Signature).TypeParams()
	for i := 0; i < inst.TypeArgs.Len() && i < tparams.Len(); i++ {
		arg := inst.TypeArgs.At(i)
		if types.IsInterface(arg) {
			continue
		}
		if iface, ok := tparams.At(i).Constraint().Underlying().(*types.Interface); ok && iface.NumMethods() > 0 {
			w.credit(arg, iface, fun)
		}
	}
}

// typeInstance credits the type arguments of a generic type's instance
// (group[*http.Server]) with the constraint methods that the type's own
// methods call on its type parameters: those are the calls its methods
// can make on them. Only generic types declared in this package are
// credited, where their method bodies can be read; crediting every
// constraint method would make each instantiation look like a serve call.
func (w *walker) typeInstance(tn *types.TypeName, id *ast.Ident) {
	inst, ok := w.pass.TypesInfo.Instances[id]
	if !ok || tn.Pkg() != w.pass.Pkg {
		return
	}
	named, ok := tn.Type().(*types.Named)
	if !ok {
		return
	}
	called := w.typeParamCalls(named)
	tparams := named.TypeParams()
	for i := 0; i < inst.TypeArgs.Len() && i < tparams.Len(); i++ {
		arg := inst.TypeArgs.At(i)
		if types.IsInterface(arg) {
			continue
		}
		iface, ok := tparams.At(i).Constraint().Underlying().(*types.Interface)
		if !ok {
			continue
		}
		for j := range iface.NumMethods() {
			m := iface.Method(j)
			if !called[m.Name()] {
				continue
			}
			obj, _, _ := types.LookupFieldOrMethod(arg, false, m.Pkg(), m.Name())
			if fn, ok := obj.(*types.Func); ok {
				w.mention(fn, id)
			}
		}
	}
}

// typeParamCalls returns the names of the methods that the methods of a
// generic type declared in the package call on values of its type
// parameters.
func (w *walker) typeParamCalls(named *types.Named) map[string]bool {
	if called, ok := w.tparamCalls[named.Obj()]; ok {
		return called
	}
	called := map[string]bool{}
	info := w.pass.TypesInfo
	for _, f := range w.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || fd.Body == nil {
				continue
			}
			fn, ok := info.Defs[fd.Name].(*types.Func)
			if !ok || recvNamed(fn) != named.Obj() {
				continue
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok {
					t := info.TypeOf(sel.X)
					if p, ok := t.(*types.Pointer); ok {
						t = p.Elem()
					}
					if _, ok := t.(*types.TypeParam); ok {
						called[sel.Sel.Name] = true
					}
				}
				return true
			})
		}
	}
	if w.tparamCalls == nil {
		w.tparamCalls = map[*types.TypeName]map[string]bool{}
	}
	w.tparamCalls[named.Obj()] = called
	return called
}

// assertion notes a type assertion to an interface with a stopping
// method: the value's dynamic type, and so what it stops, is unknown.
func (w *walker) assertion(t types.Type, at ast.Node) {
	// Only graceful-stop names: Close and Stop assertions (io.Closer,
	// net.Conn, loggers) are everywhere in libraries and would silence
	// no-shutdown for every program that imports one.
	if hasStopMethod(t) {
		w.add(&item{pos: at.Pos(), end: at.End(), bits: StopUnknown}, false)
	}
}
