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

// The journal's writes. Each is one readwrite transaction over the stores
// it touches: the checks run inside it, and a failed check or a storage
// error aborts it, so nothing is half written.

// PutEpisode rewrites the month that holds e, and the month it leaves when
// its start moved to another month, in one transaction with the check of
// base against the stored updated.
func (j *Journal) PutEpisode(ctx context.Context, e journal.Episode, base time.Time) error {
	if m := j.fallback(); m != nil {
		return m.PutEpisode(ctx, e, base)
	}
	if err := e.Validate(); err != nil {
		return err
	}
	text, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("journal: encode %s: %w", e.ID, err)
	}
	to := monthKey(e.Started)
	err = j.run(ctx, "save an episode", "readwrite", []string{storeMonths, storeEpisodeIDs}, func(t *txn) {
		ids := t.store(storeEpisodeIDs)
		t.request(ids.Call("get", e.ID), func(v js.Value) {
			exists := !v.IsUndefined()
			var stored time.Time
			from := to
			if exists {
				stored, from = storedUpdated(v), v.Get("month").Int()
			}
			if err := journal.CheckBase("episode", e.ID, exists, stored, base, e.Updated); err != nil {
				t.abort(err)
				return
			}
			t.changeMonths([]int{from, to}, func(ms map[int]*month) error {
				ms[from].remove(e.ID)
				ms[to].add(e, text)
				return nil
			})
			ids.Call("put", idRecord(e, to))
		})
	})
	if err == nil {
		j.changed([]string{e.ID})
	}
	return err
}

// PutSession writes s if the stored session is still the version base (or
// absent when base is zero), checked in the same transaction.
func (j *Journal) PutSession(ctx context.Context, s journal.Session, base time.Time) error {
	if m := j.fallback(); m != nil {
		return m.PutSession(ctx, s, base)
	}
	if err := s.Validate(); err != nil {
		return err
	}
	rec, err := encodeSession(s)
	if err != nil {
		return err
	}
	err = j.run(ctx, "save a session", "readwrite", []string{storeSessions}, func(t *txn) {
		ss := t.store(storeSessions)
		t.request(ss.Call("get", s.ID), func(v js.Value) {
			exists := !v.IsUndefined()
			var stored time.Time
			if exists {
				stored = storedUpdated(v)
			}
			if err := journal.CheckBase("session", s.ID, exists, stored, base, s.Updated); err != nil {
				t.abort(err)
				return
			}
			ss.Call("put", rec)
		})
	})
	if err == nil {
		j.changed([]string{s.ID})
	}
	return err
}

func (j *Journal) DeleteEpisode(ctx context.Context, id string) (journal.Episode, error) {
	if m := j.fallback(); m != nil {
		return m.DeleteEpisode(ctx, id)
	}
	var e journal.Episode
	notFound := fmt.Errorf("journal: episode %s: %w", id, journal.ErrNotFound)
	err := j.run(ctx, "delete an episode", "readwrite", []string{storeMonths, storeEpisodeIDs}, func(t *txn) {
		ids := t.store(storeEpisodeIDs)
		t.request(ids.Call("get", id), func(v js.Value) {
			if v.IsUndefined() {
				t.abort(notFound)
				return
			}
			from := v.Get("month").Int()
			t.changeMonths([]int{from}, func(ms map[int]*month) error {
				var ok bool
				if e, ok = ms[from].remove(id); !ok {
					return notFound
				}
				return nil
			})
			ids.Call("delete", id)
		})
	})
	if err != nil {
		return journal.Episode{}, err
	}
	j.changed([]string{id})
	return e, nil
}

// Apply checks every record of the plan against the stored one and writes
// them all in one transaction; the first mismatch aborts it. The episodes'
// months are read and rewritten once each, after every check has passed.
func (j *Journal) Apply(ctx context.Context, p journal.Plan) error {
	if m := j.fallback(); m != nil {
		return m.Apply(ctx, p)
	}
	if err := p.Validate(); err != nil {
		return err
	}
	type episode struct {
		e      journal.Episode
		add    bool
		text   []byte
		exists bool
		from   int // the month that holds it now, when it exists
	}
	var eps []*episode
	for _, list := range []struct {
		add bool
		es  []journal.Episode
	}{{true, p.AddEpisodes}, {false, p.UpdateEpisodes}} {
		for _, e := range list.es {
			text, err := json.Marshal(e)
			if err != nil {
				return fmt.Errorf("journal: encode %s: %w", e.ID, err)
			}
			eps = append(eps, &episode{e: e, add: list.add, text: text})
		}
	}
	// Sessions and activities: one record each, checked and put alike.
	type record struct {
		store, kind, id string
		add             bool
		updated         time.Time
		rec             js.Value
	}
	var records []record
	for _, list := range []struct {
		add bool
		ss  []journal.Session
	}{{true, p.AddSessions}, {false, p.UpdateSessions}} {
		for _, s := range list.ss {
			rec, err := encodeSession(s)
			if err != nil {
				return err
			}
			records = append(records, record{storeSessions, "session", s.ID, list.add, s.Updated, rec})
		}
	}
	for _, list := range []struct {
		add bool
		as  []journal.Activity
	}{{true, p.AddActivities}, {false, p.UpdateActivities}} {
		for _, a := range list.as {
			rec, err := encodeActivity(a)
			if err != nil {
				return err
			}
			records = append(records, record{storeActivities, "activity", a.ID, list.add, a.Updated, rec})
		}
	}
	if len(eps)+len(records) == 0 {
		return nil
	}
	err := j.run(ctx, "import", "readwrite", []string{storeMonths, storeEpisodeIDs, storeSessions, storeActivities}, func(t *txn) {
		for _, r := range records {
			rs := t.store(r.store)
			t.request(rs.Call("get", r.id), func(v js.Value) {
				exists := !v.IsUndefined()
				var stored time.Time
				if exists {
					stored = storedUpdated(v)
				}
				if err := journal.CheckImport(r.kind, r.id, r.add, exists, stored, r.updated); err != nil {
					t.abort(err)
					return
				}
				rs.Call("put", r.rec)
			})
		}
		ids := t.store(storeEpisodeIDs)
		unchecked := len(eps)
		for _, ep := range eps {
			t.request(ids.Call("get", ep.e.ID), func(v js.Value) {
				var stored time.Time
				if ep.exists = !v.IsUndefined(); ep.exists {
					stored, ep.from = storedUpdated(v), v.Get("month").Int()
				}
				if err := journal.CheckImport("episode", ep.e.ID, ep.add, ep.exists, stored, ep.e.Updated); err != nil {
					t.abort(err)
					return
				}
				if unchecked--; unchecked > 0 {
					return
				}
				var keys []int
				for _, ep := range eps {
					if ep.exists {
						keys = append(keys, ep.from)
					}
					keys = append(keys, monthKey(ep.e.Started))
				}
				t.changeMonths(keys, func(ms map[int]*month) error {
					for _, ep := range eps {
						if ep.exists {
							ms[ep.from].remove(ep.e.ID)
						}
						ms[monthKey(ep.e.Started)].add(ep.e, ep.text)
					}
					return nil
				})
				for _, ep := range eps {
					ids.Call("put", idRecord(ep.e, monthKey(ep.e.Started)))
				}
			})
		}
	})
	if err == nil {
		j.changed(nil)
	}
	return err
}

func (j *Journal) DeleteAll(ctx context.Context) error {
	if m := j.fallback(); m != nil {
		return m.DeleteAll(ctx)
	}
	stores := []string{storeMonths, storeEpisodeIDs, storeSessions, storeActivities}
	err := j.run(ctx, "delete everything", "readwrite", stores, func(t *txn) {
		for _, s := range stores {
			t.store(s).Call("clear")
		}
	})
	if err == nil {
		j.changed(nil)
	}
	return err
}

// encodeSession builds a session's stored value: the session as JSON text,
// plus the keys the index and the concurrency check read without decoding
// it.
func encodeSession(s journal.Session) (js.Value, error) {
	b, err := json.Marshal(s)
	if err != nil {
		return js.Value{}, fmt.Errorf("journal: encode %s: %w", s.ID, err)
	}
	return js.ValueOf(map[string]any{
		"id":      s.ID,
		"started": s.Started.Format(time.RFC3339Nano),
		"newest":  newestKey(s.Started),
		"updated": s.Updated.Format(time.RFC3339Nano),
		"json":    string(b),
	}), nil
}

// newestKey sorts ascending from the newest start to the oldest.
func newestKey(started time.Time) float64 { return -float64(started.UnixMilli()) }
