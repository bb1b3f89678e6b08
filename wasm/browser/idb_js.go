//go:build js && wasm

package browser

import (
	"context"
	"fmt"
	"log"
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
	opened chan struct{}
	mem    *journal.Memory
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
			// Volatile tells the person; the console says why.
			log.Printf("unknot: %v", &journal.StorageError{Kind: journal.StorageUnavailable, Op: "open the journal", Err: err})
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

// Episodes reads every month, a batch of months per request, decoding each
// batch while IndexedDB fetches the next, into one slice sized from the
// count of episodeIds.
func (j *Journal) Episodes(ctx context.Context) ([]journal.Episode, error) {
	if m := j.fallback(); m != nil {
		return m.Episodes(ctx)
	}
	ms := &monthReader{}
	err := j.run(ctx, "read episodes", "readonly", []string{storeMonths, storeEpisodeIDs}, func(t *txn) {
		t.request(t.store(storeEpisodeIDs).Call("count"), func(n js.Value) {
			ms.episodes = make([]journal.Episode, 0, n.Int())
		})
		t.readMonths(unreadableMonth, ms)
	})
	if err != nil {
		return nil, err
	}
	journal.SortEpisodes(ms.episodes)
	return ms.episodes, nil
}

// RecentEpisodes returns the newest limit episodes, newest first, and how
// many there are in all, reading only the newest months that hold them:
// the list opens fast whatever the size of the journal.
func (j *Journal) RecentEpisodes(ctx context.Context, limit int) ([]journal.Episode, int, error) {
	if m := j.fallback(); m != nil {
		all, err := m.Episodes(ctx)
		return all[:min(limit, len(all))], len(all), err
	}
	ms := &monthReader{}
	total := 0
	err := j.run(ctx, "read episodes", "readonly", []string{storeMonths, storeEpisodeIDs}, func(t *txn) {
		t.request(t.store(storeEpisodeIDs).Call("count"), func(v js.Value) { total = v.Int() })
		t.request(t.store(storeMonths).Call("openCursor", js.Null(), "prev"), func(c js.Value) {
			if c.IsNull() {
				return
			}
			if err := ms.read(c.Get("value")); err != nil {
				t.abort(err)
				return
			}
			// Every episode of a month started after every episode of
			// the months before it.
			if len(ms.episodes) < limit {
				c.Call("continue")
			}
		})
	})
	if err != nil {
		return nil, 0, err
	}
	out := ms.episodes
	journal.SortEpisodes(out)
	return out[:min(limit, len(out))], total, nil
}

// EpisodesSince returns the episodes that started at or after since,
// newest first, reading only the months from since's on.
func (j *Journal) EpisodesSince(ctx context.Context, since time.Time) ([]journal.Episode, error) {
	if m := j.fallback(); m != nil {
		all, err := m.Episodes(ctx)
		n := 0
		for n < len(all) && !all[n].Started.Before(since) {
			n++
		}
		return all[:n], err
	}
	ms := &monthReader{}
	err := j.run(ctx, "read episodes", "readonly", []string{storeMonths}, func(t *txn) {
		t.readMonths(monthKey(since), ms)
	})
	if err != nil {
		return nil, err
	}
	out := ms.episodes[:0]
	for _, e := range ms.episodes {
		if !e.Started.Before(since) {
			out = append(out, e)
		}
	}
	journal.SortEpisodes(out)
	return out, nil
}

func (j *Journal) Episode(ctx context.Context, id string) (journal.Episode, error) {
	if m := j.fallback(); m != nil {
		return m.Episode(ctx, id)
	}
	var e journal.Episode
	found := false
	err := j.run(ctx, "read an episode", "readonly", []string{storeMonths, storeEpisodeIDs}, func(t *txn) {
		t.request(t.store(storeEpisodeIDs).Call("get", id), func(v js.Value) {
			if v.IsUndefined() {
				return
			}
			t.request(t.store(storeMonths).Call("get", v.Get("month")), func(v js.Value) {
				if v.IsUndefined() {
					return
				}
				ms := &monthReader{}
				if err := ms.read(v); err != nil {
					t.abort(err)
					return
				}
				for _, x := range ms.episodes {
					if x.ID == id {
						e, found = x, true
					}
				}
			})
		})
	})
	switch {
	case err != nil:
		return journal.Episode{}, err
	case !found:
		return journal.Episode{}, fmt.Errorf("journal: episode %s: %w", id, journal.ErrNotFound)
	}
	return e, nil
}

func (j *Journal) Sessions(ctx context.Context) ([]journal.Session, error) {
	if m := j.fallback(); m != nil {
		return m.Sessions(ctx)
	}
	var all js.Value
	err := j.run(ctx, "read sessions", "readonly", []string{storeSessions}, func(t *txn) {
		t.request(t.store(storeSessions).Call("getAll"), func(v js.Value) { all = v })
	})
	if err != nil {
		return nil, err
	}
	out, err := decodeSessions(all)
	if err != nil {
		return nil, err
	}
	journal.SortSessions(out)
	return out, nil
}

// storedUpdated is the Updated of a stored record, read without decoding it.
func storedUpdated(v js.Value) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, v.Get("updated").String())
	return t
}

// decodeSessions reads the stored sessions of arr.
func decodeSessions(arr js.Value) ([]journal.Session, error) {
	if arr.IsUndefined() || arr.IsNull() {
		return nil, nil
	}
	out := make([]journal.Session, arr.Length())
	for i := range out {
		v := arr.Index(i)
		var err error
		if out[i], err = journal.DecodeSession([]byte(v.Get("json").String())); err != nil {
			return nil, &journal.StorageError{Kind: journal.StorageOther, Op: "read " + v.Get("id").String(), Err: err}
		}
	}
	return out, nil
}
