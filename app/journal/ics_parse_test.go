package journal_test

import (
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"unknot/app/journal"
)

// TestRemindersParse reads a new episode's reminders with a real iCalendar
// parser and checks the five re-check dates, the words and the link.
func TestRemindersParse(t *testing.T) {
	started := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	summary := "Unknot : contrôle du dos, à nouveau; encore \\ une fois" // French, with every character TEXT escapes
	var b strings.Builder
	err := journal.WriteReminders(&b, journal.Reminders{
		EpisodeID: "0b6b3c55-2b1e-4a3e-9d7c-3f0f7f6f1a2b",
		Rechecks:  journal.Rechecks(started, started.Add(time.Minute), time.UTC),
		Summary:   summary,
		Link:      "https://example.org/" + strings.Repeat("long-path/", 8) + "triage",
	}, started.Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for i, line := range strings.SplitAfter(out, "\r\n") {
		if line == "" {
			continue
		}
		if !strings.HasSuffix(line, "\r\n") || strings.Contains(strings.TrimSuffix(line, "\r\n"), "\n") {
			t.Errorf("line %d does not end with CRLF alone: %q", i, line)
		}
		if len(line)-2 > 75 {
			t.Errorf("line %d is %d octets long: %q", i, len(line)-2, line)
		}
	}

	cal, err := ics.ParseCalendar(strings.NewReader(out))
	if err != nil {
		t.Fatalf("the parser refused the file: %v\n%s", err, out)
	}
	want := []string{"2026-12-10", "2026-12-14", "2026-12-21", "2027-01-04", "2027-01-18"}
	events := cal.Events()
	if len(events) != len(want) {
		t.Fatalf("%d events; want %d", len(events), len(want))
	}
	uids := map[string]bool{}
	for i, ev := range events {
		start, err := ev.GetAllDayStartAt()
		if err != nil {
			t.Fatalf("event %d start: %v", i, err)
		}
		if got := start.Format(time.DateOnly); got != want[i] {
			t.Errorf("event %d is on %s; want %s", i, got, want[i])
		}
		if got := ics.FromText(ev.GetProperty(ics.ComponentPropertySummary).Value); got != summary {
			t.Errorf("event %d summary = %q; want %q", i, got, summary)
		}
		if got := ev.GetProperty(ics.ComponentPropertyUrl).Value; !strings.HasSuffix(got, "/triage") || !strings.HasPrefix(got, "https://example.org/") {
			t.Errorf("event %d URL = %q", i, got)
		}
		uid := ev.Id()
		if uids[uid] || !strings.HasPrefix(uid, "0b6b3c55-2b1e-4a3e-9d7c-3f0f7f6f1a2b-") {
			t.Errorf("event %d UID %q is not the episode's own, or repeats", i, uid)
		}
		uids[uid] = true
		if _, err := ev.GetDtStampTime(); err != nil {
			t.Errorf("event %d DTSTAMP: %v", i, err)
		}
		alarms := ev.Alarms()
		if len(alarms) != 1 || alarms[0].GetProperty(ics.ComponentPropertyAction).Value != "DISPLAY" ||
			alarms[0].GetProperty(ics.ComponentPropertyTrigger).Value != "PT9H" {
			t.Errorf("event %d alarms: want one display alarm at 09:00 of the day", i)
		}
	}
}

// TestRemindersWithSessionsParse reads re-checks and planned stretch
// sessions with a real iCalendar parser: the sessions are one weekly event
// at the chosen local time, after the re-checks.
func TestRemindersWithSessionsParse(t *testing.T) {
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC) // a Monday
	var b strings.Builder
	err := journal.WriteReminders(&b, journal.Reminders{
		EpisodeID: "0b6b3c55-2b1e-4a3e-9d7c-3f0f7f6f1a2b",
		Rechecks:  journal.Rechecks(now, now, time.UTC),
		Summary:   "Unknot: back re-check",
		Link:      "https://example.org/triage",
		Sessions: &journal.SessionPlan{Routine: "morning_mobility", Summary: "Unknot: Dehnübungen, täglich", Link: "https://example.org/routines/morning_mobility",
			Weekdays: []time.Weekday{time.Tuesday, time.Thursday, time.Saturday}, Hour: 7, Minute: 30, Length: 10 * time.Minute,
			Weeks: 2, From: journal.DateOf(now, time.UTC)},
	}, now)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ics.ParseCalendar(strings.NewReader(b.String()))
	if err != nil {
		t.Fatalf("the parser refused the file: %v\n%s", err, b.String())
	}
	events := cal.Events()
	if len(events) != 6 {
		t.Fatalf("%d events; want the five re-checks and the sessions", len(events))
	}
	s := events[5]
	start, err := s.GetStartAt()
	if err != nil {
		t.Fatal(err)
	}
	if got := start.Format("2006-01-02 15:04"); got != "2026-12-08 07:30" {
		t.Errorf("the sessions start %s; want Tuesday 8 December at 07:30", got)
	}
	if p := s.GetProperty(ics.ComponentPropertyDtStart); len(p.ICalParameters) != 0 || strings.HasSuffix(p.Value, "Z") {
		t.Errorf("the sessions' start %q %v is not floating local time", p.Value, p.ICalParameters)
	}
	if got := s.GetProperty(ics.ComponentPropertyRrule).Value; got != "FREQ=WEEKLY;BYDAY=TU,TH,SA;COUNT=6" {
		t.Errorf("RRULE = %q", got)
	}
	if got := ics.FromText(s.GetProperty(ics.ComponentPropertySummary).Value); got != "Unknot: Dehnübungen, täglich" {
		t.Errorf("the sessions' summary = %q", got)
	}
	if got := s.GetProperty(ics.ComponentPropertyUrl).Value; got != "https://example.org/routines/morning_mobility" {
		t.Errorf("the sessions link to %q", got)
	}
}
