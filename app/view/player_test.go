//go:build !(js && wasm)

package view

import (
	"context"
	"encoding/base64"
	"html"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
	"unknot/app/routine"
	"unknot/wasm/browser"
)

// playerRig is a player page on in-memory browser services and a clock
// that moves only when told.
type playerRig struct {
	t      *testing.T
	env    *Env
	b      *browser.Browser
	clock  *browser.Clock
	speech *browser.Speech
	audio  *browser.Audio
	wake   *browser.WakeLock
	exit   *browser.PageExit
	store  *journal.Memory
	page   *playerPage
	engine app.TestEngine
}

func newPlayerRig(t *testing.T, rawURL string) *playerRig {
	t.Helper()
	b := browser.New()
	r := &playerRig{t: t, b: b, clock: browser.NewClock(), speech: browser.NewSpeech(), audio: browser.NewAudio(), wake: browser.NewWakeLock(), exit: browser.NewPageExit()}
	r.open(rawURL)
	return r
}

// open loads the page at rawURL, as a reload would, keeping the browser's
// storage and the journal.
func (r *playerRig) open(rawURL string) {
	r.t.Helper()
	env := testEnv(r.t, r.b)
	if r.store == nil {
		r.store = env.Journal.(*journal.Memory)
	}
	env.Journal = r.store
	env.Cues = CueOutput{Speech: r.speech, Sound: r.audio, Vibrator: browser.NewVibrator()}
	env.WakeLock, env.Clock, env.Exit = r.wake, r.clock, r.exit
	r.env = env
	u, err := url.Parse(rawURL)
	if err != nil {
		r.t.Fatal(err)
	}
	r.page = &playerPage{Env: env}
	r.page.open(u)
	r.engine = app.NewTestEngine()
	if err := r.engine.Load(r.page); err != nil {
		r.t.Fatal(err)
	}
	r.engine.ConsumeAll()
}

// click runs a handler as a tap would.
func (r *playerRig) click(h func(app.Context, app.Event)) {
	h(r.page.mounted, app.Event{})
	r.page.mounted.Update() // as go-app does after an event handler
	r.engine.ConsumeAll()
}

// wait moves the clock on by d, one timer tick every 250 ms.
func (r *playerRig) wait(d time.Duration) {
	for end := r.clock.Now().Add(d); r.clock.Now().Before(end); {
		r.clock.Add(tickEvery)
		r.clock.Tick()
		r.engine.ConsumeAll()
	}
}

// waitForSteps plays on until n exercises are done.
func (r *playerRig) waitForSteps(n int) {
	r.t.Helper()
	for i := 0; r.page.player.Summary().StepsDone < n; i++ {
		if i > 600 {
			r.t.Fatalf("after 10 minutes, %d exercises done; want %d", r.page.player.Summary().StepsDone, n)
		}
		r.wait(time.Second)
	}
}

func (r *playerRig) html() string { return app.HTMLString(r.page) }

func (r *playerRig) wantState(want routine.State) {
	r.t.Helper()
	if got := r.page.status.State; got != want {
		r.t.Fatalf("state = %s; want %s", got, want)
	}
	html := r.html()
	if !strings.Contains(html, `data-player-state="`+string(want)+`"`) {
		r.t.Errorf("the page does not show data-player-state=%q", want)
	}
	if !strings.Contains(html, `id="pain-worse"`) {
		r.t.Errorf("in state %s the pain-is-worse control is missing", want)
	}
	if m := missingKey.FindString(html); m != "" {
		r.t.Errorf("in state %s the page shows the missing key %s", want, m)
	}
}

var testLink = routine.EncodeLink(routine.Custom{Name: "Two steps", Steps: []routine.CustomStep{
	{Exercise: routine.SeatedTwist, Hold: 3 * time.Second, Reps: 1, Sides: true, Rest: 2 * time.Second},
	{Exercise: routine.Walking, Hold: 4 * time.Second, Reps: 1},
}})

func TestPlayerGoesThroughEveryState(t *testing.T) {
	r := newPlayerRig(t, testLink)
	r.wantState(routine.StateReady)
	r.click(r.page.onStart)
	r.wantState(routine.StateRunning)
	if !r.wake.Held() {
		t.Error("the screen is not kept on while running")
	}
	if r.clock.Timers() != 1 {
		t.Errorf("%d timers while running; want 1", r.clock.Timers())
	}
	r.click(r.page.onPause)
	r.wantState(routine.StatePaused)
	if r.wake.Held() || r.clock.Timers() != 0 {
		t.Error("paused, yet the screen is kept on or the timer runs")
	}
	r.wait(30 * time.Second) // paused time does not count
	r.click(r.page.onResume)
	r.wantState(routine.StateRunning)
	// get ready 5 s, left hold 3 s, release 5 s, right hold 3 s, release 5 s: rest.
	r.wait(21*time.Second + 500*time.Millisecond)
	r.wantState(routine.StateRest)
	if !strings.Contains(r.html(), r.env.Text.Format("player.next", "name", r.env.T("exercise.walking.name"))) &&
		!strings.Contains(r.html(), r.env.T("player.next_end")) {
		t.Error("the rest does not say what is next")
	}
	r.wait(20 * time.Second)
	r.wantState(routine.StateDone)
	if r.wake.Held() || r.clock.Timers() != 0 {
		t.Error("done, yet the screen is kept on or the timer runs")
	}
	if got, want := r.page.cues, len(r.page.plan.Cues); got != want {
		t.Errorf("fired %d cues; the plan has %d", got, want)
	}
	spoken := r.speech.Spoken()
	if len(spoken) != len(r.page.plan.Cues) || spoken[len(spoken)-1] != r.env.T("routine.cue.done") {
		t.Errorf("spoken %q; want every cue, ending with well done", spoken)
	}
	if len(r.audio.Beeps()) == 0 {
		t.Error("no beep was played")
	}
	sessions, _ := r.store.Sessions(context.Background())
	if len(sessions) != 1 || !sessions[0].Finished || sessions[0].StepsDone != 2 || sessions[0].RoutineName != "Two steps" {
		t.Fatalf("journal sessions = %+v; want one finished session of 2 steps", sessions)
	}
	if !strings.Contains(r.html(), r.env.T("player.saved")) {
		t.Error("the summary does not say the session was saved")
	}
	r.click(func(ctx app.Context, ev app.Event) { r.page.onPainAfter(ctx, 2) })
	sessions, _ = r.store.Sessions(context.Background())
	if p := sessions[0].PainAfter; p == nil || *p != 2 {
		t.Errorf("pain after = %v; want 2", p)
	}
}

func TestPlayerCueTogglesAreObeyedAndRemembered(t *testing.T) {
	r := newPlayerRig(t, testLink)
	r.page.setCue(false, func(s *Settings, on bool) { s.Voice = on })
	r.click(r.page.onStart)
	r.wait(6 * time.Second)
	if n := len(r.speech.Spoken()); n != 0 {
		t.Errorf("voice is off, yet %d cues were spoken", n)
	}
	if r.page.cues == 0 {
		t.Error("no cue was recorded")
	}
	if r.env.Settings.Current.Voice {
		t.Error("the choice was not saved as the new default")
	}
}

func TestPlayerStopSavesAStoppedSession(t *testing.T) {
	r := newPlayerRig(t, "/routines/quick_relief")
	three := 3
	r.page.painBefore = &three
	r.click(r.page.onStart)
	r.waitForSteps(1)
	r.click(r.page.onStop)
	r.wantState(routine.StateDone)
	sessions, _ := r.store.Sessions(context.Background())
	if len(sessions) != 1 || sessions[0].Finished || sessions[0].RoutineID != "quick_relief" {
		t.Fatalf("sessions = %+v; want one stopped session of quick_relief", sessions)
	}
	if p := sessions[0].PainBefore; p == nil || *p != 3 {
		t.Errorf("pain before = %v; want 3", p)
	}
	html := r.html()
	if !strings.Contains(html, r.env.T("player.done.stopped")) || strings.Contains(html, r.env.T("player.done.title")) {
		t.Error("the summary does not say it stopped early, or praises a routine left unfinished")
	}
}

// Stopped before the first exercise was done: no praise, no "Saved", and
// nothing in the journal.
func TestPlayerStopBeforeTheFirstExerciseSavesNothing(t *testing.T) {
	r := newPlayerRig(t, "/routines/quick_relief")
	r.click(r.page.onStart)
	r.wait(7 * time.Second)
	r.click(r.page.onStop)
	r.wantState(routine.StateDone)
	if sessions, _ := r.store.Sessions(context.Background()); len(sessions) != 0 {
		t.Errorf("sessions = %+v; want none", sessions)
	}
	html := r.html()
	for _, key := range []string{"player.done.title", "player.saved", "player.pain.after"} {
		if strings.Contains(html, r.env.T(key)) {
			t.Errorf("the end shows %q after 0 exercises", r.env.T(key))
		}
	}
	if !strings.Contains(html, r.env.T("player.done.none_title")) || !strings.Contains(html, `data-outcome="none"`) {
		t.Error("the end does not say it stopped before the first exercise")
	}
}

func TestPlayerJournalFailureKeepsTheSummary(t *testing.T) {
	r := newPlayerRig(t, testLink)
	r.store.SetError(&journal.StorageError{Kind: journal.StorageFull, Op: "put session"})
	r.click(r.page.onStart)
	r.waitForSteps(1)
	r.click(r.page.onStop)
	html := r.html()
	if !strings.Contains(html, r.env.T("player.save_error.full")) {
		t.Error("the failed save is not shown")
	}
	if !strings.Contains(html, r.env.T("player.done.stopped")) {
		t.Error("the summary is gone")
	}
}

func TestPlayerReloadResumesPausedAtTheSameStep(t *testing.T) {
	r := newPlayerRig(t, testLink)
	r.click(r.page.onStart)
	r.wait(22 * time.Second) // resting before the second exercise
	before := r.page.status
	r.clock.Add(40 * time.Second) // the reload takes a while
	r.open(testLink)
	r.wantState(routine.StatePaused)
	if got := r.page.status; got.Step != before.Step || got.Phase != before.Phase {
		t.Errorf("after a reload: step %d %s; want step %d %s", got.Step, got.Phase, before.Step, before.Phase)
	}
	if !strings.Contains(r.html(), r.env.T("player.resumed")) {
		t.Error("the restored place is not explained")
	}
	r.click(r.page.onResume)
	r.wantState(routine.StateRest)
	r.wait(15 * time.Second)
	r.wantState(routine.StateDone)
	// Another routine does not pick up this place, and a finished one is
	// not offered again.
	r.open(testLink)
	r.wantState(routine.StateReady)
}

// A reload between two periodic saves resumes where the page went away,
// not up to savePeriod earlier: the place is saved as the page is hidden.
func TestPlayerSavesItsPlaceAsThePageGoesAway(t *testing.T) {
	r := newPlayerRig(t, testLink)
	r.click(r.page.onStart)
	r.wait(8 * time.Second)
	r.wait(savePeriod - tickEvery) // just before the next periodic save
	left := r.page.status.Remaining
	r.exit.Exit() // the reload: no tick runs after this
	r.clock.Add(20 * time.Second)
	r.open(testLink)
	r.wantState(routine.StatePaused)
	if got := r.page.status.Remaining; got != left {
		t.Errorf("after a reload %v left; want %v, as when the page went away", got, left)
	}
}

func TestPlayerPainWorseStopsAndLeavesForTheCheck(t *testing.T) {
	r := newPlayerRig(t, "/routines/quick_relief")
	r.click(r.page.onStart)
	r.waitForSteps(1)
	r.click(r.page.onPainWorse)
	if r.page.status.State != routine.StateDone {
		t.Errorf("state = %s after pain is worse; want done", r.page.status.State)
	}
	sessions, _ := r.store.Sessions(context.Background())
	if len(sessions) != 1 || sessions[0].Finished {
		t.Errorf("sessions = %+v; want one stopped early", sessions)
	}
	if raw, _, _ := r.b.Get(positionKey); raw != "" {
		t.Errorf("the place is still saved: %s", raw)
	}
}

func TestPlayerLinkErrorsShowOnlyTheError(t *testing.T) {
	good := testLink
	for name, tc := range map[string]struct{ url, detail string }{
		"no routine":    {routine.LinkPath, routine.LinkFormat.TextKey()},
		"tampered":      {good[:len(good)-4] + "!!!!", routine.LinkFormat.TextKey()},
		"bad exercise":  {linkOf(`{"v":1,"name":"x","steps":[{"ex":"headstand","hold":5,"reps":1,"sides":false,"rest":0}]}`), routine.LinkExercise.TextKey()},
		"newer version": {linkOf(`{"v":2,"name":"x","steps":[]}`), routine.LinkVersionCode.TextKey()},
		"unknown id":    {"/routines/no_such_routine", "player.not_found.text"},
	} {
		t.Run(name, func(t *testing.T) {
			r := newPlayerRig(t, tc.url)
			html := r.html()
			if !strings.Contains(html, r.env.T(tc.detail)) {
				t.Errorf("the page does not say %q", r.env.T(tc.detail))
			}
			if strings.Contains(html, "data-player-state") || strings.Contains(html, `id="start"`) {
				t.Error("a bad link shows the player")
			}
		})
	}
}

func TestPlayerPregnancyLeavesOutLyingOnTheBack(t *testing.T) {
	b := browser.New()
	saveFilter(b, routine.FilterOptions{Pregnant: true})
	r := &playerRig{t: t, b: b, clock: browser.NewClock(), speech: browser.NewSpeech(), audio: browser.NewAudio(), wake: browser.NewWakeLock()}
	r.open("/routines/early_days")
	for _, s := range r.page.plan.Routine.Steps {
		if x, _ := r.env.Catalog.Routines().Exercise(s.Exercise); x.Has(routine.Supine) {
			t.Errorf("%s lies flat on the back, yet is in the plan", s.Exercise)
		}
	}
	if !strings.Contains(r.html(), r.env.T(routine.NotePregnancy)) {
		t.Error("the pregnancy note is not shown")
	}
}

func linkOf(payload string) string {
	return routine.LinkPath + "#r=" + base64.RawURLEncoding.EncodeToString([]byte(payload))
}

// "No floor" hides floor routines in the list; one opened anyway (a link, a
// clinic's prescription) plays whole, saying which choice it goes against.
func TestPlayerFloorRoutineWithNoFloorChosenSaysSo(t *testing.T) {
	for _, tc := range []struct {
		name     string
		filter   routine.FilterOptions
		path     string
		wantNote bool
	}{
		{"no floor, floor routine", routine.FilterOptions{NoFloor: true}, "/routines/morning", true},
		{"no floor, seated and standing routine", routine.FilterOptions{NoFloor: true}, "/routines/quick_relief", false},
		{"floor allowed, floor routine", routine.FilterOptions{}, "/routines/morning", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := browser.New()
			if err := saveFilter(b, tc.filter); err != nil {
				t.Fatal(err)
			}
			r := &playerRig{t: t, b: b, clock: browser.NewClock(), speech: browser.NewSpeech(), audio: browser.NewAudio(), wake: browser.NewWakeLock()}
			r.open(tc.path)
			if r.page.player == nil {
				t.Fatalf("%s does not play", tc.path)
			}
			if got := strings.Contains(r.html(), html.EscapeString(r.env.T("player.floor_note"))); got != tc.wantNote {
				t.Errorf("floor note shown %v; want %v", got, tc.wantNote)
			}
			lib := r.env.Catalog.Routines()
			want, _ := lib.Routine("morning")
			if tc.path == "/routines/morning" && len(r.page.plan.Routine.Steps) != len(want.Steps) {
				t.Errorf("the plan has %d steps; want all %d", len(r.page.plan.Routine.Steps), len(want.Steps))
			}
		})
	}
}
