//go:build js && wasm

package browser

import (
	"encoding/json"
	"fmt"
	"syscall/js"
	"time"

	"unknot/app/journal"
)

// Episodes are kept one record per calendar month (see the schema comment
// in idb_schema_js.go); this file reads and rewrites those records.

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

// monthReader decodes month records into one slice through one buffer: a
// journal's text crosses from JavaScript once, as UTF-8 into memory reused
// from month to month (js.Value.String would copy it three times).
type monthReader struct {
	episodes []journal.Episode
	buf      []byte
}

var textEncoder = js.Global().Get("TextEncoder").New()

// read appends the episodes of the stored month record v.
func (ms *monthReader) read(v js.Value) error {
	u8 := textEncoder.Call("encode", v.Get("json"))
	if n := u8.Length(); cap(ms.buf) < n {
		ms.buf = make([]byte, n, 2*n)
	} else {
		ms.buf = ms.buf[:n]
	}
	js.CopyBytesToGo(ms.buf, u8)
	var err error
	if ms.episodes, err = journal.AppendEpisodes(ms.episodes, ms.buf); err != nil {
		return monthError(v.Get("month").Int(), err)
	}
	return nil
}

// monthBatch is how many month records one request reads: a few years of
// a journal. Reading in batches lets Go decode one batch while IndexedDB
// fetches the next.
const monthBatch = 32

// readMonths appends to ms the episodes of the month records from month
// from on, oldest first. Each batch's callback asks for the next batch
// before it decodes its own.
func (t *txn) readMonths(from int, ms *monthReader) {
	store, keyRange := t.store(storeMonths), js.Global().Get("IDBKeyRange")
	var read func(lower js.Value)
	read = func(lower js.Value) {
		t.request(store.Call("getAll", lower, monthBatch), func(batch js.Value) {
			n := batch.Length()
			if n == monthBatch {
				read(keyRange.Call("lowerBound", batch.Index(n-1).Get("month"), true))
			}
			for i := range n {
				if err := ms.read(batch.Index(i)); err != nil {
					t.abort(err)
					return
				}
			}
		})
	}
	read(keyRange.Call("lowerBound", from))
}

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

// readMonth reads the record of month key from v, which is undefined when
// there is none yet.
func readMonth(key int, v js.Value) (*month, error) {
	m := &month{key: key}
	if v.IsUndefined() {
		return m, nil
	}
	if err := json.Unmarshal([]byte(v.Get("json").String()), &m.texts); err != nil {
		return nil, monthError(key, err)
	}
	m.episodes = make([]journal.Episode, len(m.texts))
	for i, text := range m.texts {
		var err error
		if m.episodes[i], err = journal.DecodeEpisode(text); err != nil {
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

// value is the month's stored record.
func (m *month) value() js.Value {
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
	return js.ValueOf(map[string]any{"month": m.key, "json": string(b)})
}

// changeMonths reads the records of the months keys in t, lets change edit
// them, then writes each back, deleting a month left empty. An error from
// change aborts t.
func (t *txn) changeMonths(keys []int, change func(map[int]*month) error) {
	months := t.store(storeMonths)
	read := map[int]*month{}
	pending := 0
	for _, k := range keys {
		if _, ok := read[k]; ok {
			continue
		}
		read[k] = nil
		pending++
		t.request(months.Call("get", k), func(v js.Value) {
			m, err := readMonth(k, v)
			if err != nil {
				t.abort(err)
				return
			}
			read[k] = m
			if pending--; pending > 0 {
				return
			}
			if err := change(read); err != nil {
				t.abort(err)
				return
			}
			for k, m := range read {
				if len(m.texts) == 0 {
					months.Call("delete", k)
				} else {
					months.Call("put", m.value())
				}
			}
		})
	}
}

// idRecord is the episodeIds record of an episode stored in month.
func idRecord(e journal.Episode, month int) js.Value {
	return js.ValueOf(map[string]any{"id": e.ID, "month": month, "updated": e.Updated.Format(time.RFC3339Nano)})
}
