//go:build !wasm

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"unknot/app/journal"
	"unknot/app/journal/journaltest"
	"unknot/app/triage"
)

// Browser journeys for the journal, on the real IndexedDB store.

// quickLog logs an episode in three taps on /journal/new and returns its id.
func quickLog(t *testing.T, ctx context.Context, url, pain, where, trigger string) string {
	t.Helper()
	runIn(t, ctx, "opening the quick log", chromedp.Navigate(url+"/journal/new"), appReady(),
		chromedp.Click(fmt.Sprintf(`[data-pain=%q]`, pain), chromedp.ByQuery),
		chromedp.Click(fmt.Sprintf(`[data-where=%q]`, where), chromedp.ByQuery),
		chromedp.Click(fmt.Sprintf(`[data-trigger=%q]`, trigger), chromedp.ByQuery))
	eventually(t, ctx, "saved", `document.querySelector("[data-saved-episode]") !== null`)
	var id string
	runIn(t, ctx, "reading the id", chromedp.AttributeValue("[data-saved-episode]", "data-saved-episode", &id, nil))
	return id
}

// journalRows returns every row of /journal (showing more until all are
// shown) as "id|text" lines.
func journalRows(t *testing.T, ctx context.Context, url string) []string {
	t.Helper()
	runIn(t, ctx, "opening the journal", chromedp.Navigate(url+"/journal"), appReady())
	eventually(t, ctx, "the list or the empty state", `document.querySelector("[data-episode], [data-journal-empty]") !== null`)
	for {
		var more bool
		runIn(t, ctx, "show more?", chromedp.Evaluate(`!!document.querySelector('[data-action="show-more"]')`, &more))
		if !more {
			break
		}
		var n int
		runIn(t, ctx, "counting", chromedp.Evaluate(`document.querySelectorAll("[data-episode]").length`, &n))
		runIn(t, ctx, "show more", chromedp.Click(`[data-action="show-more"]`, chromedp.ByQuery))
		eventually(t, ctx, "more rows", fmt.Sprintf(`document.querySelectorAll("[data-episode]").length > %d`, n))
	}
	var rows []string
	runIn(t, ctx, "reading rows", chromedp.Evaluate(`[...document.querySelectorAll("a[data-episode]")].map(a => a.dataset.episode + "|" + a.textContent)`, &rows))
	return rows
}

// setField types into a text field as a person would (an input event).
func setField(sel, value string) chromedp.Action {
	return chromedp.Evaluate(fmt.Sprintf(`(() => { const el = document.querySelector(%q); el.value = %q; el.dispatchEvent(new Event("input", {bubbles: true})); return true })()`, sel, value), nil)
}

func fieldValue(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	var v string
	runIn(t, ctx, "reading "+sel, chromedp.Evaluate(fmt.Sprintf(`document.querySelector(%q).value`, sel), &v))
	return v
}

func openEpisode(t *testing.T, ctx context.Context, url, id string) {
	t.Helper()
	runIn(t, ctx, "opening "+id, chromedp.Navigate(url+"/journal/"+id), appReady())
	eventually(t, ctx, "the episode", fmt.Sprintf(`document.querySelector('[data-episode-page=%q]') !== null`, id))
}

// dateEpisodeBack sets the open episode's start to noon, days days ago, as
// a person would in its form, saves it, and returns the field's value
// ("2026-10-28T12:00", local time).
func dateEpisodeBack(t *testing.T, ctx context.Context, days int) string {
	t.Helper()
	var started string
	runIn(t, ctx, fmt.Sprintf("starting it %d days earlier", days), chromedp.Evaluate(fmt.Sprintf(`(() => {
		const d = new Date(Date.now() - %d * 864e5);
		d.setHours(12, 0, 0, 0);
		const el = document.querySelector("#episode-started");
		el.value = new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
		el.dispatchEvent(new Event("change", {bubbles: true}));
		return el.value;
	})()`, days), &started), chromedp.Click(`[data-action="save-episode"]`, chromedp.ByQuery))
	eventually(t, ctx, "saved", `document.getElementById("episode-status").textContent === "Saved."`)
	return started
}

func TestBrowserJournalQuickLogSurvivesReloadAndCrash(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "web", "")
	b := newBrowser(t)
	ctx := b.Tab()
	id := quickLog(t, ctx, srv.URL, "7", "left", "lifting")

	words := texts(t)
	rows := journalRows(t, ctx, srv.URL)
	// The row says what was tapped: the pain, where and what set it off.
	if len(rows) != 1 || !strings.HasPrefix(rows[0], id+"|") || !strings.Contains(rows[0], "worst pain 7") ||
		!strings.Contains(rows[0], words.T("journal.where.left")) || !strings.Contains(rows[0], words.T("journal.trigger.lifting")) {
		t.Fatalf("rows after logging = %q; want one row with worst pain 7, %s, %s", rows, words.T("journal.where.left"), words.T("journal.trigger.lifting"))
	}
	_, row, _ := strings.Cut(rows[0], "|")
	runIn(t, ctx, "reload", chromedp.Reload(), appReady())
	eventually(t, ctx, "the same row after a reload", fmt.Sprintf(`(document.querySelector('[data-episode=%q]') || {}).textContent === %q`, id, row))

	// Save an edit, start another, and kill the browser mid-edit.
	openEpisode(t, ctx, srv.URL, id)
	runIn(t, ctx, "editing", setField("#episode-notes", "Bent to pick up the cat."),
		chromedp.Click(`[data-action="save-episode"]`, chromedp.ByQuery))
	eventually(t, ctx, "saved", `document.getElementById("episode-status").textContent === "Saved."`)
	runIn(t, ctx, "adding a rating", chromedp.Click(`[data-add-pain="4"]`, chromedp.ByQuery))
	eventually(t, ctx, "rating saved", `document.getElementById("episode-status").textContent === "Pain rating saved."`)
	runIn(t, ctx, "typing, unsaved", setField("#episode-notes", "half-typed"))
	b.Restart()

	ctx = b.Tab()
	openEpisode(t, ctx, srv.URL, id)
	if got := fieldValue(t, ctx, "#episode-notes"); got != "Bent to pick up the cat." {
		t.Errorf("notes after a crash = %q; want the saved words", got)
	}
	var ratings []string
	runIn(t, ctx, "ratings", chromedp.Evaluate(`[...document.querySelectorAll(".pain-ratings li")].map(li => li.textContent)`, &ratings))
	if len(ratings) != 2 || !strings.HasSuffix(ratings[0], "pain 7 out of 10") || !strings.HasSuffix(ratings[1], "pain 4 out of 10") {
		t.Errorf("pain ratings after a crash = %q; want the logged 7, then the added 4", ratings)
	}
}

func TestBrowserJournalTwoTabsNeverOverwrite(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "web", "")
	b := newBrowser(t)
	first := b.Tab()
	id := quickLog(t, first, srv.URL, "5", "centre", "sitting_long")
	// appReady polls on animation frames, which background tabs do not
	// get: load each tab while it is the newest.
	openEpisode(t, first, srv.URL, id)
	second := b.Tab()
	openEpisode(t, second, srv.URL, id)

	runIn(t, first, "first tab saves", setField("#episode-notes", "from the first tab"),
		chromedp.Click(`[data-action="save-episode"]`, chromedp.ByQuery))
	eventually(t, first, "saved", `document.getElementById("episode-status").textContent === "Saved."`)
	// The second tab hears of it at once.
	eventually(t, second, "the changed-elsewhere notice", fmt.Sprintf(`(document.querySelector("[data-conflict]") || {textContent: ""}).textContent.includes(%q)`, texts(t).T("journal.episode.elsewhere")))

	runIn(t, second, "second tab saves anyway", setField("#episode-notes", "from the second tab"),
		chromedp.Click(`[data-action="save-episode"]`, chromedp.ByQuery))
	eventually(t, second, "the conflict message", `document.getElementById("episode-status").textContent.includes("another tab")`)

	third := b.Tab()
	openEpisode(t, third, srv.URL, id)
	if got := fieldValue(t, third, "#episode-notes"); got != "from the first tab" {
		t.Errorf("stored notes = %q; want the first tab's", got)
	}
	// Reload offers the latest version.
	runIn(t, second, "reload", chromedp.Click(`[data-action="reload-episode"]`, chromedp.ByQuery))
	eventually(t, second, "the latest version", `document.querySelector("#episode-notes").value === "from the first tab" && !document.querySelector("[data-conflict]")`)
}

// download clicks sel and returns the file the browser saved.
func download(t *testing.T, ctx context.Context, sel string) []byte {
	t.Helper()
	dir := t.TempDir()
	done := make(chan string, 1)
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*cdpbrowser.EventDownloadProgress); ok && e.State == cdpbrowser.DownloadProgressStateCompleted {
			select {
			case done <- e.GUID:
			default:
			}
		}
	})
	runIn(t, ctx, "downloading", cdpbrowser.SetDownloadBehavior(cdpbrowser.SetDownloadBehaviorBehaviorAllowAndName).
		WithDownloadPath(dir).WithEventsEnabled(true), chromedp.Click(sel, chromedp.ByQuery))
	select {
	case guid := <-done:
		data, err := os.ReadFile(filepath.Join(dir, guid))
		if err != nil {
			t.Fatal(err)
		}
		return data
	case <-time.After(30 * time.Second):
		t.Fatal("no download within 30s")
	}
	return nil
}

func TestBrowserJournalExportThenImportIntoFreshProfile(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "web", "")
	b := newBrowser(t)
	ctx := b.Tab()
	quickLog(t, ctx, srv.URL, "8", "both", "twisting_bending")
	id := quickLog(t, ctx, srv.URL, "3", "right", "sleep")
	openEpisode(t, ctx, srv.URL, id)
	runIn(t, ctx, "details", setField("#episode-notes", "Woke up stiff, \"quotes\" and a comma, fine."),
		setField("#episode-medicines", "ibuprofen"),
		chromedp.Click(`[data-action="save-episode"]`, chromedp.ByQuery))
	eventually(t, ctx, "saved", `document.getElementById("episode-status").textContent === "Saved."`)
	want := journalRows(t, ctx, srv.URL)

	data := download(t, ctx, `[data-action="export-json"]`)
	b1, err := journal.DecodeBackup(strings.NewReader(string(data)))
	if err != nil {
		t.Fatalf("the exported backup does not decode: %v\n%s", err, data)
	}
	if len(b1.Episodes) != 2 {
		t.Fatalf("backup has %d episodes; want 2: %s", len(b1.Episodes), data)
	}
	for _, e := range b1.Episodes {
		if e.ID == id && (e.Notes != `Woke up stiff, "quotes" and a comma, fine.` || strings.Join(e.Medicines, ",") != "ibuprofen") {
			t.Errorf("backup of %s: notes %q, medicines %q; want the words typed and ibuprofen", id, e.Notes, e.Medicines)
		}
	}
	csv := download(t, ctx, `[data-action="export-csv"]`)
	if !strings.HasPrefix(string(csv), strings.Join(journal.CSVColumns, ",")) || strings.Count(string(csv), "\n") != 3 ||
		!strings.Contains(string(csv), `"Woke up stiff, ""quotes"" and a comma, fine."`) {
		t.Errorf("CSV export (want a header, two rows and the notes quoted whole):\n%s", csv)
	}

	path := filepath.Join(t.TempDir(), "backup.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	fresh := newBrowser(t).Tab()
	if rows := journalRows(t, fresh, srv.URL); len(rows) != 0 {
		t.Fatalf("a fresh profile has rows: %q", rows)
	}
	runIn(t, fresh, "choosing the file", chromedp.SetUploadFiles("#journal-import-file", []string{path}, chromedp.ByQuery))
	eventually(t, fresh, "the preview", `document.querySelector('[data-import-preview="ready"]') !== null`)
	if p := text(t, fresh, "#import-preview-text"); !strings.Contains(p, "add 2 spasms") {
		t.Errorf("preview = %q", p)
	}
	runIn(t, fresh, "confirming", chromedp.Click(`[data-action="import-confirm"]`, chromedp.ByQuery))
	eventually(t, fresh, "imported", `document.getElementById("journal-import-message").textContent.startsWith("Imported")`)
	got := journalRows(t, fresh, srv.URL)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("after import rows =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Importing the same file again adds nothing.
	runIn(t, fresh, "choosing it again", chromedp.SetUploadFiles("#journal-import-file", []string{path}, chromedp.ByQuery))
	eventually(t, fresh, "nothing to import", `document.querySelector('[data-import-preview="empty"]') !== null`)
	if p := text(t, fresh, `[data-import-preview="empty"]`); !strings.Contains(p, "There is nothing to import") {
		t.Errorf("the second import says %q; want that there is nothing to import", p)
	}
	if again := journalRows(t, fresh, srv.URL); strings.Join(again, "\n") != strings.Join(want, "\n") {
		t.Errorf("after choosing the file again rows =\n%s\nwant\n%s", strings.Join(again, "\n"), strings.Join(want, "\n"))
	}
}

func TestBrowserJournalTriageResultLandsInJournal(t *testing.T) {
	t.Parallel()
	j := newTriageJourney(t)
	j.answerAll(triage.Answers{"age_band": "20_to_49", "first_episode": "no", "duration": "under_2_days", "course": "same", "daily_activities": "limited", "sciatica": "no", "inflammatory": "no", "trigger": "lifting", "pain_now": "6"})
	if got := j.disposition(); got != "selfcare" {
		t.Fatalf("disposition = %q; want selfcare", got)
	}
	if !j.has(`a[href="/journal/new"]`) {
		t.Error("no quick-log link on the result")
	}
	j.click("#triage-save")
	eventually(t, j.ctx, "saved", `document.querySelector("#triage-save").disabled`)
	var origin string
	runIn(t, j.ctx, "origin", chromedp.Evaluate(`location.origin`, &origin))
	rows := journalRows(t, j.ctx, origin)
	if len(rows) != 1 || !strings.Contains(rows[0], "worst pain 6") || !strings.Contains(rows[0], "Lifting") {
		t.Fatalf("journal rows = %q", rows)
	}
	id, _, _ := strings.Cut(rows[0], "|")
	openEpisode(t, j.ctx, origin, id)
	if got, want := text(t, j.ctx, `[data-triage="selfcare"]`), texts(t).T("journal.disposition.selfcare"); !strings.Contains(got, want) {
		t.Errorf("the episode shows the saved check as %q; want it to say %q", got, want)
	}
	runIn(t, j.ctx, "summary", chromedp.Navigate(origin+"/journal/summary"), appReady())
	eventually(t, j.ctx, "the summary", `document.querySelector("[data-warnings]") !== null`)
	if got := text(t, j.ctx, "[data-warnings]"); !strings.Contains(got, "No warning sign") {
		t.Errorf("warnings = %q", got)
	}
}

// journalMonths reads the month records of the journal database as
// {month, ids, starts} (each start as its month key) and the episodeIds
// records as id → month.
const journalMonths = `new Promise((resolve, reject) => {
	const req = indexedDB.open("unknot");
	req.onsuccess = () => {
		const db = req.result;
		const out = {months: [], ids: {}};
		const tx = db.transaction(["months", "episodeIds"]);
		tx.objectStore("months").getAll().onsuccess = e => out.months = e.target.result.map(r => {
			const list = JSON.parse(r.json);
			return {month: r.month, ids: list.map(x => x.id), starts: list.map(x => { const d = new Date(x.started); return d.getUTCFullYear() * 12 + d.getUTCMonth(); })};
		});
		tx.objectStore("episodeIds").getAll().onsuccess = e => e.target.result.forEach(r => out.ids[r.id] = r.month);
		tx.oncomplete = () => { db.close(); resolve(out); };
		tx.onerror = () => reject(tx.error);
	};
	req.onerror = () => reject(req.error);
})`

// TestBrowserJournalEpisodeMovesMonth moves an episode's start into an
// earlier month, deletes it and undoes the delete. After each step every
// episode must be in exactly one month record, the one of its start, which
// episodeIds names, and no month record may be left empty.
func TestBrowserJournalEpisodeMovesMonth(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "web", "")
	b := newBrowser(t)
	ctx := b.Tab()
	stays := quickLog(t, ctx, srv.URL, "5", "centre", "sitting_long")
	moves := quickLog(t, ctx, srv.URL, "7", "left", "lifting")
	check := func(step string, want ...string) {
		t.Helper()
		var db struct {
			Months []struct {
				Month  int      `json:"month"`
				IDs    []string `json:"ids"`
				Starts []int    `json:"starts"`
			} `json:"months"`
			IDs map[string]int `json:"ids"`
		}
		runIn(t, ctx, "reading the database "+step, chromedp.Evaluate(journalMonths, &db, awaitPromise))
		seen := map[string]int{}
		for _, m := range db.Months {
			if len(m.IDs) == 0 {
				t.Errorf("%s: month %d is stored empty", step, m.Month)
			}
			for i, id := range m.IDs {
				seen[id]++
				if m.Starts[i] != m.Month || db.IDs[id] != m.Month {
					t.Errorf("%s: %s is in month %d; its start is in %d and episodeIds says %d", step, id, m.Month, m.Starts[i], db.IDs[id])
				}
			}
		}
		if len(seen) != len(want) || len(db.IDs) != len(want) {
			t.Errorf("%s: months hold %v, episodeIds %v; want %q", step, seen, db.IDs, want)
		}
		for _, id := range want {
			if seen[id] != 1 {
				t.Errorf("%s: %s is stored %d times; want once", step, id, seen[id])
			}
		}
	}
	check("after logging", stays, moves)

	openEpisode(t, ctx, srv.URL, moves)
	started := dateEpisodeBack(t, ctx, 70)
	check("after moving it to "+started, stays, moves)
	if rows := journalRows(t, ctx, srv.URL); len(rows) != 2 || !strings.HasPrefix(rows[0], stays) || !strings.HasPrefix(rows[1], moves) {
		t.Errorf("rows after moving = %q; want %s then %s", rows, stays, moves)
	}

	openEpisode(t, ctx, srv.URL, moves)
	runIn(t, ctx, "deleting", chromedp.Click(`[data-action="delete-episode"]`, chromedp.ByQuery))
	eventually(t, ctx, "deleted", fmt.Sprintf(`document.querySelector('[data-deleted=%q]') !== null`, moves))
	check("after deleting it", stays)
	// The list, in another tab, no longer shows it.
	if rows := journalRows(t, b.Tab(), srv.URL); len(rows) != 1 || !strings.HasPrefix(rows[0], stays+"|") {
		t.Errorf("rows after deleting = %q; want only %s", rows, stays)
	}
	runIn(t, ctx, "back to the deleted episode", page.BringToFront())
	clickJS(t, ctx, `[data-action="undo-delete"]`)
	eventually(t, ctx, "restored", `document.querySelector("[data-deleted]") === null`)
	check("after undoing", stays, moves)
	if rows := journalRows(t, ctx, srv.URL); len(rows) != 2 || !strings.HasPrefix(rows[0], stays+"|") || !strings.HasPrefix(rows[1], moves+"|") ||
		!strings.Contains(rows[1], "worst pain 7") {
		t.Errorf("rows after undoing = %q; want %s then %s (worst pain 7) again", rows, stays, moves)
	}
}

// TestBrowserJournalMigratesEveryEarlierVersion builds each earlier
// database with raw IndexedDB calls, laid out as that version laid it out,
// then loads the app over it.
func TestBrowserJournalMigratesEveryEarlierVersion(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "web", "")
	tokyo := time.FixedZone("JST", 9*3600)
	// As text, a sorts after b; as instants, b is newer. c's record has a
	// start that cannot be read: it must be kept all the same.
	a := journaltest.GenerateEpisodes(1, 1, time.Date(2025, 3, 1, 10, 0, 0, 0, tokyo))[0]
	bEp := journaltest.GenerateEpisodes(1, 2, time.Date(2025, 3, 1, 5, 0, 0, 0, time.UTC))[0]
	c := journaltest.GenerateEpisodes(1, 3, time.Date(2024, 7, 14, 18, 0, 0, 0, time.UTC))[0]
	session := journal.Session{ID: "5f0c2a8e-1b7d-4e3a-9c6f-0d2e4b8a1c37", RoutineID: "quick_relief", RoutineName: "Quick relief",
		Started: time.Date(2025, 2, 20, 7, 0, 0, 0, time.UTC), Ended: time.Date(2025, 2, 20, 7, 10, 0, 0, time.UTC),
		StepsDone: 6, StepsTotal: 6, Finished: true,
		Created: time.Date(2025, 2, 20, 7, 10, 0, 0, time.UTC), Updated: time.Date(2025, 2, 20, 7, 10, 0, 0, time.UTC)}
	// record is a v1 record; v2 adds newest, −(started in milliseconds),
	// or 0 when started cannot be read.
	record := func(id string, started, updated time.Time, v any) map[string]any {
		raw, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return map[string]any{"id": id, "started": started.Format(time.RFC3339Nano), "newest": -float64(started.UnixMilli()),
			"updated": updated.Format(time.RFC3339Nano), "json": string(raw)}
	}
	var episodes []map[string]any
	for _, e := range []journal.Episode{a, bEp, c} {
		episodes = append(episodes, record(e.ID, e.Started, e.Updated, e))
	}
	episodes[2]["started"], episodes[2]["newest"] = "not a date", 0
	sessions := []map[string]any{record(session.ID, session.Started, session.Updated, session)}

	march2025 := 2025*12 + 2
	// v3 keeps the episodes in month records; c, unreadable, in month 0.
	var marchTexts []string
	for _, e := range []journal.Episode{a, bEp} {
		raw, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		marchTexts = append(marchTexts, string(raw))
	}
	cText, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	v3Months, _ := json.Marshal([]map[string]any{
		{"month": march2025, "json": "[" + strings.Join(marchTexts, ",") + "]"},
		{"month": 0, "json": "[" + string(cText) + "]"},
	})
	v3IDs, _ := json.Marshal([]map[string]any{
		{"id": a.ID, "month": march2025, "updated": a.Updated.Format(time.RFC3339Nano)},
		{"id": bEp.ID, "month": march2025, "updated": bEp.Updated.Format(time.RFC3339Nano)},
		{"id": c.ID, "month": 0, "updated": c.Updated.Format(time.RFC3339Nano)},
	})

	for _, from := range []int{0, 1, 2, 3} {
		t.Run(fmt.Sprintf("from v%d", from), func(t *testing.T) {
			ctx := newBrowser(t).Tab()
			// A page of the origin that does not start the app.
			runIn(t, ctx, "origin", chromedp.Navigate(srv.URL+"/manifest.webmanifest"))
			if from == 3 {
				var ok bool
				runIn(t, ctx, "making a v3 database", chromedp.Evaluate(fmt.Sprintf(`new Promise((resolve, reject) => {
					const req = indexedDB.open("unknot", 3);
					req.onupgradeneeded = () => {
						const db = req.result;
						db.createObjectStore("months", {keyPath: "month"});
						db.createObjectStore("episodeIds", {keyPath: "id"});
						db.createObjectStore("sessions", {keyPath: "id"}).createIndex("newest", "newest");
						db.createObjectStore("meta", {keyPath: "key"}).put({key: "schema", version: 3, from: 0});
					};
					req.onsuccess = () => {
						const db = req.result;
						const tx = db.transaction(["months", "episodeIds", "sessions"], "readwrite");
						for (const r of %s) tx.objectStore("months").put(r);
						for (const r of %s) tx.objectStore("episodeIds").put(r);
						for (const r of %s) tx.objectStore("sessions").put(r);
						tx.oncomplete = () => { db.close(); resolve(true); };
						tx.onerror = () => reject(tx.error);
					};
					req.onerror = () => reject(req.error);
				})`, v3Months, v3IDs, recordsJSON(t, sessions, false)), &ok, awaitPromise))
			}
			if from > 0 && from < 3 {
				index := map[int]string{1: "started", 2: "newest"}[from]
				strip := from == 1 // v1 records have no newest
				eps, ss := recordsJSON(t, episodes, strip), recordsJSON(t, sessions, strip)
				var ok bool
				runIn(t, ctx, fmt.Sprintf("making a v%d database", from), chromedp.Evaluate(fmt.Sprintf(`new Promise((resolve, reject) => {
					const req = indexedDB.open("unknot", %d);
					req.onupgradeneeded = () => {
						const db = req.result;
						for (const name of ["episodes", "sessions"]) db.createObjectStore(name, {keyPath: "id"}).createIndex(%q, %q);
						db.createObjectStore("meta", {keyPath: "key"}).put({key: "schema", version: %d});
					};
					req.onsuccess = () => {
						const db = req.result;
						const tx = db.transaction(["episodes", "sessions"], "readwrite");
						for (const r of %s) tx.objectStore("episodes").put(r);
						for (const r of %s) tx.objectStore("sessions").put(r);
						tx.oncomplete = () => { db.close(); resolve(true); };
						tx.onerror = () => reject(tx.error);
					};
					req.onerror = () => reject(req.error);
				})`, from, index, index, from, eps, ss), &ok, awaitPromise))
			}
			rows := journalRows(t, ctx, srv.URL)
			var db struct {
				Version  int            `json:"version"`
				Schema   int            `json:"schema"`
				Stores   []string       `json:"stores"`
				Months   []any          `json:"months"` // month keys, each beside a JSON list
				IDs      map[string]int `json:"ids"`    // episode id → month key
				Sessions int            `json:"sessions"`
				// Activities is the count of the activities store, or -1
				// without one.
				Activities int `json:"activities"`
			}
			runIn(t, ctx, "reading the database", chromedp.Evaluate(`new Promise((resolve, reject) => {
				const req = indexedDB.open("unknot");
				req.onsuccess = () => {
					const db = req.result;
					const out = {version: db.version, stores: [...db.objectStoreNames], ids: {}};
					if (db.version !== 4) { db.close(); resolve(out); return; }
					const tx = db.transaction(["months", "episodeIds", "sessions", "activities", "meta"]);
					tx.objectStore("activities").count().onsuccess = e => out.activities = e.target.result;
					tx.objectStore("meta").get("schema").onsuccess = e => out.schema = e.target.result.version;
					tx.objectStore("months").getAll().onsuccess = e => out.months = e.target.result.map(r =>
						typeof r.month === "number" && Array.isArray(JSON.parse(r.json)) ? r.month : "not a month: " + JSON.stringify(r));
					tx.objectStore("episodeIds").getAll().onsuccess = e => e.target.result.forEach(r => out.ids[r.id] = r.month);
					tx.objectStore("sessions").count().onsuccess = e => out.sessions = e.target.result;
					tx.oncomplete = () => { db.close(); resolve(out); };
				};
				req.onerror = () => reject(req.error);
			})`, &db, awaitPromise))
			if db.Version != 4 || db.Schema != 4 || db.Activities != 0 || strings.Join(db.Stores, ",") != "activities,episodeIds,meta,months,sessions" {
				t.Errorf("database after loading: version %d, schema %d, %d activities, stores %q; want 4, 4, 0, activities,episodeIds,meta,months,sessions",
					db.Version, db.Schema, db.Activities, db.Stores)
			}
			for _, m := range db.Months {
				if _, ok := m.(float64); !ok {
					t.Errorf("month record %v", m)
				}
			}
			if from > 0 {
				want := map[string]int{a.ID: march2025, bEp.ID: march2025, c.ID: 0}
				if fmt.Sprint(db.IDs) != fmt.Sprint(want) || len(db.Months) != 2 || db.Sessions != 1 {
					t.Errorf("after migrating: months %v, episode months %v, %d sessions; want 2 months, %v, 1 session", db.Months, db.IDs, db.Sessions, want)
				}
				if len(rows) != 3 || !strings.HasPrefix(rows[0], bEp.ID) || !strings.HasPrefix(rows[1], a.ID) || !strings.HasPrefix(rows[2], c.ID) {
					t.Errorf("rows after migrating = %q; want %s, %s, %s", rows, bEp.ID, a.ID, c.ID)
				}
			}
			// The migrated journal takes new records.
			id := quickLog(t, ctx, srv.URL, "2", "right", "sport")
			if rows := journalRows(t, ctx, srv.URL); len(rows) != len(db.IDs)+1 || !strings.HasPrefix(rows[0], id) {
				t.Errorf("rows after logging = %q", rows)
			}
		})
	}
}

// recordsJSON is records as a JavaScript array, without their newest keys
// when strip is set.
func recordsJSON(t *testing.T, records []map[string]any, strip bool) string {
	t.Helper()
	out := make([]map[string]any, len(records))
	for i, r := range records {
		out[i] = map[string]any{}
		for k, v := range r {
			if k != "newest" || !strip {
				out[i][k] = v
			}
		}
	}
	raw, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

func TestBrowserJournalAccessibility(t *testing.T) {
	t.Parallel()
	axe := axeSource(t)
	srv := startServer(t, "web", "")
	ctx := newBrowser(t).Tab()
	runIn(t, ctx, "empty journal", chromedp.Navigate(srv.URL+"/journal"), appReady())
	eventually(t, ctx, "empty state", `document.querySelector("[data-journal-empty]") !== null`)
	checkAxe(t, ctx, axe, "empty /journal")
	id := quickLog(t, ctx, srv.URL, "7", "left", "lifting")
	checkAxe(t, ctx, axe, "quick log saved")
	for _, scheme := range []string{"light", "dark"} {
		runIn(t, ctx, "emulating "+scheme, emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}))
		for _, page := range []struct{ path, ready string }{
			{"/journal", `document.querySelector("[data-episode]") !== null`},
			{"/journal/new", `document.querySelector("[data-pain]") !== null`},
			{"/journal/" + id, `document.querySelector("[data-episode-page]") !== null`},
			{"/journal/summary", `document.querySelector("[data-summary-period]") !== null`},
		} {
			runIn(t, ctx, "loading "+page.path, chromedp.Navigate(srv.URL+page.path), appReady())
			eventually(t, ctx, page.path+" loaded", page.ready)
			checkAxe(t, ctx, axe, scheme+" "+page.path)
		}
	}
	// The narrowest phone: nothing scrolls sideways.
	runIn(t, ctx, "320px", emulation.SetDeviceMetricsOverride(320, 640, 2, true))
	for _, p := range []string{"/journal", "/journal/new", "/journal/" + id, "/journal/summary"} {
		var overflow bool
		runIn(t, ctx, "loading "+p, chromedp.Navigate(srv.URL+p), appReady(), chromedp.Sleep(300*time.Millisecond),
			chromedp.Evaluate(`document.documentElement.scrollWidth > document.documentElement.clientWidth`, &overflow))
		if overflow {
			t.Errorf("%s scrolls sideways at 320px", p)
		}
	}
}

// TestBrowserJournalUnavailableStorageIsSaid opens the app over a database
// it cannot open (one from a newer version of the app): the journal keeps
// working in memory and says that nothing will be kept.
func TestBrowserJournalUnavailableStorageIsSaid(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "web", "")
	ctx := newBrowser(t).Tab()
	runIn(t, ctx, "origin", chromedp.Navigate(srv.URL+"/manifest.webmanifest"),
		chromedp.Evaluate(`new Promise((resolve, reject) => {
			const req = indexedDB.open("unknot", 99);
			req.onsuccess = () => { req.result.close(); resolve(true); };
			req.onerror = () => reject(req.error);
		})`, nil, awaitPromise))
	runIn(t, ctx, "journal", chromedp.Navigate(srv.URL+"/journal"), appReady())
	warning := fmt.Sprintf(`(document.querySelector(".journal-volatile") || {}).textContent === %q`, texts(t).T("journal.volatile"))
	eventually(t, ctx, "the warning", warning)
	id := quickLog(t, ctx, srv.URL, "4", "right", "sport")
	eventually(t, ctx, "the warning on the quick log", warning)
	// It keeps working in memory: the journal, reached without a page load,
	// lists what was just logged, under the same warning.
	clickJS(t, ctx, `nav.tabbar a[href="/journal"]`)
	eventually(t, ctx, "the logged row, kept in memory", fmt.Sprintf(`location.pathname === "/journal" &&
		((document.querySelector('[data-episode=%q]') || {}).textContent || "").includes("worst pain 4") && %s`, id, warning))
}
