//go:build !(js && wasm)

package browser

import "sync"

// changeChannel is the in-memory twin of the BroadcastChannel: journals
// opened on the same hub (the "tabs") hear each other's changes, never
// their own.
type changeChannel struct {
	hub *Hub

	mu   sync.Mutex
	next int
	subs map[int]func(ids []string)
}

// Hub connects in-memory journals as the browser connects tabs.
type Hub struct {
	mu      sync.Mutex
	members []*changeChannel
}

func (h *Hub) join() *changeChannel {
	c := &changeChannel{hub: h, subs: map[int]func([]string){}}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.members = append(h.members, c)
	return c
}

func (c *changeChannel) post(ids []string) {
	c.hub.mu.Lock()
	others := make([]*changeChannel, 0, len(c.hub.members))
	for _, m := range c.hub.members {
		if m != c {
			others = append(others, m)
		}
	}
	c.hub.mu.Unlock()
	for _, m := range others {
		m.deliver(append([]string(nil), ids...))
	}
}

func (c *changeChannel) subscribe(f func(ids []string)) (cancel func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	id := c.next
	c.next++
	c.subs[id] = f
	return func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		delete(c.subs, id)
	}
}

func (c *changeChannel) deliver(ids []string) {
	c.mu.Lock()
	fs := make([]func([]string), 0, len(c.subs))
	for _, f := range c.subs {
		fs = append(fs, f)
	}
	c.mu.Unlock()
	for _, f := range fs {
		f(ids)
	}
}
