// Package store is a library with no server in it.
package store

import "sync"

// Store is a concurrency-safe counter.
type Store struct {
	mu sync.Mutex
	n  int
}

// Inc increments the counter and returns its new value.
func (s *Store) Inc() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n++
	return s.n
}
