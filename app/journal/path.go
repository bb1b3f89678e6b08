package journal

import (
	"strconv"
	"strings"
)

// jsonPath is where a value sits in a record or a backup file, as in
// episodes[3].pain[0].score. It is formatted only when a problem is found.
type jsonPath []segment

// segment is one step of a jsonPath.
type segment struct {
	kind byte   // segField, segIndex or segMapKey
	key  string // the key, or
	raw  []byte // the key as read from a file, converted only for messages
	idx  int
}

func (s segment) name() string {
	if s.raw != nil {
		return strings.ToValidUTF8(string(s.raw), "\uFFFD")
	}
	return s.key
}

const (
	segField  = iota // .key
	segIndex         // [idx]
	segMapKey        // ["key"], a key of a free-form map
)

func (p jsonPath) String() string {
	var b strings.Builder
	for _, s := range p {
		switch s.kind {
		case segMapKey:
			b.WriteString("[" + strconv.Quote(s.name()) + "]")
		case segField:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s.name())
		default:
			b.WriteString("[" + strconv.Itoa(s.idx) + "]")
		}
	}
	return b.String()
}

// with returns a copy of p with s appended; p is left as it is.
func (p jsonPath) with(s segment) jsonPath { return append(p[:len(p):len(p)], s) }

func fieldSeg(name string) segment { return segment{kind: segField, key: name} }
func indexSeg(i int) segment       { return segment{kind: segIndex, idx: i} }
func mapKeySeg(k string) segment   { return segment{kind: segMapKey, key: k} }
