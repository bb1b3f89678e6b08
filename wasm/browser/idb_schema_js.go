//go:build js && wasm

package browser

import (
	"context"
	"errors"
	"syscall/js"
	"time"
)

// The journal database and its versions. Every record is stored as
//
//	{id, started, newest, updated, json}
//
// where json is the record as the backup file writes it, started and
// updated are its RFC 3339 text (updated is what the concurrency check
// compares) and newest is −(started in milliseconds). Keeping the record as
// one string keeps IndexedDB's own reads cheap: measured with 5,000
// episodes, reading them as parsed objects took several times longer.
//
//	v1  stores "episodes" and "sessions" (key "id", index "started" on the
//	    started text) and "meta" (key "key") holding {key:"schema",version}.
//	v2  index "newest" replaces "started": text with different UTC offsets
//	    (a person who travels) does not sort by instant, and an ascending
//	    index lets getAll(null, n) read the newest n records in one request.
//	    Existing records gain "newest".
//
// Migrations run in order from the database's version, so a database made
// by any earlier version reaches the current one. Never change a step that
// has shipped; add one.
const (
	dbName         = "unknot"
	dbVersion      = 2
	storeEpisodes  = "episodes"
	storeSessions  = "sessions"
	storeMeta      = "meta"
	indexNewest    = "newest"
	journalChannel = "unknot-journal"
	openTimeout    = 10 * time.Second
)

// migration upgrades the database by one version inside the versionchange
// transaction tx. Callbacks it creates are added to *funcs and released
// once the database is open.
type migration func(db, tx js.Value, funcs *[]js.Func)

var migrations = []migration{
	1: func(db, tx js.Value, funcs *[]js.Func) {
		for _, name := range []string{storeEpisodes, storeSessions} {
			s := db.Call("createObjectStore", name, map[string]any{"keyPath": "id"})
			s.Call("createIndex", "started", "started")
		}
		db.Call("createObjectStore", storeMeta, map[string]any{"keyPath": "key"})
	},
	2: func(db, tx js.Value, funcs *[]js.Func) {
		for _, name := range []string{storeEpisodes, storeSessions} {
			s := tx.Call("objectStore", name)
			s.Call("createIndex", indexNewest, indexNewest)
			s.Call("deleteIndex", "started")
			walk := js.FuncOf(func(this js.Value, _ []js.Value) any {
				_ = try(func() {
					c := this.Get("result")
					if c.IsNull() || c.IsUndefined() {
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
				return nil
			})
			*funcs = append(*funcs, walk)
			s.Call("openCursor").Set("onsuccess", walk)
		}
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
	var funcs []js.Func
	on := func(event string, f func(ev js.Value)) {
		fn := js.FuncOf(func(_ js.Value, args []js.Value) any {
			f(args[0])
			return nil
		})
		funcs = append(funcs, fn)
		req.Set("on"+event, fn)
	}
	on("upgradeneeded", func(ev js.Value) {
		old := ev.Get("oldVersion").Int()
		db, tx := req.Get("result"), req.Get("transaction")
		err := try(func() {
			for v := old + 1; v <= dbVersion; v++ {
				migrations[v](db, tx, &funcs)
			}
			tx.Call("objectStore", storeMeta).Call("put", map[string]any{
				"key": "schema", "version": dbVersion, "from": old,
			})
		})
		if err != nil {
			_ = try(func() { tx.Call("abort") })
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
	for _, f := range funcs {
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
