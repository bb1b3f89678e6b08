//go:build js && wasm

package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"syscall/js"
	"time"

	"unknot/app/journal"
)

// The activities of the Patient-Specific Functional Scale: one record each
// in the store "activities" (schema v4), {id, updated, json}.

func (j *Journal) Activities(ctx context.Context) ([]journal.Activity, error) {
	if m := j.fallback(); m != nil {
		return m.Activities(ctx)
	}
	var all js.Value
	err := j.run(ctx, "read activities", "readonly", []string{storeActivities}, func(t *txn) {
		t.request(t.store(storeActivities).Call("getAll"), func(v js.Value) { all = v })
	})
	if err != nil {
		return nil, err
	}
	out := make([]journal.Activity, all.Length())
	for i := range out {
		v := all.Index(i)
		if out[i], err = journal.DecodeActivity([]byte(v.Get("json").String())); err != nil {
			return nil, &journal.StorageError{Kind: journal.StorageOther, Op: "read " + v.Get("id").String(), Err: err}
		}
	}
	journal.SortActivities(out)
	return out, nil
}

// PutActivity writes a if the stored activity is still the version base
// (or absent when base is zero) and, for a new one, fewer than
// journal.MaxActivities are kept, both checked in the same transaction.
func (j *Journal) PutActivity(ctx context.Context, a journal.Activity, base time.Time) error {
	if m := j.fallback(); m != nil {
		return m.PutActivity(ctx, a, base)
	}
	if err := a.Validate(); err != nil {
		return err
	}
	rec, err := encodeActivity(a)
	if err != nil {
		return err
	}
	err = j.run(ctx, "save an activity", "readwrite", []string{storeActivities}, func(t *txn) {
		as := t.store(storeActivities)
		t.request(as.Call("get", a.ID), func(v js.Value) {
			exists := !v.IsUndefined()
			var stored time.Time
			if exists {
				stored = storedUpdated(v)
			}
			if err := journal.CheckBase("activity", a.ID, exists, stored, base, a.Updated); err != nil {
				t.abort(err)
				return
			}
			t.request(as.Call("count"), func(n js.Value) {
				if err := journal.CheckActivityLimit(exists, n.Int()); err != nil {
					t.abort(err)
					return
				}
				as.Call("put", rec)
			})
		})
	})
	if err == nil {
		j.changed([]string{a.ID})
	}
	return err
}

func (j *Journal) DeleteActivity(ctx context.Context, id string) (journal.Activity, error) {
	if m := j.fallback(); m != nil {
		return m.DeleteActivity(ctx, id)
	}
	var a journal.Activity
	err := j.run(ctx, "delete an activity", "readwrite", []string{storeActivities}, func(t *txn) {
		as := t.store(storeActivities)
		t.request(as.Call("get", id), func(v js.Value) {
			if v.IsUndefined() {
				t.abort(fmt.Errorf("journal: activity %s: %w", id, journal.ErrNotFound))
				return
			}
			var err error
			if a, err = journal.DecodeActivity([]byte(v.Get("json").String())); err != nil {
				t.abort(&journal.StorageError{Kind: journal.StorageOther, Op: "read " + id, Err: err})
				return
			}
			as.Call("delete", id)
		})
	})
	if err != nil {
		return journal.Activity{}, err
	}
	j.changed([]string{id})
	return a, nil
}

// encodeActivity builds an activity's stored value: the activity as JSON
// text, and the updated the concurrency check reads without decoding it.
func encodeActivity(a journal.Activity) (js.Value, error) {
	b, err := json.Marshal(a)
	if err != nil {
		return js.Value{}, fmt.Errorf("journal: encode %s: %w", a.ID, err)
	}
	return js.ValueOf(map[string]any{
		"id":      a.ID,
		"updated": a.Updated.Format(time.RFC3339Nano),
		"json":    string(b),
	}), nil
}
