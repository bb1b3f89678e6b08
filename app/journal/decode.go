package journal

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// decoder reads a backup file strictly, keeping the JSON path of the value it
// is reading so that every problem names where it is. It is hand-written
// rather than encoding/json because it must reject what encoding/json
// accepts silently (repeated keys, nulls, missing fields) and say where, and
// because it must read a large journal within the open-list budget of
// DESIGN.md.
type decoder struct {
	data []byte
	pos  int
	path jsonPath

	skipped int // elements of the last list skip read at depth 0

	// ascii says whether the last string stringBytes read was all ASCII,
	// and so valid UTF-8 without a second pass over it.
	ascii bool

	// An episode's lists are read into scratch space and then cut from
	// blocks that the records of one decode share: a journal has thousands
	// of short lists, and growing each from nothing was most of a decode's
	// allocations.
	strs   listBlock[string]
	pains  listBlock[PainRating]
	trieds listBlock[Tried]
}

// listBlock cuts lists from shared blocks, each list with its length as its
// capacity, so that appending to one copies it rather than writing over its
// neighbour. Blocks double from 8 elements to 512.
type listBlock[T any] struct {
	scratch, block []T
}

// keep returns a copy of items cut from the block (nil for none).
func (b *listBlock[T]) keep(items []T) []T {
	if len(items) == 0 {
		return nil
	}
	if cap(b.block)-len(b.block) < len(items) {
		b.block = make([]T, 0, max(len(items), min(2*cap(b.block), 512), 8))
	}
	start := len(b.block)
	b.block = append(b.block, items...)
	return b.block[start:len(b.block):len(b.block)]
}

// fail reports a damaged value at the current path: one that is not of
// its type, or not JSON a program would write.
func (d *decoder) fail(format string, args ...any) error {
	return d.refuse(why{reason: ReasonDamaged}, format, args...)
}

// refuse reports a problem with the value at the current path, with its
// reason and facts.
func (d *decoder) refuse(w why, format string, args ...any) error {
	return refusal(w, d.path, fmt.Sprintf(format, args...))
}

// syntax reports malformed JSON at the current position.
func (d *decoder) syntax(what string) error {
	line, col := 1, 1
	for _, r := range string(d.data[:min(d.pos, len(d.data))]) {
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	found := "the end of the file"
	if d.pos < len(d.data) {
		found = strconv.QuoteRune(rune(d.data[d.pos]))
		if r, _ := utf8.DecodeRune(d.data[d.pos:]); r != utf8.RuneError {
			found = strconv.QuoteRune(r)
		}
	}
	start := 0
	if bytes.HasPrefix(d.data, utf8BOM) {
		start = len(utf8BOM)
	}
	content := bytes.TrimLeft(d.data[start:], " \t\r\n")
	w := why{reason: ReasonDamaged}
	switch {
	case len(content) == 0:
		w.reason = ReasonEmpty
	case d.pos >= len(d.data):
		w.reason = ReasonTruncated
	case d.pos == len(d.data)-len(content):
		w.reason = ReasonNotJSON // its very first character
	}
	return d.refuse(w, "not valid JSON at line %d, column %d: expected %s, found %s", line, col, what, found)
}

func (d *decoder) ws() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// peek skips white space and returns the next byte, or 0 at the end. It
// is called for every value and separator, so it skips the white space
// itself rather than through ws (app.wasm is built without inlining).
func (d *decoder) peek() byte {
	for d.pos < len(d.data) {
		switch c := d.data[d.pos]; c {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return c
		}
	}
	return 0
}

func (d *decoder) expect(c byte) error {
	if d.peek() != c {
		return d.syntax(strconv.QuoteRune(rune(c)))
	}
	d.pos++
	return nil
}

// kind names the JSON type of the next value, for "expected a string, found
// a number".
func (d *decoder) kind() string {
	switch c := d.peek(); {
	case c == '"':
		return "a string"
	case c == '{':
		return "an object"
	case c == '[':
		return "a list"
	case c == 't' || c == 'f':
		return "true or false"
	case c == 'n':
		return "null"
	case c == '-' || c >= '0' && c <= '9':
		return "a number"
	}
	return ""
}

func (d *decoder) wrongType(want string) error {
	k := d.kind()
	if k == "" {
		return d.syntax(want)
	}
	return d.fail("expected %s, found %s", want, k)
}

// object reads an object, calling field for each key with the key pushed on
// the path (as a segField or a segMapKey); field must read the value. Repeated keys are errors, and so are
// missing required keys.
func (d *decoder) object(keys byte, required []string, field func(key []byte) error) error {
	if d.peek() != '{' {
		return d.wrongType("an object")
	}
	d.pos++
	var seenArr [16][]byte
	seen := seenArr[:0]
	if d.peek() == '}' {
		d.pos++
	} else {
		for {
			if d.peek() != '"' {
				return d.syntax("a field name in double quotes")
			}
			key, err := d.key()
			if err != nil {
				return err
			}
			if err := d.expect(':'); err != nil {
				return err
			}
			d.path = append(d.path, segment{kind: keys, raw: key})
			for _, k := range seen {
				if string(k) == string(key) {
					return d.fail("appears twice")
				}
			}
			seen = append(seen, key)
			if err := field(key); err != nil {
				return err
			}
			d.path = d.path[:len(d.path)-1]
			if d.peek() == ',' {
				d.pos++
				continue
			}
			if d.peek() != '}' {
				return d.syntax("',' or '}'")
			}
			d.pos++
			break
		}
	}
	for _, r := range required {
		found := false
		for _, k := range seen {
			found = found || string(k) == r
		}
		if !found {
			d.path = append(d.path, segment{kind: segField, key: r})
			return d.refuse(why{reason: ReasonMissing}, "is missing")
		}
	}
	return nil
}

// unknown is the field function's answer to a key it does not know.
func (d *decoder) unknown() error {
	return d.refuse(why{reason: ReasonUnknownField, value: d.path[len(d.path)-1].name()}, "is not a known field")
}

// array reads a list, calling elem for each element with its index pushed
// on the path. max bounds the length.
func (d *decoder) array(max int, elem func(i int) error) error {
	if d.peek() != '[' {
		return d.wrongType("a list")
	}
	d.pos++
	if d.peek() == ']' {
		d.pos++
		return nil
	}
	for i := 0; ; i++ {
		if i >= max {
			return d.refuse(why{reason: ReasonTooMany, value: strconv.Itoa(i + 1), max: max}, "has more than %d entries", max)
		}
		d.path = append(d.path, segment{kind: segIndex, idx: i})
		if err := elem(i); err != nil {
			return err
		}
		d.path = d.path[:len(d.path)-1]
		if d.peek() == ',' {
			d.pos++
			continue
		}
		if d.peek() != ']' {
			return d.syntax("',' or ']'")
		}
		d.pos++
		return nil
	}
}

func (d *decoder) str() (string, error) {
	if d.peek() != '"' {
		return "", d.wrongType("a string")
	}
	return d.rawString()
}

// rawString reads the string at d.pos.
func (d *decoder) rawString() (string, error) {
	b, plain, err := d.stringBytes()
	if err != nil {
		return "", err
	}
	return d.unquote(b, plain)
}

// unquote turns a string read by stringBytes (with its quotes) into text.
func (d *decoder) unquote(b []byte, plain bool) (string, error) {
	if !d.ascii && !utf8.Valid(b) {
		return "", d.fail("is not valid text (UTF-8)")
	}
	if !plain {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return "", d.fail("is not a valid string")
		}
		return s, nil
	}
	text := b[1 : len(b)-1]
	if len(text) <= longestWord {
		if w, ok := words[string(text)]; ok {
			return w, nil
		}
	}
	return string(text), nil
}

// words are the persisted enumerations, which a journal repeats thousands
// of times: reading them as the shared constants rather than as new strings
// saves most of the allocations of decoding a journal.
var words, longestWord = func() (map[string]string, int) {
	m, longest := map[string]string{}, 0
	for _, list := range [][]string{Wheres, SpreadAreas, TriggerIDs, Treatments, Effects, Dispositions} {
		for _, w := range list {
			m[w], longest = w, max(longest, len(w))
		}
	}
	return m, longest
}()

// key reads an object key, without copying it unless it has escapes.
func (d *decoder) key() ([]byte, error) {
	b, plain, err := d.stringBytes()
	if err != nil {
		return nil, err
	}
	if plain && (d.ascii || utf8.Valid(b)) {
		return b[1 : len(b)-1], nil
	}
	s, err := d.unquote(b, plain)
	return []byte(s), err
}

// stringBytes reads the string at d.pos and returns it with its quotes.
// plain is false when it has escapes (and needs unquoting). It checks the
// JSON syntax only; rawString checks the text.
func (d *decoder) stringBytes() (raw []byte, plain bool, err error) {
	// Most of a journal's bytes are inside strings: the loop keeps to local
	// variables and one table lookup a byte, which WebAssembly runs much
	// faster than a switch on d's fields.
	data, start := d.data, d.pos
	i := start + 1
	escaped, ascii := false, true
	for i < len(data) {
		c := data[i]
		if !stringSpecial[c] {
			i++
			continue
		}
		switch {
		case c >= utf8.RuneSelf:
			ascii = false
			i++
		case c == '"':
			d.pos, d.ascii = i+1, ascii
			return data[start : i+1], !escaped, nil
		case c == '\\':
			escaped = true
			if i+1 < len(data) && data[i+1] >= utf8.RuneSelf {
				ascii = false
			}
			i += 2
		default:
			d.pos = i
			return nil, false, d.syntax("a closing '\"' (control characters must be escaped)")
		}
	}
	d.pos = len(data)
	return nil, false, d.syntax("a closing '\"'")
}

// stringSpecial marks the bytes that end a run of ASCII text in a JSON
// string: the closing quote, a backslash, control characters, and the bytes
// of other characters (after which the string needs its UTF-8 checked).
var stringSpecial = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

// int reads a whole number.
func (d *decoder) int() (int, error) {
	c := d.peek()
	if c != '-' && (c < '0' || c > '9') {
		return 0, d.wrongType("a whole number")
	}
	start := d.pos
	if c == '-' {
		d.pos++
	}
	digits := d.pos
	for d.pos < len(d.data) && d.data[d.pos] >= '0' && d.data[d.pos] <= '9' {
		d.pos++
	}
	if d.pos == digits || d.data[digits] == '0' && d.pos-digits > 1 {
		d.pos = digits
		return 0, d.syntax("a number")
	}
	if d.pos < len(d.data) && (d.data[d.pos] == '.' || d.data[d.pos] == 'e' || d.data[d.pos] == 'E') {
		for d.pos < len(d.data) && strings.IndexByte("+-.eE0123456789", d.data[d.pos]) >= 0 {
			d.pos++
		}
		return 0, d.refuse(why{reason: ReasonBadValue, value: string(d.data[start:d.pos])}, "%s is not a whole number", d.data[start:d.pos])
	}
	n, err := strconv.Atoi(string(d.data[start:d.pos]))
	if err != nil {
		return 0, d.refuse(why{reason: ReasonBadValue, value: string(d.data[start:d.pos])}, "%s is out of range", d.data[start:d.pos])
	}
	return n, nil
}

func (d *decoder) bool() (bool, error) {
	switch d.peek() {
	case 't':
		if d.literal("true") {
			return true, nil
		}
	case 'f':
		if d.literal("false") {
			return false, nil
		}
	}
	return false, d.wrongType("true or false")
}

// null reads a null if there is one.
func (d *decoder) null() bool { return d.peek() == 'n' && d.literal("null") }

func (d *decoder) literal(lit string) bool {
	if !bytes.HasPrefix(d.data[d.pos:], []byte(lit)) {
		return false
	}
	d.pos += len(lit)
	return true
}

// time reads an RFC 3339 date and time, as time.Time's JSON encoding writes it.
func (d *decoder) time() (time.Time, error) {
	if d.peek() != '"' {
		return time.Time{}, d.wrongType("a date (RFC 3339, like 2024-05-01T08:30:00Z)")
	}
	start := d.pos
	raw, plain, err := d.stringBytes()
	if err != nil {
		return time.Time{}, err
	}
	var t time.Time
	if !plain || t.UnmarshalText(raw[1:len(raw)-1]) != nil {
		d.pos = start
		s, _ := d.rawString()
		return time.Time{}, d.refuse(why{reason: ReasonBadValue, value: s}, "%q is not a date (RFC 3339, like 2024-05-01T08:30:00Z)", s)
	}
	return t, nil
}

func (d *decoder) strings(max int) ([]string, error) {
	list := d.strs.scratch[:0]
	err := d.array(max, func(int) error {
		s, err := d.str()
		list = append(list, s)
		return err
	})
	d.strs.scratch = list
	return d.strs.keep(list), err
}

// skip reads any JSON value without keeping it (used to look at a file's
// version before its records). depth bounds nesting.
func (d *decoder) skip(depth int) error {
	if depth == 0 {
		d.skipped = 0
	}
	if depth > 64 {
		return d.fail("is nested too deeply")
	}
	switch c := d.peek(); {
	case c == '{':
		d.pos++
		if d.peek() == '}' {
			d.pos++
			return nil
		}
		for {
			if d.peek() != '"' {
				return d.syntax("a field name in double quotes")
			}
			raw, _, err := d.stringBytes()
			if err != nil {
				return err
			}
			if err := d.expect(':'); err != nil {
				return err
			}
			d.path = append(d.path, segment{kind: segField, raw: raw[1 : len(raw)-1]})
			if err := d.skip(depth + 1); err != nil {
				return err
			}
			d.path = d.path[:len(d.path)-1]
			if d.peek() == ',' {
				d.pos++
				continue
			}
			if d.peek() != '}' {
				return d.syntax("',' or '}'")
			}
			d.pos++
			return nil
		}
	case c == '[':
		d.pos++
		if d.peek() == ']' {
			d.pos++
			return nil
		}
		for n := 1; ; n++ {
			d.path = append(d.path, segment{kind: segIndex, idx: n - 1})
			if err := d.skip(depth + 1); err != nil {
				return err
			}
			d.path = d.path[:len(d.path)-1]
			if depth == 0 {
				d.skipped = n
			}
			if d.peek() == ',' {
				d.pos++
				continue
			}
			if d.peek() != ']' {
				return d.syntax("',' or ']'")
			}
			d.pos++
			return nil
		}
	case c == '"':
		_, _, err := d.stringBytes()
		return err
	case c == 't' && d.literal("true"), c == 'f' && d.literal("false"), c == 'n' && d.literal("null"):
		return nil
	case c == '-' || c >= '0' && c <= '9':
		return d.number()
	}
	return d.syntax("a value")
}

// number reads any JSON number.
func (d *decoder) number() error {
	if d.pos < len(d.data) && d.data[d.pos] == '-' {
		d.pos++
	}
	digits := func() int {
		n := 0
		for d.pos < len(d.data) && d.data[d.pos] >= '0' && d.data[d.pos] <= '9' {
			d.pos++
			n++
		}
		return n
	}
	intStart := d.pos
	if n := digits(); n == 0 || n > 1 && d.data[intStart] == '0' {
		d.pos = intStart
		return d.syntax("a number")
	}
	if d.pos < len(d.data) && d.data[d.pos] == '.' {
		d.pos++
		if digits() == 0 {
			return d.syntax("a digit")
		}
	}
	if d.pos < len(d.data) && (d.data[d.pos] == 'e' || d.data[d.pos] == 'E') {
		d.pos++
		if d.pos < len(d.data) && (d.data[d.pos] == '+' || d.data[d.pos] == '-') {
			d.pos++
		}
		if digits() == 0 {
			return d.syntax("a digit")
		}
	}
	return nil
}
