package browser

import (
	"encoding/json"
	"fmt"
	"time"

	"unknot/app/journal"
)

// Episodes are kept one record per calendar month (see the schema comment
// in idb_schema_js.go). This file is the part of that index that needs no
// JavaScript: which month an episode belongs to, and a month's record as
// text; idb_months_js.go reads and writes the records.

// unreadableMonth is where a migrated record whose start could not be read
// went: month 0 sorts before every real month (episodes start in 1990 or
// later), so it is read last, and nothing was dropped.
const unreadableMonth = 0

// monthKey is the key of the record holding the episodes that started in
// t's calendar month, in UTC: months since the year 0, so that the records
// sort by time.
func monthKey(t time.Time) int {
	u := t.UTC()
	return u.Year()*12 + int(u.Month()) - 1
}

// monthName is a month key as people write it, for errors.
func monthName(m int) string { return fmt.Sprintf("%04d-%02d", m/12, m%12+1) }

func monthError(m int, err error) error {
	return &journal.StorageError{Kind: journal.StorageOther, Op: "read the episodes of " + monthName(m), Err: err}
}

// month is a month record being rewritten: the stored text of each of its
// episodes, kept byte for byte, beside the episode it decodes to.
type month struct {
	key      int
	episodes []journal.Episode
	texts    []json.RawMessage
}

// decodeMonth reads the record of month key from its stored text, a JSON
// list of episodes; "" is a month with no record yet.
func decodeMonth(key int, text string) (*month, error) {
	m := &month{key: key}
	if text == "" {
		return m, nil
	}
	if err := json.Unmarshal([]byte(text), &m.texts); err != nil {
		return nil, monthError(key, err)
	}
	m.episodes = make([]journal.Episode, len(m.texts))
	for i, t := range m.texts {
		var err error
		if m.episodes[i], err = journal.DecodeEpisode(t); err != nil {
			return nil, monthError(key, fmt.Errorf("[%d]: %w", i, err))
		}
	}
	return m, nil
}

// remove takes the episode id out of the month and returns it.
func (m *month) remove(id string) (journal.Episode, bool) {
	for i, e := range m.episodes {
		if e.ID == id {
			m.episodes = append(m.episodes[:i], m.episodes[i+1:]...)
			m.texts = append(m.texts[:i], m.texts[i+1:]...)
			return e, true
		}
	}
	return journal.Episode{}, false
}

// add puts e, whose json.Marshal text is text, into the month.
func (m *month) add(e journal.Episode, text []byte) {
	m.episodes = append(m.episodes, e)
	m.texts = append(m.texts, text)
}

// text is the month's stored list: each episode's text as it was read or
// added, byte for byte.
func (m *month) text() string {
	n := 2
	for _, t := range m.texts {
		n += len(t) + 1
	}
	b := make([]byte, 0, n)
	b = append(b, '[')
	for i, t := range m.texts {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, t...)
	}
	b = append(b, ']')
	return string(b)
}
