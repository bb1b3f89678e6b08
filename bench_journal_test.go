//go:build bench

package main

// `make bench` for the journal (DESIGN.md, "Performance budget"): with
// 5,000 episodes in IndexedDB, the time to open the list (a tap on the
// Journal tab until the first rows are on screen), to save an episode (the
// third quick-log tap until "saved" shows), to export the CSV (the tap until
// the file is handed to the browser), and the storage used per episode.
// Each time is the median of several runs, measured in the page with
// performance.now() and a MutationObserver.

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"unknot/app/journal/journaltest"
)

const (
	benchEpisodes   = 5000
	benchJournalRun = 7
)

// benchUntil taps sel and resolves with the milliseconds until done (a JS
// expression) is true, checked on every DOM change.
func benchUntil(sel, done string) string {
	return fmt.Sprintf(`new Promise((resolve, reject) => {
		const t0 = performance.now();
		const ok = () => { try { return %s } catch (e) { return false } };
		const obs = new MutationObserver(() => { if (ok()) { obs.disconnect(); resolve(performance.now() - t0); } });
		obs.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true});
		document.querySelector(%q).click();
		setTimeout(() => { obs.disconnect(); reject(new Error("timed out")); }, 30000);
	})`, done, sel)
}

func TestBenchJournal(t *testing.T) {
	srv := startServer(t, "web", "")
	ctx := newBrowser(t).Tab()
	// The service worker stores its precache once the first screen is up:
	// wait for it, so that it neither runs during the measurements nor counts
	// towards the storage the episodes take.
	runIn(t, ctx, "first visit", chromedp.Navigate(srv.URL+"/journal"), appReady(), workerReady())
	eventually(t, ctx, "the empty journal", `document.querySelector("[data-journal-empty]") !== null`)

	// Seed with raw IndexedDB calls, in the layout the app writes (schema
	// v3): one record per calendar month (UTC) holding its episodes as one
	// JSON list, and one small record per episode saying which month.
	start := time.Now().AddDate(0, 0, -benchEpisodes*5/2)
	texts := map[int][]string{}
	var ids []map[string]any
	for _, e := range journaltest.GenerateEpisodes(benchEpisodes, 42, start) {
		raw, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		u := e.Started.UTC()
		month := u.Year()*12 + int(u.Month()) - 1
		texts[month] = append(texts[month], string(raw))
		ids = append(ids, map[string]any{"id": e.ID, "month": month, "updated": e.Updated.Format(time.RFC3339Nano)})
	}
	var months []map[string]any
	for month, list := range texts {
		months = append(months, map[string]any{"month": month, "json": "[" + strings.Join(list, ",") + "]"})
	}
	monthsJSON, _ := json.Marshal(months)
	idsJSON, _ := json.Marshal(ids)
	var before, after float64
	usage := `navigator.storage.estimate().then(e => e.usage)`
	runIn(t, ctx, "usage before", chromedp.Evaluate(usage, &before, awaitPromise))
	runIn(t, ctx, "seeding", chromedp.Evaluate(fmt.Sprintf(`new Promise((resolve, reject) => {
		const req = indexedDB.open("unknot");
		req.onsuccess = () => {
			const db = req.result;
			const tx = db.transaction(["months", "episodeIds"], "readwrite");
			for (const r of %s) tx.objectStore("months").put(r);
			for (const r of %s) tx.objectStore("episodeIds").put(r);
			tx.oncomplete = () => { db.close(); resolve(true); };
			tx.onerror = () => reject(tx.error);
		};
		req.onerror = () => reject(req.error);
	})`, monthsJSON, idsJSON), nil, awaitPromise))
	runIn(t, ctx, "usage after", chromedp.Evaluate(usage, &after, awaitPromise))
	perEpisode := (after - before) / benchEpisodes

	// The floor under the export: reading the month records in plain
	// JavaScript, in one getAll and in getAll requests of 32 months as the
	// app reads them, each the median of the runs.
	var raw struct{ One, Batches []float64 }
	runIn(t, ctx, "raw reads", chromedp.Evaluate(fmt.Sprintf(`new Promise((resolve, reject) => {
		const req = indexedDB.open("unknot");
		req.onerror = () => reject(req.error);
		req.onsuccess = async () => {
			const db = req.result;
			const out = {one: [], batches: []};
			const read = batch => new Promise((done, fail) => {
				const t0 = performance.now();
				const s = db.transaction("months").objectStore("months");
				const next = lower => {
					const r = s.getAll(lower, batch);
					r.onerror = () => fail(r.error);
					r.onsuccess = () => {
						const got = r.result;
						if (batch && got.length === batch) next(IDBKeyRange.lowerBound(got[batch - 1].month, true));
						else done(performance.now() - t0);
					};
				};
				next(null);
			});
			for (let i = 0; i < %d; i++) {
				out.one.push(await read(undefined));
				out.batches.push(await read(32));
			}
			db.close();
			resolve(out);
		};
	})`, benchJournalRun), &raw, awaitPromise))
	var open, save, csv []float64
	runIn(t, ctx, "downloads", cdpbrowser.SetDownloadBehavior(cdpbrowser.SetDownloadBehaviorBehaviorAllowAndName).WithDownloadPath(t.TempDir()))
	for i := 0; i < benchJournalRun; i++ {
		var ms float64
		runIn(t, ctx, "home", chromedp.Navigate(srv.URL+"/"), appReady(), chromedp.Sleep(300*time.Millisecond),
			chromedp.Evaluate(benchUntil(`nav.tabbar a[href="/journal"]`, `document.querySelectorAll("[data-episode]").length >= 50`), &ms, awaitPromise))
		open = append(open, ms)

		runIn(t, ctx, "csv", chromedp.Poll(`document.querySelector('[data-action="export-csv"]') !== null`, nil), chromedp.Sleep(300*time.Millisecond),
			chromedp.Evaluate(benchUntil(`[data-action="export-csv"]`, `document.getElementById("journal-data-status").textContent.includes(".csv")`), &ms, awaitPromise))
		csv = append(csv, ms)

		runIn(t, ctx, "quick log", chromedp.Navigate(srv.URL+"/journal/new"), appReady(),
			chromedp.Click(`[data-pain="6"]`, chromedp.ByQuery), chromedp.Click(`[data-where="centre"]`, chromedp.ByQuery),
			chromedp.Poll(`document.querySelector('[data-trigger="lifting"]') !== null`, nil), chromedp.Sleep(100*time.Millisecond),
			chromedp.Evaluate(benchUntil(`[data-trigger="lifting"]`, `document.querySelector("[data-saved-episode]") !== null`), &ms, awaitPromise))
		save = append(save, ms)
	}
	med := func(xs []float64) float64 {
		s := append([]float64(nil), xs...)
		sort.Float64s(s)
		return s[len(s)/2]
	}
	t.Logf("journal with %d episodes (median of %d runs):", benchEpisodes, benchJournalRun)
	for _, row := range []struct {
		what   string
		xs     []float64
		budget float64
	}{{"open the list", open, 150}, {"save an episode", save, 50}, {"export CSV", csv, 300}} {
		m := med(row.xs)
		verdict := "ok"
		if m > row.budget {
			verdict = "OVER BUDGET"
			t.Errorf("%s: %.0f ms; budget %.0f ms", row.what, m, row.budget)
		}
		t.Logf("  %-16s %6.1f ms   budget < %3.0f ms   %s   runs %v", row.what, m, row.budget, verdict, roundAll(row.xs))
	}
	t.Logf("  (IndexedDB, plain JavaScript, %d month records: one getAll %.0f ms, getAll by 32 months %.0f ms)", len(months), med(raw.One), med(raw.Batches))
	t.Logf("  storage          %6.0f bytes per episode (%.1f MB for %d, navigator.storage.estimate)", perEpisode, (after-before)/(1<<20), benchEpisodes)
}

func roundAll(xs []float64) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = int(x + 0.5)
	}
	return out
}
