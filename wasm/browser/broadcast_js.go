//go:build js && wasm

package browser

import (
	"sync"
	"syscall/js"
)

// changeChannel tells the other tabs of this app which journal records
// changed, on a BroadcastChannel. Messages carry ids only, never content:
// {"ids":[…]} or {"all":true}. A browser without BroadcastChannel just
// does not announce.
type changeChannel struct {
	ch    js.Value
	onMsg js.Func

	mu   sync.Mutex
	next int
	subs map[int]func(ids []string)
}

func newChangeChannel(name string) *changeChannel {
	c := &changeChannel{subs: map[int]func([]string){}}
	_ = try(func() {
		ctor := js.Global().Get("BroadcastChannel")
		if !ctor.Truthy() {
			return
		}
		c.ch = ctor.New(name)
		c.onMsg = js.FuncOf(func(_ js.Value, args []js.Value) any {
			var ids []string
			all := true
			_ = try(func() {
				data := args[0].Get("data")
				if list := data.Get("ids"); list.Type() == js.TypeObject {
					all = false
					for i := 0; i < list.Length(); i++ {
						ids = append(ids, list.Index(i).String())
					}
				}
			})
			if all {
				ids = nil
			}
			c.deliver(ids)
			return nil
		})
		c.ch.Set("onmessage", c.onMsg)
	})
	return c
}

// post announces changed ids; nil means anything may have changed.
func (c *changeChannel) post(ids []string) {
	if c.ch.IsUndefined() {
		return
	}
	msg := map[string]any{"all": true}
	if ids != nil {
		list := make([]any, len(ids))
		for i, id := range ids {
			list[i] = id
		}
		msg = map[string]any{"ids": list}
	}
	_ = try(func() { c.ch.Call("postMessage", msg) })
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
		_ = callSafely(func() { f(ids) }) // logged; nothing waits on a delivery
	}
}
