//go:build js && wasm

package browser

import (
	"context"
	"errors"
	"strings"
	"syscall/js"
	"time"

	"unknot/app/journal"
)

// txn is one IndexedDB transaction being built. A transaction stays active
// only while its requests are issued from the task that created it or from
// one of its request callbacks, so the body and every callback issue their
// follow-up requests synchronously and never wait on Go channels; the Go
// side waits only for "complete" or "abort".
type txn struct {
	t    js.Value
	ok   js.Func          // one shared success handler: this._i picks the callback
	cbs  []func(js.Value) // by request index
	err  error            // why the transaction was aborted by Go, if it was
	done chan<- error     // receives the outcome once
	op   string           // what is being done, for errors
	sent bool             // done has been sent
}

func (t *txn) store(name string) js.Value { return t.t.Call("objectStore", name) }

// request registers cb (which may be nil) for req's success.
func (t *txn) request(req js.Value, cb func(js.Value)) {
	if cb == nil {
		return // errors bubble to the transaction and abort it
	}
	req.Set("_i", len(t.cbs))
	t.cbs = append(t.cbs, cb)
	req.Set("onsuccess", t.ok.Value)
}

// abort rolls the transaction back with err as the method's result.
func (t *txn) abort(err error) {
	if t.err == nil {
		t.err = err
	}
	_ = try(func() { t.t.Call("abort") }) // already finished: nothing to undo
}

// run executes body in a new transaction over stores and waits for it to
// complete. A JavaScript exception in body or a callback aborts it.
func (j *Journal) run(ctx context.Context, op, mode string, stores []string, body func(*txn)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	names := make([]any, len(stores))
	for i, s := range stores {
		names[i] = s
	}
	done := make(chan error, 1)
	t := &txn{done: done, op: op}
	err := try(func() {
		if mode == "readwrite" {
			t.t = j.db.Call("transaction", names, mode, map[string]any{"durability": "strict"})
		} else {
			t.t = j.db.Call("transaction", names, mode)
		}
	})
	if err != nil {
		return storageError(op, err)
	}
	t.ok = js.FuncOf(func(this js.Value, _ []js.Value) any {
		i := this.Get("_i").Int()
		if err := try(func() { t.cbs[i](this.Get("result")) }); err != nil {
			t.abort(storageError(op, err))
		}
		return nil
	})
	complete := js.FuncOf(func(js.Value, []js.Value) any {
		t.finish(t.err) // nil unless Go aborted after the last request
		return nil
	})
	aborted := js.FuncOf(func(js.Value, []js.Value) any {
		if t.err != nil {
			t.finish(t.err)
		} else {
			t.finish(storageError(op, domError(t.t.Get("error"))))
		}
		return nil
	})
	defer func() {
		_ = try(func() {
			t.t.Set("oncomplete", js.Null())
			t.t.Set("onabort", js.Null())
		})
		complete.Release()
		aborted.Release()
		t.ok.Release()
	}()
	t.t.Set("oncomplete", complete)
	t.t.Set("onabort", aborted)
	if err := try(func() { body(t) }); err != nil {
		t.abort(storageError(op, err))
	}
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		// The transaction may still commit; wait for the answer briefly so
		// that the caller is not told "not saved" about a saved record.
		select {
		case err := <-done:
			return err
		case <-time.After(txTimeout):
			return ctx.Err()
		}
	case <-time.After(txTimeout):
		t.abort(storageError(op, errors.New("the browser did not answer in time")))
		return <-done
	}
}

func (t *txn) finish(err error) {
	if !t.sent {
		t.sent = true
		t.done <- err
	}
}

// domException is a JavaScript DOMException (or Error) as a Go error.
type domException struct{ name, message string }

func (e *domException) Error() string { return e.name + ": " + e.message }

func domError(v js.Value) error {
	if v.IsUndefined() || v.IsNull() {
		return &domException{name: "AbortError", message: "the transaction was aborted"}
	}
	e := &domException{name: "Error", message: "unknown"}
	_ = try(func() {
		e.name = v.Get("name").String()
		e.message = v.Get("message").String()
	})
	return e
}

// storageError gives a storage failure the kind the UI explains. Errors
// that already carry meaning (conflicts, validation) pass through.
func storageError(op string, err error) error {
	_, isStorage := errors.AsType[*journal.StorageError](err)
	_, isField := errors.AsType[*journal.FieldError](err)
	if errors.Is(err, journal.ErrConflict) || errors.Is(err, journal.ErrNotFound) || isStorage || isField {
		return err
	}
	kind := journal.StorageOther
	if de, ok := errors.AsType[*domException](err); ok {
		switch de.name {
		case "QuotaExceededError":
			kind = journal.StorageFull
		case "InvalidStateError", "SecurityError", "NotAllowedError", "VersionError":
			kind = journal.StorageUnavailable
		}
	} else if msg := err.Error(); containsAny(msg, "QuotaExceededError", "quota") {
		kind = journal.StorageFull
	} else if containsAny(msg, "InvalidStateError", "closing", "closed") {
		kind = journal.StorageUnavailable
	}
	return &journal.StorageError{Kind: kind, Op: op, Err: err}
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
