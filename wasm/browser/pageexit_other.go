//go:build !(js && wasm)

package browser

import "sync"

// PageExit is the in-memory twin of the page's exit events: Exit runs
// every watcher, as hiding or unloading the page would.
type PageExit struct {
	mu    sync.Mutex
	next  int
	funcs map[int]func()
}

// NewPageExit returns exit events that fire only when Exit is called.
func NewPageExit() *PageExit { return &PageExit{funcs: map[int]func(){}} }

// OnExit calls f on each Exit until the returned stop is called.
func (x *PageExit) OnExit(f func()) (stop func()) {
	x.mu.Lock()
	defer x.mu.Unlock()
	id := x.next
	x.next++
	x.funcs[id] = f
	return func() {
		x.mu.Lock()
		defer x.mu.Unlock()
		delete(x.funcs, id)
	}
}

// Exit runs every watcher, as the page going away would.
func (x *PageExit) Exit() {
	x.mu.Lock()
	funcs := make([]func(), 0, len(x.funcs))
	for _, f := range x.funcs {
		funcs = append(funcs, f)
	}
	x.mu.Unlock()
	for _, f := range funcs {
		f()
	}
}
