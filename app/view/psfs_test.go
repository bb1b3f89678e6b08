//go:build !(js && wasm)

package view

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
	"unknot/wasm/browser"
)

// activityRig is the activities section mounted in a test engine, on a
// clock the test moves.
type activityRig struct {
	t      *testing.T
	env    *Env
	clock  *browser.Clock
	s      *activitySection
	engine app.TestEngine
}

func newActivityRig(t *testing.T, store journal.Store) *activityRig {
	t.Helper()
	env, _ := journalEnv(t, store)
	clock := browser.NewClock()
	env.Clock = clock
	r := &activityRig{t: t, env: env, clock: clock, s: &activitySection{Env: env}, engine: app.NewTestEngine()}
	if err := r.engine.Load(r.s); err != nil {
		t.Fatal(err)
	}
	r.engine.ConsumeAll()
	r.s.ctx.Dispatch(r.s.OnMount) // what go-app does in the browser once the section is in the page
	r.engine.ConsumeAll()
	return r
}

// tap runs a handler as a tap would: go-app updates the component after it.
func (r *activityRig) tap(h func()) {
	h()
	r.s.ctx.Update()
	r.engine.ConsumeAll()
}

func (r *activityRig) html() string { return app.HTMLString(r.s) }

// TestActivitiesNameRateAndRerate: a person names an activity, rates it 3
// on the picker that opens in place of the form's button, re-rates it 6 two
// days later; the saves land through the section's own context after the
// renders that removed the controls tapped, and the chart and its words
// show both ratings and the change against the MDC.
func TestActivitiesNameRateAndRerate(t *testing.T) {
	store := &journal.Memory{}
	r := newActivityRig(t, store)
	if !strings.Contains(r.html(), "data-activities-empty") {
		t.Fatalf("no empty state:\n%s", r.html())
	}
	r.tap(func() { r.s.add() })
	if !strings.Contains(r.html(), r.env.T("psfs.add.empty")) {
		t.Errorf("adding nothing says nothing")
	}
	r.s.name = "  putting on socks "
	r.tap(func() { r.s.add() })
	as, _ := store.Activities(context.Background())
	if len(as) != 1 || as[0].Name != "putting on socks" {
		t.Fatalf("stored %+v; want one activity, putting on socks", as)
	}
	id := as[0].ID
	html := r.html()
	if !strings.Contains(html, `data-function="3"`) || strings.Contains(html, `data-action="rate-activity"`) {
		t.Fatalf("after adding, the picker is not open in place of Rate:\n%s", html)
	}
	r.tap(func() { r.s.onRate(id, 3) })
	r.clock.Add(48 * time.Hour)
	r.tap(func() { r.s.rating = id })
	r.tap(func() { r.s.onRate(id, 6) })
	as, _ = store.Activities(context.Background())
	if c, ok := as[0].Change(); !ok || c.First.Score != 3 || c.Latest.Score != 6 || c.Count != 2 {
		t.Fatalf("stored ratings %+v; want 3 then 6", as[0].Ratings)
	}
	html = r.html()
	for _, want := range []string{`data-score="3"`, `data-score="6"`} {
		if !strings.Contains(html, want) {
			t.Errorf("the chart lacks the point %s:\n%s", want, html)
		}
	}
	if saved := r.env.Text.Format("psfs.rated", "name", "putting on socks", "score", "6"); !strings.Contains(html, htmlEscape(saved)) {
		t.Errorf("the section does not say %q", saved)
	}
	if words := r.env.activityChangeWords(as[0]); !strings.Contains(html, htmlEscape(words)) ||
		!strings.Contains(words, r.env.Text.Format("psfs.change.real", "mdc", "3")) {
		t.Errorf("the chart's words %q are not shown or do not say the change is beyond the wobble", words)
	}
	if strings.Contains(html, `data-function=`) {
		t.Error("the picker stays open after rating")
	}
}

func TestActivitiesRemoveUndoAndTheLimit(t *testing.T) {
	store := &journal.Memory{}
	ctx := context.Background()
	var first journal.Activity
	for i := range journal.MaxActivities {
		a := journal.NewActivity("activity "+num(i+1), time.Date(2026, 1, 1, 9, i, 0, 0, time.UTC)).Rate(4, time.Date(2026, 1, 2, 9, 0, 0, 0, time.UTC))
		if i == 0 {
			first = a
		}
		if err := store.PutActivity(ctx, a, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	r := newActivityRig(t, store)
	if html := r.html(); strings.Contains(html, `data-action="add-activity"`) || !strings.Contains(html, "data-activities-full") {
		t.Fatalf("with five activities the form is offered, or the limit is not said:\n%s", html)
	}
	r.tap(func() { r.s.onRemove(first.ID) })
	if as, _ := store.Activities(ctx); len(as) != journal.MaxActivities-1 {
		t.Fatalf("%d activities after removing one", len(as))
	}
	html := r.html()
	if !strings.Contains(html, `data-action="undo-remove-activity"`) || !strings.Contains(html, `data-action="add-activity"`) {
		t.Fatalf("after removing: no undo, or no form:\n%s", html)
	}
	r.tap(func() { r.s.onUndo(app.Context{}, app.Event{}) })
	as, _ := store.Activities(ctx)
	if len(as) != journal.MaxActivities || as[0].ID != first.ID || len(as[0].Ratings) != 1 {
		t.Fatalf("after undo: %+v; want the first back first, with its rating", as)
	}
	// A sixth from another tab meanwhile is refused with words, nothing lost.
	r.s.activities = as[1:]
	r.s.name = "one too many"
	r.tap(func() { r.s.add() })
	if !strings.Contains(r.html(), htmlEscape(r.env.Text.Format("psfs.add.full", "max", "5"))) {
		t.Errorf("a sixth activity is not refused in words:\n%s", r.html())
	}
	if as, _ := store.Activities(ctx); len(as) != journal.MaxActivities {
		t.Errorf("%d activities after a refused sixth", len(as))
	}
}

func TestActivityChangeWordsStateTheMDC(t *testing.T) {
	env := testEnv(t, browser.New())
	day := func(d int) time.Time { return time.Date(2026, 3, d, 9, 0, 0, 0, time.Local) }
	rated := func(scores ...int) journal.Activity {
		a := journal.NewActivity("socks", day(1))
		for i, s := range scores {
			a = a.Rate(s, day(i+1))
		}
		return a
	}
	for _, tt := range []struct {
		a            journal.Activity
		want, reject string
	}{
		{rated(), env.T("psfs.unrated"), ""},
		{rated(3), "Rated once: 3 out of 10 on 1 Mar.", "wobble"},
		{rated(3, 6), "2 ratings. The first was 3 out of 10 on 1 Mar, the latest 6 out of 10 on 2 Mar. That is 3 points better. A change of 3 points or more", "may not be"},
		{rated(3, 5), "That is 2 points better. A change of less than 3 points for one activity can be the scale’s usual wobble", "likely a real"},
		{rated(7, 6), "That is 1 point worse.", "likely a real"},
		{rated(8, 4, 5), "That is 3 points worse. A change of 3 points or more", ""},
		{rated(5, 5), "No change so far. Only a change of 3 points", ""},
	} {
		got := env.activityChangeWords(tt.a)
		if !strings.Contains(got, tt.want) || (tt.reject != "" && strings.Contains(got, tt.reject)) {
			t.Errorf("%v: got %q; want …%s… and not %q", tt.a.Ratings, got, tt.want, tt.reject)
		}
	}
}

// TestSummaryShowsActivitiesBesidePain: the doctor summary lists each
// activity with its first and latest score and their dates, with or
// without episodes.
func TestSummaryShowsActivitiesBesidePain(t *testing.T) {
	for _, withEpisodes := range []bool{true, false} {
		store := &journal.Memory{}
		if withEpisodes {
			store = seeded(t, 3, time.Now().AddDate(0, 0, -20))
		}
		a := journal.NewActivity("Putting on socks", time.Now().AddDate(0, 0, -10)).
			Rate(3, time.Now().AddDate(0, 0, -10)).Rate(6, time.Now().AddDate(0, 0, -3))
		if err := store.PutActivity(context.Background(), a, time.Time{}); err != nil {
			t.Fatal(err)
		}
		env, _ := journalEnv(t, store)
		p := &summaryPage{Env: env, months: 6}
		p.show(p.fetch(6))
		html := show(p)
		first := env.Text.Format("psfs.summary.score", "score", "3", "date", env.date(a.Ratings[0].At))
		latest := env.Text.Format("psfs.summary.score", "score", "6", "date", env.date(a.Ratings[1].At))
		if !strings.Contains(html, `data-activity="`+a.ID+`"`) {
			t.Errorf("episodes %v: the summary has no row for the activity", withEpisodes)
		}
		for _, want := range []string{"Putting on socks", first, latest, "3 points better", env.T("psfs.summary.real")} {
			if !strings.Contains(html, htmlEscape(want)) {
				t.Errorf("episodes %v: the summary lacks %q", withEpisodes, want)
			}
		}
	}
}

// TestActivitiesExportThenImportIntoAFreshJournal: the backup and the
// spreadsheet saved from "Your data" hold the activities; importing the
// backup on a fresh device previews and adds them, ratings and all.
func TestActivitiesExportThenImportIntoAFreshJournal(t *testing.T) {
	ctx := context.Background()
	store := seeded(t, 2, time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC))
	a := journal.NewActivity("Getting out of the car", time.Date(2025, 1, 2, 9, 0, 0, 0, time.UTC)).
		Rate(3, time.Date(2025, 1, 2, 9, 0, 0, 0, time.UTC)).Rate(6, time.Date(2025, 1, 9, 9, 0, 0, 0, time.UTC))
	if err := store.PutActivity(ctx, a, time.Time{}); err != nil {
		t.Fatal(err)
	}
	env, files := journalEnv(t, store)
	d := &journalData{Env: env}
	for _, kind := range []string{exportBackup, exportCSV} {
		if words, err := d.makeExport(kind, false); err != nil {
			t.Fatal(words)
		}
	}
	if csv := string(files.Saved[1].Data); !strings.Contains(csv, "\n\n"+strings.Join(journal.ActivityCSVColumns, ",")+"\n") ||
		!strings.Contains(csv, a.ID+",Getting out of the car,") || strings.Count(csv, a.ID) != 2 {
		t.Errorf("the spreadsheet lacks the activities' table (after an empty line, one row a rating):\n%s", csv)
	}

	fresh := &journal.Memory{}
	env2, files2 := journalEnv(t, fresh)
	files2.Picked[importInputID] = browser.File{Name: files.Saved[0].Name, Data: files.Saved[0].Data}
	d2 := &journalData{Env: env2}
	d2.showCheck(d2.checkImport())
	if d2.plan == nil {
		t.Fatalf("no preview: %q", d2.importMsg)
	}
	if html := app.HTMLString(d2.renderPreview()); !strings.Contains(html, "It also has 1 activity you rated: 1 will be added and 0 updated.") {
		t.Errorf("the preview does not count the activity:\n%s", html)
	}
	plan := *d2.plan
	d2.showApplied(plan, fresh.Apply(ctx, plan))
	got, _ := fresh.Activities(ctx)
	if len(got) != 1 || got[0].Name != a.Name || len(got[0].Ratings) != 2 || got[0].Ratings[1].Score != 6 || !got[0].Updated.Equal(a.Updated) {
		t.Errorf("imported %+v; want %+v", got, a)
	}
	if !strings.Contains(d2.importMsg, "Activities: 1 added and 0 updated.") {
		t.Errorf("the import's status %q does not say the activity was added", d2.importMsg)
	}
}

// TestRecheckLinksToTheActivities: each re-check prompt offers to rate the
// activities again.
func TestRecheckLinksToTheActivities(t *testing.T) {
	env := testEnv(t, browser.New())
	ep := journal.NewEpisode(time.Now().AddDate(0, 0, -7))
	html := app.HTMLString(env.safetyNetPrompt(ep, 7, true))
	if !strings.Contains(html, `href="/journal#activities"`) || !strings.Contains(html, htmlEscape(env.T("psfs.recheck"))) {
		t.Errorf("the day-7 prompt has no link to rate the activities:\n%s", html)
	}
}

// TestActivitiesReloadWhenThePageSaysSo: after an import or a delete-all
// on the page, the page's Revision moves on and the section reads the
// journal again.
func TestActivitiesReloadWhenThePageSaysSo(t *testing.T) {
	store := &journal.Memory{}
	r := newActivityRig(t, store)
	a := journal.NewActivity("Lifting the shopping", time.Now())
	if err := store.PutActivity(context.Background(), a, time.Time{}); err != nil {
		t.Fatal(err)
	}
	r.tap(func() { r.s.OnUpdate(r.s.ctx) })
	if strings.Contains(r.html(), "Lifting the shopping") {
		t.Fatal("the section reloaded although the page's revision did not change")
	}
	r.s.Revision++
	r.tap(func() { r.s.OnUpdate(r.s.ctx) })
	if !strings.Contains(r.html(), "Lifting the shopping") {
		t.Errorf("after the page's revision moved on, the imported activity is not shown:\n%s", r.html())
	}
}

// TestActivitiesFollowAnotherTab: a change of activities is announced to
// the other tabs, and the section of a tab that hears it reads the journal
// again. (Each journal of a Hub keeps records of its own; the database the
// tabs share is played by writing to this tab's records underneath.)
func TestActivitiesFollowAnotherTab(t *testing.T) {
	hub := &browser.Hub{}
	here, there := hub.OpenJournal(), hub.OpenJournal()
	heard := make(chan []string, 4)
	here.OnChange(func(ids []string) { heard <- ids })
	ctx := context.Background()
	a := journal.NewActivity("Tying shoelaces", time.Now())
	if err := there.PutActivity(ctx, a, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if ids := hear(t, heard); len(ids) != 1 || ids[0] != a.ID {
		t.Errorf("after a save this tab heard %v; want the activity's id", ids)
	}
	if _, err := there.DeleteActivity(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if ids := hear(t, heard); len(ids) != 1 || ids[0] != a.ID {
		t.Errorf("after a removal this tab heard %v; want the activity's id", ids)
	}

	r := newActivityRig(t, here)
	r.env.JournalFeed = here
	r.s.OnDismount() // mounted again, with the feed
	r.s.ctx.Dispatch(r.s.OnMount)
	r.engine.ConsumeAll()
	if err := here.Memory.PutActivity(ctx, a, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if err := there.PutActivity(ctx, journal.NewActivity("Anything", time.Now()), time.Time{}); err != nil {
		t.Fatal(err)
	}
	r.engine.ConsumeAll()
	if !strings.Contains(r.html(), "Tying shoelaces") {
		t.Errorf("the section did not read the journal again on news from another tab:\n%s", r.html())
	}
}

// hear waits briefly for news on heard; nil when none came.
func hear(t *testing.T, heard <-chan []string) []string {
	t.Helper()
	select {
	case ids := <-heard:
		return ids
	case <-time.After(2 * time.Second):
		t.Error("no news came")
		return nil
	}
}
