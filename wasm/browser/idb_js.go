//go:build js && wasm

package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"syscall/js"
	"time"

	"unknot/app/journal"
)

// Journal is the journal.Store kept in IndexedDB (database "unknot"). Every
// method is one transaction: records are validated and encoded before it
// starts, the optimistic-concurrency check of journal.Store runs inside the
// same readwrite transaction as the write, and a failed check or a storage
// error aborts it, so nothing is half written. Writes ask for strict
// durability: a person's words must survive the browser being killed.
// After every change the ids (never the content) are announced to the other
// tabs on the BroadcastChannel "unknot-journal".
type Journal struct {
	db      js.Value
	changes *changeChannel
	persist sync.Once

	// The database opens in the background so that the app starts at once;
	// every method waits for it. If it cannot open, the journal lives in
	// mem for this page only, and Volatile says so.
	opened  chan struct{}
	openErr error
	mem     *journal.Memory
}

var _ journal.Store = (*Journal)(nil)

// txTimeout bounds a transaction that neither completes nor aborts (a page
// being torn down); it is far above any real transaction.
const txTimeout = 30 * time.Second

// OpenJournal starts opening (creating or migrating) the journal database
// and returns at once. When the browser refuses IndexedDB (private
// windows, blocked storage, a database from a newer version of the app) the
// journal is kept in memory instead, and Volatile reports true.
func OpenJournal() *Journal {
	j := &Journal{changes: newChangeChannel(journalChannel), opened: make(chan struct{})}
	go func() {
		defer close(j.opened)
		db, err := openDB(context.Background())
		if err != nil {
			j.openErr = &journal.StorageError{Kind: journal.StorageUnavailable, Op: "open the journal", Err: err}
			j.mem = &journal.Memory{}
			return
		}
		j.db = db
	}()
	return j
}

// Volatile waits for the database and reports whether it could not be
// opened, so that nothing will be kept after the page closes.
func (j *Journal) Volatile() bool {
	<-j.opened
	return j.mem != nil
}

// OpenError is why the database could not be opened, or nil.
func (j *Journal) OpenError() error {
	<-j.opened
	return j.openErr
}

// fallback waits for the database and returns the in-memory journal to
// use instead of it, or nil.
func (j *Journal) fallback() *journal.Memory {
	<-j.opened
	return j.mem
}

// OnChange calls f with the ids of records another tab changed; nil ids
// mean that anything may have changed (delete all, import).
func (j *Journal) OnChange(f func(ids []string)) (cancel func()) { return j.changes.subscribe(f) }

func (j *Journal) changed(ids []string) {
	j.changes.post(ids)
	j.persist.Do(func() { go RequestPersistentStorage() })
}

func (j *Journal) Episodes(ctx context.Context) ([]journal.Episode, error) {
	if m := j.fallback(); m != nil {
		return m.Episodes(ctx)
	}
	var all js.Value
	err := j.run(ctx, "read episodes", "readonly", []string{storeEpisodes}, func(t *txn) {
		t.getAll(t.store(storeEpisodes), 0, func(v js.Value) { all = v })
	})
	if err != nil {
		return nil, err
	}
	out, err := decodeAll(all, journal.DecodeEpisode)
	if err != nil {
		return nil, err
	}
	journal.SortEpisodes(out)
	return out, nil
}

// RecentEpisodes returns the newest limit episodes, newest first, and how
// many there are in all, reading only those limit records: the list opens
// fast whatever the size of the journal.
func (j *Journal) RecentEpisodes(ctx context.Context, limit int) ([]journal.Episode, int, error) {
	if m := j.fallback(); m != nil {
		all, err := m.Episodes(ctx)
		return all[:min(limit, len(all))], len(all), err
	}
	var page js.Value
	total := 0
	err := j.run(ctx, "read episodes", "readonly", []string{storeEpisodes}, func(t *txn) {
		s := t.store(storeEpisodes)
		t.getAll(s.Call("index", indexNewest), limit, func(v js.Value) { page = v })
		t.request(s.Call("count"), func(v js.Value) { total = v.Int() })
	})
	if err != nil {
		return nil, 0, err
	}
	out, err := decodeAll(page, journal.DecodeEpisode)
	if err != nil {
		return nil, 0, err
	}
	journal.SortEpisodes(out) // the index has millisecond keys; ties by id
	return out, total, nil
}

// EpisodesSince returns the episodes that started at or after since,
// newest first, reading only those.
func (j *Journal) EpisodesSince(ctx context.Context, since time.Time) ([]journal.Episode, error) {
	if m := j.fallback(); m != nil {
		all, err := m.Episodes(ctx)
		n := 0
		for n < len(all) && !all[n].Started.Before(since) {
			n++
		}
		return all[:n], err
	}
	var page js.Value
	err := j.run(ctx, "read episodes", "readonly", []string{storeEpisodes}, func(t *txn) {
		upTo := js.Global().Get("IDBKeyRange").Call("upperBound", newestKey(since))
		t.request(t.store(storeEpisodes).Call("index", indexNewest).Call("getAll", upTo), func(v js.Value) { page = v })
	})
	if err != nil {
		return nil, err
	}
	out, err := decodeAll(page, journal.DecodeEpisode)
	if err != nil {
		return nil, err
	}
	journal.SortEpisodes(out)
	return out, nil
}

func (j *Journal) Episode(ctx context.Context, id string) (journal.Episode, error) {
	if m := j.fallback(); m != nil {
		return m.Episode(ctx, id)
	}
	var e journal.Episode
	var found bool
	var decodeErr error
	err := j.run(ctx, "read an episode", "readonly", []string{storeEpisodes}, func(t *txn) {
		t.request(t.store(storeEpisodes).Call("get", id), func(v js.Value) {
			if found = !v.IsUndefined(); found {
				e, decodeErr = decodeRecord(v, journal.DecodeEpisode)
			}
		})
	})
	switch {
	case err != nil:
		return journal.Episode{}, err
	case !found:
		return journal.Episode{}, fmt.Errorf("journal: episode %s: %w", id, journal.ErrNotFound)
	}
	return e, decodeErr
}

func (j *Journal) PutEpisode(ctx context.Context, e journal.Episode, base time.Time) error {
	if m := j.fallback(); m != nil {
		return m.PutEpisode(ctx, e, base)
	}
	if err := e.Validate(); err != nil {
		return err
	}
	rec, err := encodeRecord(e.ID, e.Started, e.Updated, e)
	if err != nil {
		return err
	}
	return j.put(ctx, "save an episode", storeEpisodes, "episode", e.ID, rec, e.Updated, base)
}

func (j *Journal) PutSession(ctx context.Context, s journal.Session, base time.Time) error {
	if m := j.fallback(); m != nil {
		return m.PutSession(ctx, s, base)
	}
	if err := s.Validate(); err != nil {
		return err
	}
	rec, err := encodeRecord(s.ID, s.Started, s.Updated, s)
	if err != nil {
		return err
	}
	return j.put(ctx, "save a session", storeSessions, "session", s.ID, rec, s.Updated, base)
}

// put writes rec if the stored record is still the version base (or absent
// when base is zero), checked in the same transaction.
func (j *Journal) put(ctx context.Context, op, store, kind, id string, rec js.Value, updated, base time.Time) error {
	err := j.run(ctx, op, "readwrite", []string{store}, func(t *txn) {
		s := t.store(store)
		t.request(s.Call("get", id), func(v js.Value) {
			exists := !v.IsUndefined()
			var stored time.Time
			if exists {
				stored = storedUpdated(v)
			}
			if err := checkBase(kind, id, exists, stored, base, updated); err != nil {
				t.abort(err)
				return
			}
			t.request(s.Call("put", rec), nil)
		})
	})
	if err == nil {
		j.changed([]string{id})
	}
	return err
}

func (j *Journal) DeleteEpisode(ctx context.Context, id string) (journal.Episode, error) {
	if m := j.fallback(); m != nil {
		return m.DeleteEpisode(ctx, id)
	}
	var e journal.Episode
	err := j.run(ctx, "delete an episode", "readwrite", []string{storeEpisodes}, func(t *txn) {
		s := t.store(storeEpisodes)
		t.request(s.Call("get", id), func(v js.Value) {
			if v.IsUndefined() {
				t.abort(fmt.Errorf("journal: episode %s: %w", id, journal.ErrNotFound))
				return
			}
			var err error
			if e, err = decodeRecord(v, journal.DecodeEpisode); err != nil {
				t.abort(err)
				return
			}
			t.request(s.Call("delete", id), nil)
		})
	})
	if err != nil {
		return journal.Episode{}, err
	}
	j.changed([]string{id})
	return e, nil
}

func (j *Journal) Sessions(ctx context.Context) ([]journal.Session, error) {
	if m := j.fallback(); m != nil {
		return m.Sessions(ctx)
	}
	var all js.Value
	err := j.run(ctx, "read sessions", "readonly", []string{storeSessions}, func(t *txn) {
		t.getAll(t.store(storeSessions), 0, func(v js.Value) { all = v })
	})
	if err != nil {
		return nil, err
	}
	out, err := decodeAll(all, journal.DecodeSession)
	if err != nil {
		return nil, err
	}
	journal.SortSessions(out)
	return out, nil
}

// Apply checks every record of the plan against the stored one and writes
// them all in one transaction; the first mismatch aborts it.
func (j *Journal) Apply(ctx context.Context, p journal.Plan) error {
	if m := j.fallback(); m != nil {
		return m.Apply(ctx, p)
	}
	if err := p.Validate(); err != nil {
		return err
	}
	type item struct {
		store, kind, id string
		add             bool
		updated         time.Time
		rec             js.Value
	}
	var items []item
	for _, list := range []struct {
		add bool
		es  []journal.Episode
	}{{true, p.AddEpisodes}, {false, p.UpdateEpisodes}} {
		for _, e := range list.es {
			rec, err := encodeRecord(e.ID, e.Started, e.Updated, e)
			if err != nil {
				return err
			}
			items = append(items, item{storeEpisodes, "episode", e.ID, list.add, e.Updated, rec})
		}
	}
	for _, list := range []struct {
		add bool
		ss  []journal.Session
	}{{true, p.AddSessions}, {false, p.UpdateSessions}} {
		for _, s := range list.ss {
			rec, err := encodeRecord(s.ID, s.Started, s.Updated, s)
			if err != nil {
				return err
			}
			items = append(items, item{storeSessions, "session", s.ID, list.add, s.Updated, rec})
		}
	}
	if len(items) == 0 {
		return nil
	}
	err := j.run(ctx, "import", "readwrite", []string{storeEpisodes, storeSessions}, func(t *txn) {
		for _, it := range items {
			s := t.store(it.store)
			t.request(s.Call("get", it.id), func(v js.Value) {
				exists := !v.IsUndefined()
				switch {
				case it.add && exists:
					t.abort(fmt.Errorf("journal: import: %s %s was added meanwhile: %w", it.kind, it.id, journal.ErrConflict))
				case !it.add && (!exists || !storedUpdated(v).Before(it.updated)):
					t.abort(fmt.Errorf("journal: import: %s %s changed meanwhile: %w", it.kind, it.id, journal.ErrConflict))
				default:
					t.request(s.Call("put", it.rec), nil)
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
	err := j.run(ctx, "delete everything", "readwrite", []string{storeEpisodes, storeSessions}, func(t *txn) {
		t.request(t.store(storeEpisodes).Call("clear"), nil)
		t.request(t.store(storeSessions).Call("clear"), nil)
	})
	if err == nil {
		j.changed(nil)
	}
	return err
}

// checkBase is the rule of journal.Store.PutEpisode, as journal.Memory
// applies it.
func checkBase(kind, id string, exists bool, stored, base, updated time.Time) error {
	switch {
	case !exists && !base.IsZero():
		return fmt.Errorf("journal: %s %s was deleted elsewhere: %w", kind, id, journal.ErrConflict)
	case exists && (base.IsZero() || !stored.Equal(base)):
		return fmt.Errorf("journal: %s %s was changed elsewhere: %w", kind, id, journal.ErrConflict)
	case exists && !updated.After(base):
		return &journal.FieldError{Path: "updated", Problem: "must be later than the version it replaces"}
	}
	return nil
}

// encodeRecord builds the stored value: the record as JSON text, plus the
// keys the index and the concurrency check read without decoding it.
func encodeRecord(id string, started, updated time.Time, record any) (js.Value, error) {
	b, err := json.Marshal(record)
	if err != nil {
		return js.Value{}, fmt.Errorf("journal: encode %s: %w", id, err)
	}
	return js.ValueOf(map[string]any{
		"id":      id,
		"started": started.Format(time.RFC3339Nano),
		"newest":  newestKey(started),
		"updated": updated.Format(time.RFC3339Nano),
		"json":    string(b),
	}), nil
}

// newestKey sorts ascending from the newest start to the oldest.
func newestKey(started time.Time) float64 { return -float64(started.UnixMilli()) }

// storedUpdated is the Updated of a stored record, read without decoding it.
func storedUpdated(v js.Value) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, v.Get("updated").String())
	return t
}

// decodeRecord reads the record stored in v with read (journal.DecodeEpisode
// or journal.DecodeSession).
func decodeRecord[T any](v js.Value, read func([]byte) (T, error)) (T, error) {
	rec, err := read([]byte(v.Get("json").String()))
	if err != nil {
		return rec, &journal.StorageError{Kind: journal.StorageOther, Op: "read " + v.Get("id").String(), Err: err}
	}
	return rec, nil
}

func decodeAll[T any](arr js.Value, read func([]byte) (T, error)) ([]T, error) {
	if arr.IsUndefined() || arr.IsNull() {
		return nil, nil
	}
	n := arr.Length()
	out := make([]T, n)
	for i := 0; i < n; i++ {
		var err error
		if out[i], err = decodeRecord(arr.Index(i), read); err != nil {
			return nil, err
		}
	}
	return out, nil
}
