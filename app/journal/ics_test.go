package journal

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestEscapeText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Unknot: back re-check", "Unknot: back re-check"},
		{"a,b;c", `a\,b\;c`},
		{`back\slash`, `back\\slash`},
		{"one\ntwo", `one\ntwo`},
		{"one\r\ntwo", `one\ntwo`},
		{"lone\rreturn", `lone\nreturn`},
		{"Unknot : contrôle du dos", "Unknot : contrôle du dos"},
		{"", ""},
	} {
		if got := escapeText(tc.in); got != tc.want {
			t.Errorf("escapeText(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestFoldLine(t *testing.T) {
	long := "DESCRIPTION:" + strings.Repeat("x", 200)
	umlauts := "SUMMARY:" + strings.Repeat("ü", 60) // 2 octets each: a cut at 75 would split one
	for _, tc := range []struct {
		name, in string
		lines    int
	}{
		{"short", "BEGIN:VEVENT", 1},
		{"exactly 75 octets", strings.Repeat("a", 75), 1},
		{"76 octets", strings.Repeat("a", 76), 2},
		{"long ASCII", long, 3},
		{"two-octet characters", umlauts, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := foldLine(tc.in)
			if !strings.HasSuffix(got, "\r\n") {
				t.Fatalf("foldLine(%q) = %q; want it to end with CRLF", tc.in, got)
			}
			lines := strings.Split(strings.TrimSuffix(got, "\r\n"), "\r\n")
			if len(lines) != tc.lines {
				t.Errorf("got %d lines; want %d: %q", len(lines), tc.lines, lines)
			}
			var unfolded strings.Builder
			for i, l := range lines {
				if len(l) > 75 {
					t.Errorf("line %d is %d octets; want at most 75", i, len(l))
				}
				if !utf8.ValidString(l) {
					t.Errorf("line %d splits a character: %q", i, l)
				}
				if i > 0 {
					if !strings.HasPrefix(l, " ") {
						t.Errorf("continuation %d does not start with a space: %q", i, l)
					}
					l = l[1:]
				}
				unfolded.WriteString(l)
			}
			if unfolded.String() != tc.in {
				t.Errorf("unfolded = %q; want %q", unfolded.String(), tc.in)
			}
		})
	}
}

func TestRechecks(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	date := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		name         string
		started, now time.Time
		loc          *time.Location
		want         []Recheck
	}{
		{"a new episode has all five", time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC), time.Date(2026, 12, 7, 10, 5, 0, 0, time.UTC), time.UTC,
			[]Recheck{{3, date(2026, 12, 10)}, {7, date(2026, 12, 14)}, {14, date(2026, 12, 21)}, {28, date(2027, 1, 4)}, {42, date(2027, 1, 18)}}},
		{"day 7 today keeps today", time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC), time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC), time.UTC,
			[]Recheck{{7, date(2026, 12, 7)}, {14, date(2026, 12, 14)}, {28, date(2026, 12, 28)}, {42, date(2027, 1, 11)}}},
		// Day 7 is reached at 20:00 on the 7th, which is still today.
		{"day 7 later today", time.Date(2026, 11, 30, 20, 0, 0, 0, time.UTC), time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC), time.UTC,
			[]Recheck{{7, date(2026, 12, 7)}, {14, date(2026, 12, 14)}, {28, date(2026, 12, 28)}, {42, date(2027, 1, 11)}}},
		{"after day 42 none", time.Date(2026, 10, 1, 8, 0, 0, 0, time.UTC), time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC), time.UTC, nil},
		// 00:30 on 1 April in London is 23:30 on 31 March in UTC: the
		// dates are the person's.
		{"dates in the person's zone", time.Date(2026, 3, 31, 23, 30, 0, 0, time.UTC), time.Date(2026, 4, 1, 8, 0, 0, 0, time.UTC), london,
			[]Recheck{{3, date(2026, 4, 4)}, {7, date(2026, 4, 8)}, {14, date(2026, 4, 15)}, {28, date(2026, 4, 29)}, {42, date(2026, 5, 13)}}},
		// 23:30 on 28 March, the night before the clocks go forward: 72
		// hours later is 00:30 on 1 April, summer time, the moment the
		// prompt appears, so that is the date of the day 3 reminder.
		{"across the change to summer time", time.Date(2026, 3, 28, 23, 30, 0, 0, time.UTC), time.Date(2026, 3, 29, 8, 0, 0, 0, time.UTC), london,
			[]Recheck{{3, date(2026, 4, 1)}, {7, date(2026, 4, 5)}, {14, date(2026, 4, 12)}, {28, date(2026, 4, 26)}, {42, date(2026, 5, 10)}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Rechecks(tc.started, tc.now, tc.loc)
			if len(got) != len(tc.want) {
				t.Fatalf("Rechecks = %v; want %v", got, tc.want)
			}
			for i := range got {
				if got[i].Day != tc.want[i].Day || !got[i].Date.Equal(tc.want[i].Date) {
					t.Errorf("Rechecks[%d] = day %d on %s; want day %d on %s", i, got[i].Day, got[i].Date.Format(time.DateOnly), tc.want[i].Day, tc.want[i].Date.Format(time.DateOnly))
				}
			}
		})
	}
}

func TestWriteReminders(t *testing.T) {
	now := time.Date(2026, 12, 7, 12, 48, 0, 0, time.FixedZone("CET", 3600))
	r := Reminders{
		EpisodeID: "0b6b3c55-2b1e-4a3e-9d7c-3f0f7f6f1a2b",
		Rechecks:  []Recheck{{14, time.Date(2026, 12, 21, 0, 0, 0, 0, time.UTC)}},
		Summary:   "Unknot: back re-check, again; now",
		Link:      "https://example.org/back-care/triage",
	}
	var b strings.Builder
	if err := WriteReminders(&b, r, now); err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"BEGIN:VCALENDAR",
		"VERSION:2.0",
		"PRODID:-//Unknot//Reminders//EN",
		"CALSCALE:GREGORIAN",
		"METHOD:PUBLISH",
		"BEGIN:VEVENT",
		"UID:0b6b3c55-2b1e-4a3e-9d7c-3f0f7f6f1a2b-recheck-day-14@unknot",
		"DTSTAMP:20261207T114800Z",
		"DTSTART;VALUE=DATE:20261221",
		"DTEND;VALUE=DATE:20261222",
		`SUMMARY:Unknot: back re-check\, again\; now`,
		"URL:https://example.org/back-care/triage",
		"DESCRIPTION:https://example.org/back-care/triage",
		"TRANSP:TRANSPARENT",
		"BEGIN:VALARM",
		"ACTION:DISPLAY",
		`DESCRIPTION:Unknot: back re-check\, again\; now`,
		"TRIGGER:PT9H",
		"END:VALARM",
		"END:VEVENT",
		"END:VCALENDAR",
		"",
	}, "\r\n")
	if b.String() != want {
		t.Errorf("WriteReminders wrote\n%s\nwant\n%s", b.String(), want)
	}
}

func TestWriteRemindersRefuses(t *testing.T) {
	ok := Reminders{EpisodeID: "e", Summary: "s", Link: "https://example.org/triage"}
	for name, change := range map[string]func(r *Reminders){
		"no episode":         func(r *Reminders) { r.EpisodeID = "" },
		"a relative link":    func(r *Reminders) { r.Link = "/triage" },
		"another scheme":     func(r *Reminders) { r.Link = "javascript:alert(1)" },
		"a line break":       func(r *Reminders) { r.Link = "https://example.org/\r\nX-EVIL:1" },
		"a space in the URL": func(r *Reminders) { r.Link = "https://example.org/a b" },
	} {
		r := ok
		change(&r)
		var b strings.Builder
		if err := WriteReminders(&b, r, time.Now()); err == nil {
			t.Errorf("%s: WriteReminders accepted %+v", name, r)
		}
	}
	var b strings.Builder
	if err := WriteReminders(&b, ok, time.Now()); err != nil {
		t.Errorf("the good reminders were refused: %v", err)
	}
}

func TestWriteRemindersWithSessions(t *testing.T) {
	now := time.Date(2026, 12, 7, 12, 48, 0, 0, time.UTC) // a Monday
	plan := SessionPlan{
		Routine: "quick_relief", Summary: "Unknot: stretch routine", Link: "https://example.org/routines/quick_relief",
		Weekdays: []time.Weekday{time.Friday, time.Wednesday}, Hour: 18, Minute: 5, Length: 7*time.Minute + 40*time.Second,
		Weeks: 4, From: DateOf(now, time.UTC),
	}
	var b strings.Builder
	if err := WriteReminders(&b, Reminders{EpisodeID: "e1", Summary: "Unknot: back re-check", Link: "https://example.org/triage", Sessions: &plan}, now); err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"BEGIN:VEVENT",
		"UID:e1-routine-quick_relief@unknot",
		"DTSTAMP:20261207T124800Z",
		"DTSTART:20261209T180500", // the first Wednesday, floating
		"DURATION:PT8M",
		"RRULE:FREQ=WEEKLY;BYDAY=WE,FR;COUNT=8",
		"SUMMARY:Unknot: stretch routine",
		"URL:https://example.org/routines/quick_relief",
		"DESCRIPTION:https://example.org/routines/quick_relief",
		"BEGIN:VALARM",
		"ACTION:DISPLAY",
		"DESCRIPTION:Unknot: stretch routine",
		"TRIGGER:PT0S",
		"END:VALARM",
		"END:VEVENT",
		"END:VCALENDAR",
		"",
	}, "\r\n")
	if !strings.HasSuffix(b.String(), want) {
		t.Errorf("WriteReminders wrote\n%s\nwant it to end with\n%s", b.String(), want)
	}

	for _, tc := range []struct {
		name  string
		from  time.Time
		days  []time.Weekday
		first string
	}{
		{"today is one of the days", DateOf(now, time.UTC), []time.Weekday{time.Monday}, "20261207"},
		{"Sunday, across the new year", time.Date(2026, 12, 28, 0, 0, 0, 0, time.UTC), []time.Weekday{time.Sunday}, "20270103"},
	} {
		p := plan
		p.From, p.Weekdays = tc.from, tc.days
		if got := p.first().Format("20060102"); got != tc.first {
			t.Errorf("%s: first session on %s; want %s", tc.name, got, tc.first)
		}
	}
}

func TestSessionPlanRefuses(t *testing.T) {
	good := SessionPlan{Routine: "quick_relief", Summary: "s", Link: "https://example.org/routines/quick_relief",
		Weekdays: []time.Weekday{time.Monday}, Hour: 7, Weeks: 1, From: time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)}
	for _, tc := range []struct {
		change func(p *SessionPlan)
		field  string
	}{
		{func(p *SessionPlan) { p.Weekdays = nil }, "weekdays"},
		{func(p *SessionPlan) { p.Weekdays = []time.Weekday{time.Monday, time.Monday} }, "weekdays"},
		{func(p *SessionPlan) { p.Weekdays = []time.Weekday{7} }, "weekdays"},
		{func(p *SessionPlan) { p.Hour = 24 }, "time"},
		{func(p *SessionPlan) { p.Minute = -1 }, "time"},
		{func(p *SessionPlan) { p.Weeks = 0 }, "weeks"},
		{func(p *SessionPlan) { p.Weeks = MaxPlanWeeks + 1 }, "weeks"},
		{func(p *SessionPlan) { p.Routine = "a b" }, "routine"},
		{func(p *SessionPlan) { p.Link = "/routines/x" }, "link"},
	} {
		p := good
		tc.change(&p)
		var b strings.Builder
		err := WriteReminders(&b, Reminders{EpisodeID: "e", Summary: "s", Link: "https://example.org/triage", Sessions: &p}, time.Now())
		pe, ok := err.(*PlanError)
		if !ok || pe.Field != tc.field {
			t.Errorf("plan %+v: error %v; want a PlanError about %s", p, err, tc.field)
		}
	}
	var b strings.Builder
	if err := WriteReminders(&b, Reminders{EpisodeID: "e", Summary: "s", Link: "https://example.org/triage", Sessions: &good}, time.Now()); err != nil {
		t.Errorf("the good plan was refused: %v", err)
	}
}
