package journal

import (
	"bufio"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Calendar reminders of the safety net: an iCalendar file (RFC 5545) the
// person adds to their phone's own calendar, so it reminds them to check
// again with no server and no notification permission. It holds nothing
// about their health: each event says only "Unknot: back re-check" (in
// their language) and the app's link.

// Recheck is one re-check day of an episode and the calendar date it falls
// on: Date is midnight UTC of that date, a date with no time zone.
type Recheck struct {
	Day  int
	Date time.Time
}

// Rechecks returns the re-check days (SafetyNetDays) of an episode that
// began at started that are still to come, today included: day d falls on
// the date, in loc, of the instant SafetyNet reaches it (started plus d
// times 24 hours), and the dates before now's date in loc are left out.
func Rechecks(started, now time.Time, loc *time.Location) []Recheck {
	today := DateOf(now, loc)
	var out []Recheck
	for _, d := range SafetyNetDays {
		date := DateOf(started.Add(time.Duration(d)*24*time.Hour), loc)
		if !date.Before(today) {
			out = append(out, Recheck{Day: d, Date: date})
		}
	}
	return out
}

// DateOf is t's calendar date in loc, as midnight UTC.
func DateOf(t time.Time, loc *time.Location) time.Time {
	t = t.In(loc)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// Reminders is what a reminders file is made of.
type Reminders struct {
	// EpisodeID names the episode; with the day it makes each event's UID,
	// so adding the file again updates the events instead of doubling them.
	EpisodeID string
	// Rechecks are the days to remind of (Rechecks).
	Rechecks []Recheck
	// Summary is each event's title, "Unknot: back re-check" in the
	// person's language.
	Summary string
	// Link is the absolute address of the app's check (https://…/triage).
	Link string
	// Sessions, if not nil, are the stretch sessions the person plans.
	Sessions *SessionPlan
}

// MaxPlanWeeks is the longest a plan of stretch sessions may run.
const MaxPlanWeeks = 12

// SessionPlan is a stretch routine the person plans to do on some days of
// the week, at a time of day, for a number of weeks from a date.
type SessionPlan struct {
	Routine  string // the routine's id
	Summary  string // "Unknot: stretch routine" in the person's language
	Link     string // the absolute address of the routine's player
	Weekdays []time.Weekday
	Hour     int
	Minute   int
	Length   time.Duration // how long the routine takes
	Weeks    int           // 1 to MaxPlanWeeks
	From     time.Time     // the first date it may fall on, as midnight UTC (DateOf)
}

// PlanError says what is wrong with a SessionPlan.
type PlanError struct {
	Field   string // "weekdays", "time" or "weeks"
	Problem string
}

func (e *PlanError) Error() string { return "journal: session plan: " + e.Field + ": " + e.Problem }

// check reports the first thing wrong with p.
func (p SessionPlan) check() error {
	switch {
	case p.Routine == "" || strings.ContainsFunc(p.Routine, func(r rune) bool { return r < 0x21 || r == 0x7f }):
		return &PlanError{"routine", fmt.Sprintf("%q is not a routine id", p.Routine)}
	case len(p.Weekdays) == 0:
		return &PlanError{"weekdays", "no day chosen"}
	case p.Hour < 0 || p.Hour > 23 || p.Minute < 0 || p.Minute > 59:
		return &PlanError{"time", fmt.Sprintf("%d:%02d is not a time of day", p.Hour, p.Minute)}
	case p.Weeks < 1 || p.Weeks > MaxPlanWeeks:
		return &PlanError{"weeks", fmt.Sprintf("%d is not from 1 to %d", p.Weeks, MaxPlanWeeks)}
	}
	for i, d := range p.Weekdays {
		if d < time.Sunday || d > time.Saturday {
			return &PlanError{"weekdays", fmt.Sprintf("%d is not a day of the week", d)}
		}
		if slices.Contains(p.Weekdays[:i], d) {
			return &PlanError{"weekdays", d.String() + " is chosen twice"}
		}
	}
	if err := checkLink(p.Link); err != nil {
		return &PlanError{"link", err.Error()}
	}
	return nil
}

// first is the first date on or after From that falls on one of Weekdays.
func (p SessionPlan) first() time.Time {
	d := p.From
	for !slices.Contains(p.Weekdays, d.Weekday()) {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// byDay is the RRULE BYDAY list of Weekdays, Monday first.
func (p SessionPlan) byDay() string {
	names := []string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}
	var out []string
	for _, d := range []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday} {
		if slices.Contains(p.Weekdays, d) {
			out = append(out, names[d])
		}
	}
	return strings.Join(out, ",")
}

// reminderHour is when, on a re-check's date, the calendar reminds: 09:00
// where the phone is.
const reminderHour = 9

// WriteReminders writes r as an iCalendar file: one all-day event per
// re-check, each with a display alarm, and the planned stretch sessions as
// one weekly event, stamped now.
//
// The events are all-day (DTSTART;VALUE=DATE): a re-check is about the
// day, not the hour, and a date has no time zone, so it stays on the same
// date wherever the phone is and whatever its zone's daylight saving does;
// that is why the file needs no VTIMEZONE. The alarm is relative to the
// start of that day (TRIGGER:PT9H), which calendars read in the phone's own
// time zone. The stretch sessions are in floating local time (DTSTART with
// neither Z nor TZID, RFC 5545 3.3.5): 18:00 is 18:00 wherever the phone
// is, which is what a person who plans to stretch after work means; they
// repeat weekly on the chosen days (RRULE with COUNT, the days times the
// weeks), and the alarm rings as each begins. DTSTAMP, the one instant, is
// in UTC as RFC 5545 requires.
func WriteReminders(w io.Writer, r Reminders, now time.Time) error {
	if r.EpisodeID == "" {
		return fmt.Errorf("journal: reminders: no episode id")
	}
	if err := checkLink(r.Link); err != nil {
		return fmt.Errorf("journal: reminders: link %q: %w", r.Link, err)
	}
	if r.Sessions != nil {
		if err := r.Sessions.check(); err != nil {
			return err
		}
	}
	bw := bufio.NewWriter(w)
	c := &contentWriter{w: bw}
	c.line("BEGIN:VCALENDAR")
	c.line("VERSION:2.0")
	c.line("PRODID:-//Unknot//Reminders//EN")
	c.line("CALSCALE:GREGORIAN")
	c.line("METHOD:PUBLISH")
	stamp := now.UTC().Format("20060102T150405Z")
	summary := escapeText(r.Summary)
	for _, rc := range r.Rechecks {
		c.line("BEGIN:VEVENT")
		c.line(fmt.Sprintf("UID:%s-recheck-day-%d@unknot", r.EpisodeID, rc.Day))
		c.line("DTSTAMP:" + stamp)
		c.line("DTSTART;VALUE=DATE:" + rc.Date.Format("20060102"))
		c.line("DTEND;VALUE=DATE:" + rc.Date.AddDate(0, 0, 1).Format("20060102"))
		c.line("SUMMARY:" + summary)
		c.line("URL:" + r.Link) // a URI value: not escaped as text is
		c.line("DESCRIPTION:" + escapeText(r.Link))
		c.line("TRANSP:TRANSPARENT") // a reminder, not a busy hour
		c.line("BEGIN:VALARM")
		c.line("ACTION:DISPLAY")
		c.line("DESCRIPTION:" + summary)
		c.line(fmt.Sprintf("TRIGGER:PT%dH", reminderHour))
		c.line("END:VALARM")
		c.line("END:VEVENT")
	}
	if p := r.Sessions; p != nil {
		start := p.first().Add(time.Duration(p.Hour)*time.Hour + time.Duration(p.Minute)*time.Minute)
		routine := escapeText(p.Summary)
		c.line("BEGIN:VEVENT")
		c.line(fmt.Sprintf("UID:%s-routine-%s@unknot", r.EpisodeID, p.Routine))
		c.line("DTSTAMP:" + stamp)
		c.line("DTSTART:" + start.Format("20060102T150405"))
		c.line(fmt.Sprintf("DURATION:PT%dM", max(1, int(p.Length.Round(time.Minute)/time.Minute))))
		c.line(fmt.Sprintf("RRULE:FREQ=WEEKLY;BYDAY=%s;COUNT=%d", p.byDay(), p.Weeks*len(p.Weekdays)))
		c.line("SUMMARY:" + routine)
		c.line("URL:" + p.Link)
		c.line("DESCRIPTION:" + escapeText(p.Link))
		c.line("BEGIN:VALARM")
		c.line("ACTION:DISPLAY")
		c.line("DESCRIPTION:" + routine)
		c.line("TRIGGER:PT0S")
		c.line("END:VALARM")
		c.line("END:VEVENT")
	}
	c.line("END:VCALENDAR")
	if c.err != nil {
		return c.err
	}
	return bw.Flush()
}

// checkLink accepts only an absolute http or https address that can stand
// in a content line as it is.
func checkLink(link string) error {
	u, err := url.Parse(link)
	if err != nil {
		return err
	}
	if (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("not an absolute http or https address")
	}
	if strings.ContainsFunc(link, func(r rune) bool { return r < 0x21 || r == 0x7f }) {
		return fmt.Errorf("has spaces or control characters")
	}
	return nil
}

// escapeText escapes an iCalendar TEXT value (RFC 5545, 3.3.11):
// backslashes, semicolons and commas gain a backslash, and a line break
// becomes \n.
func escapeText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', ';', ',':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			b.WriteString(`\n`)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// maxLineOctets is the longest a content line may be, line break excluded
// (RFC 5545, 3.1).
const maxLineOctets = 75

// foldLine folds one content line into lines of at most 75 octets, each
// continuation starting with a space, never splitting a UTF-8 character,
// and ends every line with CRLF.
func foldLine(line string) string {
	var b strings.Builder
	limit := maxLineOctets
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		limit = maxLineOctets - 1 // the leading space counts
	}
	b.WriteString(line)
	b.WriteString("\r\n")
	return b.String()
}

// contentWriter writes folded content lines and keeps the first error.
type contentWriter struct {
	w   io.Writer
	err error
}

func (c *contentWriter) line(s string) {
	if c.err == nil {
		_, c.err = io.WriteString(c.w, foldLine(s))
	}
}
