//go:build js && wasm

package browser

import (
	"context"
	"errors"
	"strings"
	"syscall/js"
	"time"
)

// The journal database and its versions. Since v3 an episode lives in the
// record of its calendar month (UTC) of Started:
//
//	months      {month, json}     key month = year*12 + month−1, so the
//	                              records sort by time; json is a JSON list
//	                              of the month's episodes, each exactly as
//	                              json.Marshal writes it, in no set order
//	episodeIds  {id, month, updated}
//	                              which month holds an episode, and its
//	                              updated text (RFC 3339), which the
//	                              concurrency check compares; its count is
//	                              the number of episodes
//	sessions    {id, started, newest, updated, json}
//	                              one record per session, json as above,
//	                              newest = −(started in milliseconds)
//	activities  {id, updated, json}
//	                              one record per activity of the
//	                              Patient-Specific Functional Scale, json as
//	                              above
//	meta        {key:"schema", version, from}
//
// Why months: reading IndexedDB costs per record as well as per byte (the
// README's storage section has the figures), and the Go side crosses into
// JavaScript once per record. A month holds a handful of episodes, so
// saving one rewrites a few kilobytes. Keeping the episodes as text (not
// parsed objects) keeps IndexedDB's own reads cheap too.
//
//	v1  stores "episodes" and "sessions" (key "id", index "started" on the
//	    started text) and "meta" (key "key") holding {key:"schema",version}.
//	v2  index "newest" replaces "started": text with different UTC offsets
//	    (a person who travels) does not sort by instant, and an ascending
//	    index lets getAll(null, n) read the newest n records in one request.
//	    Existing records gain "newest".
//	v3  "months" and "episodeIds" replace "episodes", whose records are
//	    grouped by the month of their started text (an unreadable one goes
//	    to month 0, older than any real month: nothing is dropped). The
//	    texts are moved, not decoded.
//	v4  "activities" is added, empty.
//
// Migrations run in order from the database's version, so a database made
// by any earlier version reaches the current one. Never change what a step
// that has shipped does to the database; add a step. A step may read and
// write asynchronously (v2 and v3 walk records), so each step calls done
// once its last request has succeeded, and only then does the next one
// start: v3 deletes "episodes", which must wait until v2 has finished
// walking it. The done continuation came with v3: v2 writes exactly what it
// always wrote, and an exception in its walk now aborts the upgrade (the
// database stays as it was) instead of stopping the walk halfway.
const (
	dbName          = "unknot"
	dbVersion       = 4
	storeMonths     = "months"
	storeEpisodeIDs = "episodeIds"
	storeSessions   = "sessions"
	storeActivities = "activities"
	storeMeta       = "meta"
	indexNewest     = "newest"
	journalChannel  = "unknot-journal"
	openTimeout     = 10 * time.Second

	// storeEpisodes held one record per episode before v3.
	storeEpisodes = "episodes"
)

// upgrade is the versionchange transaction the migrations run in.
type upgrade struct {
	db, tx js.Value
	funcs  []js.Func // released once the database is open
}

// callback returns a JavaScript function running f with its this; an
// exception in f aborts the upgrade, which leaves the database as it was.
func (u *upgrade) callback(f func(this js.Value)) js.Func {
	fn := js.FuncOf(func(this js.Value, _ []js.Value) any {
		if err := try(func() { f(this) }); err != nil {
			u.abort()
		}
		return nil
	})
	u.funcs = append(u.funcs, fn)
	return fn
}

func (u *upgrade) abort() { _ = try(func() { u.tx.Call("abort") }) }

// migration upgrades the database by one version and calls done once all
// it has to do is done (at once, or from its last request's callback).
type migration func(u *upgrade, done func())

var migrations = []migration{
	1: func(u *upgrade, done func()) {
		for _, name := range []string{storeEpisodes, storeSessions} {
			s := u.db.Call("createObjectStore", name, map[string]any{"keyPath": "id"})
			s.Call("createIndex", "started", "started")
		}
		u.db.Call("createObjectStore", storeMeta, map[string]any{"keyPath": "key"})
		done()
	},
	2: func(u *upgrade, done func()) {
		walking := 2
		for _, name := range []string{storeEpisodes, storeSessions} {
			s := u.tx.Call("objectStore", name)
			s.Call("createIndex", indexNewest, indexNewest)
			s.Call("deleteIndex", "started")
			walk := u.callback(func(req js.Value) {
				c := req.Get("result")
				if c.IsNull() || c.IsUndefined() {
					if walking--; walking == 0 {
						done()
					}
					return
				}
				v := c.Get("value")
				newest := 0.0 // unreadable start: kept, sorted as oldest
				if t, err := time.Parse(time.RFC3339Nano, v.Get("started").String()); err == nil {
					newest = newestKey(t)
				}
				v.Set("newest", newest)
				c.Call("update", v)
				c.Call("continue")
			})
			s.Call("openCursor").Set("onsuccess", walk)
		}
	},
	3: func(u *upgrade, done func()) {
		months := u.db.Call("createObjectStore", storeMonths, map[string]any{"keyPath": "month"})
		ids := u.db.Call("createObjectStore", storeEpisodeIDs, map[string]any{"keyPath": "id"})
		read := u.callback(func(req js.Value) {
			all := req.Get("result")
			texts := map[int][]string{}
			for i, n := 0, all.Length(); i < n; i++ {
				v := all.Index(i)
				m := unreadableMonth
				if t, err := time.Parse(time.RFC3339Nano, v.Get("started").String()); err == nil {
					m = monthKey(t)
				}
				texts[m] = append(texts[m], v.Get("json").String())
				ids.Call("put", map[string]any{"id": v.Get("id"), "month": m, "updated": v.Get("updated")})
			}
			for m, list := range texts {
				months.Call("put", map[string]any{"month": m, "json": "[" + strings.Join(list, ",") + "]"})
			}
			u.db.Call("deleteObjectStore", storeEpisodes)
			done()
		})
		u.tx.Call("objectStore", storeEpisodes).Call("getAll").Set("onsuccess", read)
	},
	4: func(u *upgrade, done func()) {
		u.db.Call("createObjectStore", storeActivities, map[string]any{"keyPath": "id"})
		done()
	},
}

// openDB opens the database at dbVersion, running the migrations it needs.
func openDB(ctx context.Context) (js.Value, error) {
	var req js.Value
	err := try(func() {
		idb := js.Global().Get("indexedDB")
		if !idb.Truthy() {
			panic(errors.New("this browser has no IndexedDB"))
		}
		req = idb.Call("open", dbName, dbVersion)
	})
	if err != nil {
		return js.Value{}, err
	}
	done := make(chan error, 1)
	u := &upgrade{}
	on := func(event string, f func(ev js.Value)) {
		fn := js.FuncOf(func(_ js.Value, args []js.Value) any {
			f(args[0])
			return nil
		})
		u.funcs = append(u.funcs, fn)
		req.Set("on"+event, fn)
	}
	on("upgradeneeded", func(ev js.Value) {
		old := ev.Get("oldVersion").Int()
		u.db, u.tx = req.Get("result"), req.Get("transaction")
		var step func(v int)
		step = func(v int) {
			if v > dbVersion {
				u.tx.Call("objectStore", storeMeta).Call("put", map[string]any{
					"key": "schema", "version": dbVersion, "from": old,
				})
				return
			}
			migrations[v](u, func() { step(v + 1) })
		}
		if err := try(func() { step(old + 1) }); err != nil {
			u.abort()
		}
	})
	on("success", func(js.Value) { done <- nil })
	on("error", func(ev js.Value) {
		_ = try(func() { ev.Call("preventDefault") })
		done <- domError(req.Get("error"))
	})
	on("blocked", func(js.Value) {}) // another tab holds an older version; it closes on versionchange
	select {
	case err = <-done:
	case <-ctx.Done():
		err = ctx.Err()
	case <-time.After(openTimeout):
		err = errors.New("the database did not open in time")
	}
	_ = try(func() {
		for _, ev := range []string{"onupgradeneeded", "onsuccess", "onerror", "onblocked"} {
			req.Set(ev, js.Null())
		}
		if err != nil {
			// A late success must not leave an open connection behind.
			req.Set("onsuccess", closeResult)
		}
	})
	if err != nil {
		// No migration callback may run once they are released.
		u.abort()
	}
	for _, f := range u.funcs {
		f.Release()
	}
	if err != nil {
		return js.Value{}, err
	}
	db := req.Get("result")
	// A newer version of the app in another tab needs this connection
	// closed to upgrade; later calls here then fail as "unavailable".
	_ = try(func() { db.Set("onversionchange", closeTarget) })
	return db, nil
}

// closeResult and closeTarget close a database from a JavaScript callback;
// they live as long as the page, so they are never released.
var (
	closeResult = js.FuncOf(func(this js.Value, _ []js.Value) any {
		_ = try(func() { this.Get("result").Call("close") })
		return nil
	})
	closeTarget = js.FuncOf(func(this js.Value, _ []js.Value) any {
		_ = try(func() { this.Call("close") })
		return nil
	})
)
