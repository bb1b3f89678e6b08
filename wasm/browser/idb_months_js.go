//go:build js && wasm

package browser

import (
	"syscall/js"
	"time"

	"unknot/app/journal"
)

// The month records of IndexedDB, read and written (months.go has the part
// that needs no JavaScript).

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

// readMonth reads the record of month key from v, which is undefined when
// there is none yet.
func readMonth(key int, v js.Value) (*month, error) {
	if v.IsUndefined() {
		return decodeMonth(key, "")
	}
	return decodeMonth(key, v.Get("json").String())
}

// value is the month's stored record.
func (m *month) value() js.Value {
	return js.ValueOf(map[string]any{"month": m.key, "json": m.text()})
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
