//go:build !(js && wasm)

package view

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
	"unknot/app/journal/journaltest"
	"unknot/wasm/browser"
)

// noCtx is the context handed to handlers whose context use is limited to
// focusing an element, which only happens in the browser.
var noCtx app.Context

// show renders a component's current state (the test engine does not run
// OnMount, so the tests load through each page's fetch and show).
func show(c interface{ Render() app.UI }) string { return app.HTMLString(c.Render()) }

func journalEnv(t *testing.T, store journal.Store) (*Env, *browser.Files) {
	t.Helper()
	env := testEnv(t, browser.New())
	env.Journal = store
	files := browser.NewFiles()
	env.Files = files
	return env, files
}

func seeded(t *testing.T, n int, start time.Time) *journal.Memory {
	t.Helper()
	m := &journal.Memory{}
	eps := journaltest.GenerateEpisodes(n, 1, start)
	if err := m.Apply(context.Background(), journal.Plan{AddEpisodes: eps}); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestGroupByMonthKeepsOrder(t *testing.T) {
	at := func(s string) journal.Episode {
		tm, _ := time.ParseInLocation("2006-01-02", s, time.Local)
		return journal.Episode{ID: s, Started: tm}
	}
	groups := groupByMonth([]journal.Episode{at("2025-03-30"), at("2025-03-02"), at("2025-02-14"), at("2024-03-05")})
	var got []string
	for _, g := range groups {
		got = append(got, fmt.Sprintf("%s:%d", g.Start.Format("2006-01"), len(g.Episodes)))
	}
	if want := "2025-03:2 2025-02:1 2024-03:1"; strings.Join(got, " ") != want {
		t.Errorf("groups = %v; want %s", got, want)
	}
}

func TestJournalEmptyState(t *testing.T) {
	env, _ := journalEnv(t, &journal.Memory{})
	p := &journalPage{Env: env}
	p.show(p.fetch(listPage))
	html := show(p)
	if !strings.Contains(html, "data-journal-empty") || !strings.Contains(html, env.T("journal.empty.title")) {
		t.Errorf("no empty state on an empty journal:\n%s", html)
	}
	if strings.Contains(html, "data-episode=") || strings.Contains(html, "journal-charts") {
		t.Error("an empty journal shows rows or charts")
	}
	if strings.Contains(html, env.T("journal.volatile")) {
		t.Error("the storage warning shows although storage works")
	}
}

func TestJournalListPagesFiftyAtATime(t *testing.T) {
	env, _ := journalEnv(t, seeded(t, 120, time.Now().AddDate(0, 0, -400)))
	p := &journalPage{Env: env}
	p.show(p.fetch(listPage))
	html := show(p)
	if got := strings.Count(html, "data-episode="); got != listPage {
		t.Fatalf("%d rows shown; want %d", got, listPage)
	}
	if !strings.Contains(html, env.Text.Format("journal.list.count", "shown", "50", "total", "120")) {
		t.Error("no 'showing 50 of 120'")
	}
	if !strings.Contains(html, `data-action="show-more"`) {
		t.Fatal("no show-more button")
	}
	// Rows are newest first, grouped under month headings.
	all, _ := env.Journal.Episodes(context.Background())
	if i, j := strings.Index(html, all[0].ID), strings.Index(html, all[1].ID); i < 0 || j < i {
		t.Error("rows are not newest first")
	}
	if !strings.Contains(html, `class="journal-month-title"`) {
		t.Error("no month headings")
	}
	p.show(p.fetch(2 * listPage)) // what "Show more" loads
	if len(p.recent) != 100 || p.total != 120 {
		t.Errorf("after show more: %d of %d; want 100 of 120", len(p.recent), p.total)
	}
}

func TestJournalStorageUnavailableIsSaid(t *testing.T) {
	env, _ := journalEnv(t, &journal.Memory{})
	env.JournalVolatile = true
	jp, sp := &journalPage{Env: env}, &summaryPage{Env: env}
	jp.show(jp.fetch(listPage))
	sp.show(sp.fetch(6))
	qp := &quickLogPage{Env: env, volatile: env.journalVolatile()}
	for _, c := range []interface{ Render() app.UI }{jp, sp, qp} {
		if html := show(c); !strings.Contains(html, env.T("journal.volatile")) {
			t.Errorf("%T does not say nothing will be kept", c)
		}
	}
}

// The storage can fail after a journal page is drawn. The notice then fills
// a slot that was already there: every other element stays where it was, so
// go-app updates them rather than drawing them again (which took keyboard
// focus and a tap in progress with them).
func TestJournalStorageNoticeMovesNothing(t *testing.T) {
	env, _ := journalEnv(t, &journal.Memory{})
	tags := func(volatile bool) []string {
		html := show(&quickLogPage{Env: env, volatile: volatile})
		var list []string
		for _, m := range regexp.MustCompile(`<([a-z0-9]+)[ >]`).FindAllStringSubmatch(html, -1) {
			list = append(list, m[1])
		}
		return list
	}
	before, after := tags(false), tags(true)
	// go-app writes attributes in no fixed order.
	slot := regexp.MustCompile(`<div [^>]*class="journal-volatile-slot"[^>]*>\s*<p [^>]*class="[^"]*journal-volatile[ "]`).
		FindString(show(&quickLogPage{Env: env, volatile: true}))
	if !strings.Contains(slot, `role="alert"`) {
		t.Error("the notice is not in its slot, a live region")
	}
	var i int
	for i < len(before) && before[i] == after[i] {
		i++
	}
	if len(after) != len(before)+1 || after[i] != "p" || !slices.Equal(before[i:], after[i+1:]) {
		t.Errorf("the notice changes the page's elements beyond adding itself:\nbefore %v\nafter  %v", before, after)
	}
}

func TestQuickLogSavesOnTheThirdTap(t *testing.T) {
	store := &journal.Memory{}
	env, _ := journalEnv(t, store)
	p := &quickLogPage{Env: env}
	p.choose("pain", "7")
	p.choose("where", journal.WhereLeft)
	if eps, _ := store.Episodes(context.Background()); len(eps) != 0 {
		t.Fatal("saved before the third tap")
	}
	p.choose("trigger", "lifting")
	eps, _ := store.Episodes(context.Background())
	if len(eps) != 1 || p.step != quickSaved {
		t.Fatalf("after three taps: %d episodes, step %d", len(eps), p.step)
	}
	ep := eps[0]
	if len(ep.Pain) != 1 || ep.Pain[0].Score != 7 || ep.Where != journal.WhereLeft || strings.Join(ep.Triggers, ",") != "lifting" {
		t.Errorf("saved %+v", ep)
	}
	html := app.HTMLString(p.renderSaved())
	if !strings.Contains(html, `href="/journal/`+ep.ID+`"`) || !strings.Contains(html, env.T("journal.quick.saved")) {
		t.Error("no 'saved' with an add-details link")
	}
}

func TestQuickLogSkipsAndKeepsAnswersWhenStorageFails(t *testing.T) {
	store := &journal.Memory{}
	env, _ := journalEnv(t, store)
	p := &quickLogPage{Env: env}
	p.choose("pain", "")
	p.choose("where", "")
	store.SetError(&journal.StorageError{Kind: journal.StorageFull, Op: "test"})
	p.choose("trigger", "sport")
	if p.step != quickTrigger || p.saveErr != "storage.error.full" {
		t.Fatalf("after a full storage: step %d, error %q", p.step, p.saveErr)
	}
	store.SetError(nil)
	p.choose("trigger", "sport")
	eps, _ := store.Episodes(context.Background())
	if len(eps) != 1 || len(eps[0].Pain) != 0 || eps[0].Where != "" || eps[0].Triggers[0] != "sport" {
		t.Errorf("saved %+v", eps)
	}
}

func loadEpisodePage(t *testing.T, env *Env, id string) *episodePage {
	t.Helper()
	p := &episodePage{Env: env, ID: id, id: id}
	p.show(p.fetch(id))
	if !p.loaded || p.missing {
		t.Fatal("episode not loaded")
	}
	return p
}

func TestEpisodeDeleteAndUndo(t *testing.T) {
	store := seeded(t, 3, time.Now().AddDate(0, -1, 0))
	env, _ := journalEnv(t, store)
	all, _ := store.Episodes(context.Background())
	target := all[1]
	p := loadEpisodePage(t, env, target.ID)
	p.onDelete(noCtx, app.Event{})
	if _, err := store.Episode(context.Background(), target.ID); err == nil {
		t.Fatal("not deleted")
	}
	html := show(p)
	if !strings.Contains(html, `data-action="undo-delete"`) {
		t.Fatal("no undo after delete")
	}
	p.onUndo(noCtx, app.Event{})
	got, err := store.Episode(context.Background(), target.ID)
	if err != nil || got.Notes != target.Notes || !got.Updated.Equal(target.Updated) || len(got.Pain) != len(target.Pain) {
		t.Errorf("after undo: %+v, %v; want it back as it was", got, err)
	}
}

func TestEpisodeEditNeverOverwritesAnotherTab(t *testing.T) {
	store := seeded(t, 1, time.Now().AddDate(0, -1, 0))
	env, _ := journalEnv(t, store)
	all, _ := store.Episodes(context.Background())
	id := all[0].ID
	mine := loadEpisodePage(t, env, id)
	other := loadEpisodePage(t, env, id)

	other.draft.Notes = "from the other tab"
	other.onSave(noCtx, app.Event{})
	if other.statusErr {
		t.Fatalf("other tab: %s", other.status)
	}
	mine.draft.Notes = "from this tab"
	mine.onSave(noCtx, app.Event{})
	if !mine.elsewhere || !mine.statusErr || mine.status != env.T("journal.conflict") {
		t.Errorf("conflict not shown: elsewhere %v, status %q", mine.elsewhere, mine.status)
	}
	if got, _ := store.Episode(context.Background(), id); got.Notes != "from the other tab" {
		t.Errorf("stored notes = %q; the other tab's edit was overwritten", got.Notes)
	}
	if html := show(mine); !strings.Contains(html, `data-action="reload-episode"`) {
		t.Error("no reload offered")
	}
	// A rating added in the other tab is also a change this tab must not overwrite.
	other.onAddPain(3)
	if got, _ := store.Episode(context.Background(), id); got.Pain[len(got.Pain)-1].Score != 3 {
		t.Errorf("rating not added: %s", other.status)
	}
}

func TestEpisodeChangeFromAnotherTabIsNoticed(t *testing.T) {
	hub := &browser.Hub{}
	store, other := hub.OpenJournal(), hub.OpenJournal()
	heard := make(chan []string, 1)
	other.OnChange(func(ids []string) { heard <- ids })
	ep := journaltest.GenerateEpisodes(1, 3, time.Now().AddDate(0, 0, -2))[0]
	if err := store.PutEpisode(context.Background(), ep, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if ids := <-heard; len(ids) != 1 || ids[0] != ep.ID {
		t.Errorf("the other tab heard %v; want the id only", ids)
	}
	env, _ := journalEnv(t, store)
	p := loadEpisodePage(t, env, ep.ID)
	if p.changedSince(ep.ID, p.stored.Updated) {
		t.Fatal("unchanged episode reported as changed")
	}
	newer := ep.Clone()
	newer.Notes, newer.Updated = "changed elsewhere", ep.Updated.Add(time.Minute)
	if err := store.Memory.PutEpisode(context.Background(), newer, ep.Updated); err != nil {
		t.Fatal(err)
	}
	if !p.changedSince(ep.ID, p.stored.Updated) {
		t.Error("a change made elsewhere is not noticed")
	}
}

func TestImportPreviewThenApply(t *testing.T) {
	store := seeded(t, 2, time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC))
	env, files := journalEnv(t, store)
	have, _ := store.Episodes(context.Background())
	incoming := append(journaltest.GenerateEpisodes(3, 9, time.Date(2025, 2, 1, 9, 0, 0, 0, time.UTC)), have[0])
	updated := have[1].Clone()
	updated.Notes, updated.Updated = "newer", updated.Updated.Add(time.Hour)
	incoming = append(incoming, updated)
	var buf strings.Builder
	if err := journal.EncodeBackup(&buf, incoming, nil, time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	files.Picked[importInputID] = browser.File{Name: "backup.json", Data: []byte(buf.String())}

	changed := 0
	d := &journalData{Env: env, OnChange: func() { changed++ }}
	d.showCheck(d.checkImport())
	if d.plan == nil || d.importErr {
		t.Fatalf("no preview: %q", d.importMsg)
	}
	html := app.HTMLString(d.renderPreview())
	// Every count with its noun in the right number: never "1 are already here".
	if !strings.Contains(html, "add 3 spasms and 0 stretch sessions, and update 1 spasm and 0 stretch sessions") ||
		!strings.Contains(html, "1 record is already here and stays as it is.") {
		t.Errorf("preview:\n%s", html)
	}
	if eps, _ := store.Episodes(context.Background()); len(eps) != 2 {
		t.Fatal("the journal changed before confirming")
	}
	plan := *d.plan
	d.showApplied(plan, store.Apply(context.Background(), plan))
	eps, _ := store.Episodes(context.Background())
	if len(eps) != 5 || changed != 1 || d.importErr {
		t.Errorf("after import: %d episodes, %d reloads, message %q", len(eps), changed, d.importMsg)
	}
}

func TestImportRefusesABadFileAndChangesNothing(t *testing.T) {
	store := seeded(t, 2, time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC))
	env, files := journalEnv(t, store)
	before, _ := store.Episodes(context.Background())
	env.Clock = browser.NewClock() // 1 June 2025
	eps := journaltest.GenerateEpisodes(4, 2, time.Date(2025, 2, 1, 9, 0, 0, 0, time.UTC))
	pain11 := slices.Clone(eps)
	pain11[3].Pain = []journal.PainRating{{At: eps[3].Started, Score: 11}}
	pain11JSON, err := json.Marshal(journal.Backup{Format: journal.BackupFormat, Version: journal.BackupVersion,
		Exported: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), Episodes: pain11, Sessions: []journal.Session{}, Activities: []journal.Activity{}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, data, says, detail string }{
		{"not json", "hello", "This file is not an Unknot backup, and not a kind of file Unknot can read.", "not valid JSON at line 1, column 1"},
		{"wrong format", `{"format":"other","version":1,"exported":"2025-06-01T00:00:00Z","episodes":[],"sessions":[]}`,
			"This file is not an Unknot backup.", `format: "other" is not "unknot-journal"`},
		{"pain 11 in entry 4", string(pain11JSON),
			"Spasm 4 has a pain score of 11; scores go from 0 to 10.", "episodes[3].pain[0].score: 11 is out of range 0 to 10"},
		{"in the year 3000", strings.ReplaceAll(backupOf(t, eps), `"2025-`, `"3000-`),
			"This file has a date in the future (", "exported: 3000-"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files.Picked[importInputID] = browser.File{Name: "x.json", Data: []byte(tt.data)}
			d := &journalData{Env: env}
			d.showCheck(d.checkImport())
			if d.plan != nil || !d.importErr || !strings.HasPrefix(d.importMsg, tt.says) || !strings.HasSuffix(d.importMsg, " Nothing was changed.") {
				t.Errorf("plan %v, message %q; want %q… Nothing was changed.", d.plan, d.importMsg, tt.says)
			}
			if strings.ContainsAny(d.importMsg, "[{") || strings.Contains(d.importMsg, "JSON") {
				t.Errorf("message %q is written for programmers", d.importMsg)
			}
			if !strings.Contains(d.importDetail, tt.detail) {
				t.Errorf("details for support %q; want …%s…", d.importDetail, tt.detail)
			}
			after, _ := store.Episodes(context.Background())
			if len(after) != len(before) {
				t.Error("the journal changed")
			}
		})
	}
}

func backupOf(t *testing.T, eps []journal.Episode) string {
	t.Helper()
	var b strings.Builder
	if err := journal.EncodeBackup(&b, eps, nil, time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestExportDownloadsBackupAndCSV(t *testing.T) {
	store := seeded(t, 4, time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC))
	env, files := journalEnv(t, store)
	d := &journalData{Env: env}
	for _, kind := range []string{exportBackup, exportCSV} {
		if words, err := d.makeExport(kind, false); err != nil {
			t.Fatal(words)
		}
	}
	if len(files.Saved) != 2 {
		t.Fatalf("%d files saved; want 2 (%q)", len(files.Saved), d.status)
	}
	b, err := journal.DecodeBackup(strings.NewReader(string(files.Saved[0].Data)))
	if err != nil || len(b.Episodes) != 4 || !strings.HasSuffix(files.Saved[0].Name, ".json") {
		t.Errorf("backup %s: %v", files.Saved[0].Name, err)
	}
	if csv := string(files.Saved[1].Data); strings.Count(csv, "\n") != 5 || files.Saved[1].Type != "text/csv" {
		t.Errorf("csv %s:\n%s", files.Saved[1].Name, csv)
	}
}

func TestDeleteAllNeedsASecondTap(t *testing.T) {
	store := seeded(t, 3, time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC))
	env, _ := journalEnv(t, store)
	d := &journalData{Env: env}
	d.onDeleteAll(noCtx, app.Event{})
	if eps, _ := store.Episodes(context.Background()); len(eps) != 3 {
		t.Fatal("deleted on the first tap")
	}
	if html := app.HTMLString(d.renderDelete()); !strings.Contains(html, `data-action="delete-all-confirm"`) {
		t.Fatal("no confirmation")
	}
	d.showDeleted(store.DeleteAll(context.Background()))
	if eps, _ := store.Episodes(context.Background()); len(eps) != 0 {
		t.Error("not deleted after confirming")
	}
}

func TestChartSummariesSayWhatTheChartsShow(t *testing.T) {
	env, _ := journalEnv(t, &journal.Memory{})
	day := func(d int) time.Time { return time.Date(2025, 3, d, 9, 0, 0, 0, time.Local) }
	points := []journal.PainPoint{{At: day(1), Score: 8}, {At: day(2), Score: 7}, {At: day(10), Score: 3}, {At: day(12), Score: 2}}
	if got := env.painSummary(points); !strings.Contains(got, "4 pain ratings from 1 Mar to 12 Mar") || !strings.Contains(got, "first was 8") ||
		!strings.Contains(got, "latest 2") || !strings.Contains(got, "highest was 8") || !strings.Contains(got, env.T("journal.chart.pain.lower")) {
		t.Errorf("pain summary = %q", got)
	}
	if got := env.painSummary(nil); got != env.T("journal.chart.pain.none") {
		t.Errorf("empty pain summary = %q", got)
	}
	weeks := []journal.Count{{Start: day(3), Count: 1}, {Start: day(10), Count: 3}, {Start: day(17), Count: 0}}
	if got := env.weekSummary("journal.chart.weeks.summary", weeks); !strings.Contains(got, "4 spasms in the last 3 weeks") || !strings.Contains(got, "3, in the week of 10 Mar") {
		t.Errorf("week summary = %q", got)
	}
	tc := []journal.TriggerCount{{Trigger: "lifting", Count: 5}, {Trigger: "sleep", Count: 2}}
	if got := env.triggerSummary(tc); got != "Most common first: Lifting something (5), Sleeping, or woke up with it (2)." {
		t.Errorf("trigger summary = %q", got)
	}
	hs := []journal.Helped{{What: "heat", Score: 7, Count: 4}, {What: "rest", Score: -2, Count: 2}}
	if got := env.helpedSummary(hs); !strings.Contains(got, "Heat: Helped a lot on average (tried 4 times)") || !strings.Contains(got, "Rest: Made it worse on average (tried 2 times)") {
		t.Errorf("helped summary = %q", got)
	}
	// The figure carries the summary as its caption and hides the drawing.
	html := app.HTMLString(env.figure("c", "journal.chart.pain.title", env.painChart(points, day(1), day(14)), env.painSummary(points)))
	if !strings.Contains(html, "<figcaption") || !strings.Contains(html, `aria-hidden="true"`) || !strings.Contains(html, "polyline") {
		t.Errorf("figure:\n%s", html)
	}
	if strings.Contains(html, "#") && strings.Contains(html, "fill=\"#") {
		t.Error("a chart hard-codes a colour")
	}
	// Nothing tried yet: the caption says so under the title, with no
	// empty drawing between them.
	empty := app.HTMLString(env.figure("h", "journal.chart.helped.title", env.helpedChart(nil), env.helpedSummary(nil)))
	if strings.Contains(empty, "<svg") || !strings.Contains(empty, env.T("journal.chart.helped.none")) {
		t.Errorf("figure with nothing tried:\n%s", empty)
	}
}

func TestSafetyNetPromptsOnTheRightDays(t *testing.T) {
	now := time.Date(2025, 5, 20, 12, 0, 0, 0, time.UTC)
	mk := func(daysAgo int, ended bool) journal.Episode {
		e := journal.NewEpisode(now.Add(-time.Duration(daysAgo)*24*time.Hour - time.Hour))
		if ended {
			end := now
			e.Ended = &end
		}
		return e
	}
	for _, tc := range []struct {
		ep   journal.Episode
		want int // 0: no prompt
	}{
		{mk(1, false), 0}, {mk(3, false), 3}, {mk(8, false), 7}, {mk(14, false), 14}, {mk(30, false), 28},
		{mk(42, false), 42}, {mk(60, false), 0}, {mk(10, true), 0},
	} {
		due, days := dueSafetyNets([]journal.Episode{tc.ep}, now)
		got := 0
		if len(due) == 1 {
			got = days[0]
		}
		if got != tc.want {
			t.Errorf("episode %v before now (ended %v): prompt day %d; want %d", now.Sub(tc.ep.Started), tc.ep.Ended != nil, got, tc.want)
		}
	}
	env, _ := journalEnv(t, &journal.Memory{})
	html := app.HTMLString(env.safetyNetPrompt(mk(7, false), 7, true))
	if !strings.Contains(html, "Day 7") || !strings.Contains(html, "GP or a physio") || !strings.Contains(html, `href="/triage"`) {
		t.Errorf("prompt:\n%s", html)
	}
}

func TestSummaryListsWarningSignsAndMedicines(t *testing.T) {
	store := &journal.Memory{}
	now := time.Now()
	ep := journal.NewEpisode(now.AddDate(0, 0, -5))
	ep.Medicines = []string{"Ibuprofen", "naproxen"} // spelled as first seen, newest first
	ep.Triage = &journal.TriageRecord{At: ep.Started, RuleSetVersion: "1", Disposition: "emergency",
		Answers: map[string]string{"saddle_numbness": "unsure", "bladder_change": "no", "trigger": "lifting"}}
	ep2 := journal.NewEpisode(now.AddDate(0, 0, -3))
	ep2.Medicines = []string{"ibuprofen"}
	for _, e := range []journal.Episode{ep, ep2} {
		if err := store.PutEpisode(context.Background(), e, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	env, _ := journalEnv(t, store)
	p := &summaryPage{Env: env, months: 6}
	p.show(p.fetch(6))
	html := show(p)
	for _, want := range []string{"ibuprofen (2 spasms)", "naproxen (1 spasm)", "not sure about", `data-warnings="1"`, `data-action="print"`, "Covers "} {
		if !strings.Contains(html, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
}

// TestImportedRowsAreListedWithoutNavigating picks, previews and confirms
// an import as taps would, with handlers given a dead context (a tapped
// button that the next render removes): the page's list must still show
// the new and the updated rows, which come back through the page's and the
// import's own contexts.
func TestImportedRowsAreListedWithoutNavigating(t *testing.T) {
	store := seeded(t, 2, time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC))
	env, files := journalEnv(t, store)
	env.Clock = browser.NewClock() // 1 June 2025
	have, _ := store.Episodes(context.Background())
	updated := have[0].Clone()
	updated.Notes, updated.Updated = "Updated by the import", updated.Updated.Add(time.Hour)
	added := journaltest.GenerateEpisodes(1, 5, time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC))[0]
	files.Picked[importInputID] = browser.File{Name: "backup.json", Data: []byte(backupOf(t, []journal.Episode{added, updated}))}

	page := &journalPage{Env: env}
	pages := app.NewTestEngine()
	if err := pages.Load(page); err != nil {
		t.Fatal(err)
	}
	pages.ConsumeAll()
	page.ctx.Dispatch(page.OnMount) // what go-app does in the browser
	pages.ConsumeAll()
	if html := app.HTMLString(page); strings.Contains(html, added.ID) || !strings.Contains(html, have[0].ID) {
		t.Fatal("the page does not list the journal before the import")
	}

	d := &journalData{Env: env, OnChange: page.onDataChanged}
	data := app.NewTestEngine()
	if err := data.Load(d); err != nil {
		t.Fatal(err)
	}
	data.ConsumeAll()
	var gone app.Context // the context of a control the render removed
	d.onPick(gone, app.Event{})
	data.ConsumeAll()
	if !strings.Contains(app.HTMLString(d), `data-action="import-confirm"`) {
		t.Fatalf("no preview after picking: %q", d.importMsg)
	}
	d.onConfirmImport(gone, app.Event{})
	data.ConsumeAll()
	pages.ConsumeAll()
	if !strings.Contains(d.importMsg, "Imported. Added: 1 spasm and 0 stretch sessions. Updated: 1 spasm and 0 stretch sessions.") {
		t.Errorf("message %q", d.importMsg)
	}
	html := app.HTMLString(page)
	if !strings.Contains(html, `data-episode="`+added.ID+`"`) {
		t.Error("the new row is not listed after the import")
	}
	if !strings.Contains(html, "Updated by the import") && !strings.Contains(fmt.Sprint(page.recent), "Updated by the import") {
		t.Error("the updated row is not the imported version")
	}
}

// TestEveryRefusalHasWordsInEveryLanguage: each reason a backup is refused
// for reads as a sentence in every language, about a spasm, a session or
// the file, with no placeholder left.
func TestEveryRefusalHasWordsInEveryLanguage(t *testing.T) {
	env := testEnv(t, browser.New())
	for _, lang := range env.Catalog.Languages() {
		e := *env
		e.Lang, e.Text = lang, env.Catalog.Strings(lang)
		for _, r := range journal.Reasons {
			for _, record := range []string{"", "episodes", "sessions"} {
				be := &journal.BackupError{Reason: r, Record: record, Entry: 4, Value: "11", Min: 0, Max: 10, Other: 2,
					At: time.Date(3000, 1, 2, 3, 4, 5, 0, time.UTC)}
				got := e.refusal(be)
				if !e.Text.Has("import.reason."+string(r)) || strings.ContainsAny(got, "[]{}") || len(got) < 15 {
					t.Errorf("%s %s (%s): %q", lang, r, record, got)
				}
			}
		}
		if !e.Text.Has("import.nothing_changed") || !e.Text.Has("import.details") || !e.Text.Has("import.choose") {
			t.Errorf("%s: the import's words are missing", lang)
		}
	}
}
