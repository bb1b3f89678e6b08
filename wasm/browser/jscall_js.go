//go:build js && wasm

package browser

import (
	"errors"
	"syscall/js"
	"time"
)

// The helpers for calling JavaScript: try and awaitJS; callSafely, for
// JavaScript calling Go, needs no JavaScript and is in jscall.go.

// try runs f, which calls JavaScript, and turns a JavaScript exception into
// an error; a Go panic in f is reported (logged with its stack) and
// returned as an error too.
func try(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if je, ok := r.(js.Error); ok {
				err = errors.New(je.Error())
				return
			}
			err = reportPanic(r)
		}
	}()
	f()
	return nil
}

// errPromiseTimeout is returned by awaitJS when a promise neither resolves
// nor rejects in time.
var errPromiseTimeout = errors.New("the browser did not answer in time")

// awaitJS waits for a JavaScript promise: a rejection becomes an error, and
// so does a promise that does not settle within timeout, rather than a hang.
// It must not be called on the goroutine that runs JavaScript callbacks.
func awaitJS(promise js.Value, timeout time.Duration) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	ok := js.FuncOf(func(_ js.Value, args []js.Value) any {
		v := js.Undefined()
		if len(args) > 0 {
			v = args[0]
		}
		ch <- result{v: v}
		return nil
	})
	fail := js.FuncOf(func(_ js.Value, args []js.Value) any {
		msg := "rejected"
		if len(args) > 0 {
			_ = try(func() { msg = args[0].Call("toString").String() })
		}
		ch <- result{err: errors.New(msg)}
		return nil
	})
	defer ok.Release()
	defer fail.Release()
	if err := try(func() { promise.Call("then", ok, fail) }); err != nil {
		return js.Value{}, err
	}
	select {
	case r := <-ch:
		return r.v, r.err
	case <-time.After(timeout):
		return js.Value{}, errPromiseTimeout
	}
}
