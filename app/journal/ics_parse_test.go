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
