package deploy

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"weak"
)

// input is a file or directory that a read looked at, as it was then.
// A read is current while every input still stats the same.
type input struct {
	path  string
	ok    bool // it could be stat'ed
	dir   bool
	mtime int64 // nanoseconds since the epoch
	size  int64
}

func stamp(path string, info fs.FileInfo, err error) input {
	if err != nil {
		return input{path: path}
	}
	return input{path: path, ok: true, dir: info.IsDir(), mtime: info.ModTime().UnixNano(), size: info.Size()}
}

// saw records that the reader looked at path.
func (r *reader) saw(path string, info fs.FileInfo, err error) {
	r.inputs = append(r.inputs, stamp(path, info, err))
}

// stat is os.Stat, recorded.
func (r *reader) stat(path string) (fs.FileInfo, error) {
	info, err := os.Stat(path)
	r.saw(path, info, err)
	return info, err
}

// snapshot is what one Discover or Load read, and from what.
type snapshot struct {
	set    *Set
	err    error
	inputs []input
}

// current reports whether no file or directory the snapshot was read
// from has changed since: the same modification time and size, present
// or absent as it was. A new or removed file changes the modification
// time of its directory.
func (s *snapshot) current() bool {
	for _, in := range s.inputs {
		info, err := os.Stat(in.path)
		if stamp(in.path, info, err) != in {
			return false
		}
	}
	return true
}

// Cache is what one pass has read: each Discover or Load it asks for is
// read once for the pass (the pass sees one version of the files), and
// dropped with the Cache. A pass makes its own Cache (the configuration
// analyzer's Result holds one per package).
//
// Passes alive at the same time share what they read: a process-wide
// index points at the reads that some Cache holds, weakly, so an entry
// lives only as long as a Cache that holds it. A pass takes a shared read
// only after checking that none of the files and directories it was read
// from has changed its modification time or size; else it reads them
// again. The zero Cache is ready to use; a nil *Cache reads every time.
type Cache struct {
	mu   sync.Mutex
	held map[key]held
}

type held struct {
	e *entry // keeps the shared entry alive as long as the Cache
	s *snapshot
}

// key says what was read: Discover(root), or Load(root, paths).
type key struct {
	discover bool
	root     string
	paths    string // the paths, NUL-separated
}

// entry is the latest read of a key, shared between the Caches that
// hold it.
type entry struct {
	mu sync.Mutex
	s  *snapshot // nil until read
}

// index maps keys to the entries some Cache holds. It holds no entry
// alive: a cleanup removes a key when its entry is collected.
var index = struct {
	mu sync.Mutex
	m  map[key]weak.Pointer[entry]
}{m: map[key]weak.Pointer[entry]{}}

type indexed struct {
	k  key
	wp weak.Pointer[entry]
}

func shared(k key) *entry {
	index.mu.Lock()
	defer index.mu.Unlock()
	if e := index.m[k].Value(); e != nil {
		return e
	}
	e := &entry{}
	wp := weak.Make(e)
	index.m[k] = wp
	runtime.AddCleanup(e, forget, indexed{k, wp})
	return e
}

// forget removes a collected entry from the index, unless a newer one
// took its key.
func forget(x indexed) {
	index.mu.Lock()
	defer index.mu.Unlock()
	if index.m[x.k] == x.wp {
		delete(index.m, x.k)
	}
}

// get returns the read of k for the Cache's pass, and whether this call
// read it (rather than an earlier call of the pass, or another pass).
func (c *Cache) get(k key, read func() *snapshot) (*snapshot, bool) {
	if c == nil {
		return read(), true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if h, ok := c.held[k]; ok {
		return h.s, false
	}
	e := shared(k)
	e.mu.Lock()
	fresh := e.s == nil || !e.s.current()
	if fresh {
		e.s = read()
	}
	s := e.s
	e.mu.Unlock()
	if c.held == nil {
		c.held = map[key]held{}
	}
	c.held[k] = held{e, s}
	return s, fresh
}

// Discover returns Discover(root, keep) for the Cache's pass, and whether this
// call read the files (to tell about their Warnings once per read). The
// Set is shared: do not modify it.
func (c *Cache) Discover(root, keep string) (set *Set, read bool, err error) {
	k := key{discover: true, root: absPath(root), paths: keep}
	s, read := c.get(k, func() *snapshot { return readRoot(root, keep) })
	return s.set, read, s.err
}

// Load returns Load(root, paths) for the Cache's pass, as Discover does
// Discover(root).
func (c *Cache) Load(root string, paths []string) (set *Set, read bool, err error) {
	k := key{root: absPath(root), paths: strings.Join(paths, "\x00")}
	s, read := c.get(k, func() *snapshot { return readPaths(root, paths) })
	return s.set, read, s.err
}

func absPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}
