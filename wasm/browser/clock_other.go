//go:build !(js && wasm)

package browser

import (
	"sync"
	"time"
)

// Clock is the in-memory twin of the page's clock: time stands still until
// Set or Add moves it, and Tick runs every callback Every registered, as
// one timer firing would.
type Clock struct {
	mu    sync.Mutex
	now   time.Time
	next  int
	funcs map[int]func()
}

// NewClock returns a clock stopped at 1 June 2025, 09:00 UTC.
func NewClock() *Clock {
	return &Clock{now: time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC), funcs: map[int]func(){}}
}

// Now is the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Set moves the clock to t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// Add moves the clock on by d.
func (c *Clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// Every registers f for Tick; d is ignored.
func (c *Clock) Every(d time.Duration, f func()) (stop func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	id := c.next
	c.next++
	c.funcs[id] = f
	return func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		delete(c.funcs, id)
	}
}

// Timers is how many callbacks are registered and not stopped.
func (c *Clock) Timers() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.funcs)
}

// Tick calls every registered callback once.
func (c *Clock) Tick() {
	c.mu.Lock()
	fs := make([]func(), 0, len(c.funcs))
	for _, f := range c.funcs {
		fs = append(fs, f)
	}
	c.mu.Unlock()
	for _, f := range fs {
		f()
	}
}
