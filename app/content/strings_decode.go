package content

import (
	"fmt"
	"strconv"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// decodeStringMap decodes a JSON object whose values are all strings, such
// as a locale file. It is strict like located.Decode (no other value types, no
// duplicate keys, no trailing data) and much cheaper than encoding/json's
// reflection, which matters for a cold WebAssembly start where every page
// load decodes the words first.
func decodeStringMap(b []byte) (map[string]string, error) {
	d := &mapDecoder{b: b}
	m := make(map[string]string)
	d.space()
	if !d.eat('{') {
		return nil, d.errorf("expected an object")
	}
	d.space()
	if d.eat('}') {
		return m, d.end()
	}
	for {
		d.space()
		k, err := d.str()
		if err != nil {
			return nil, err
		}
		d.space()
		if !d.eat(':') {
			return nil, d.errorf("expected ':' after key %q", k)
		}
		d.space()
		if d.i >= len(d.b) || d.b[d.i] != '"' {
			return nil, d.errorf("the value of key %q is not a string", k)
		}
		v, err := d.str()
		if err != nil {
			return nil, err
		}
		if _, dup := m[k]; dup {
			return nil, d.errorf("key %q appears twice", k)
		}
		m[k] = v
		d.space()
		if d.eat('}') {
			return m, d.end()
		}
		if !d.eat(',') {
			return nil, d.errorf("expected ',' or '}' after key %q", k)
		}
	}
}

type mapDecoder struct {
	b []byte
	i int
}

func (d *mapDecoder) errorf(format string, args ...any) error {
	line := 1
	for _, c := range d.b[:min(d.i, len(d.b))] {
		if c == '\n' {
			line++
		}
	}
	return fmt.Errorf("line %d: %s", line, fmt.Sprintf(format, args...))
}

func (d *mapDecoder) space() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

func (d *mapDecoder) eat(c byte) bool {
	if d.i < len(d.b) && d.b[d.i] == c {
		d.i++
		return true
	}
	return false
}

func (d *mapDecoder) end() error {
	d.space()
	if d.i != len(d.b) {
		return d.errorf("unexpected data after the top-level value")
	}
	return nil
}

// str reads a JSON string starting at its opening quote.
func (d *mapDecoder) str() (string, error) {
	if !d.eat('"') {
		return "", d.errorf("expected a string")
	}
	start := d.i
	// Fast path: no escapes.
	for d.i < len(d.b) {
		c := d.b[d.i]
		if c == '"' {
			s := d.b[start:d.i]
			d.i++
			if !utf8.Valid(s) {
				return "", d.errorf("invalid UTF-8")
			}
			return string(s), nil
		}
		if c == '\\' || c < 0x20 {
			break
		}
		d.i++
	}
	out := append([]byte(nil), d.b[start:d.i]...)
	for d.i < len(d.b) {
		c := d.b[d.i]
		switch {
		case c == '"':
			d.i++
			if !utf8.Valid(out) {
				return "", d.errorf("invalid UTF-8")
			}
			return string(out), nil
		case c < 0x20:
			return "", d.errorf("control character in a string")
		case c != '\\':
			out = append(out, c)
			d.i++
			continue
		}
		if d.i+1 >= len(d.b) {
			break
		}
		e := d.b[d.i+1]
		d.i += 2
		switch e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := d.hex4()
			if !ok {
				return "", d.errorf("bad \\u escape")
			}
			if utf16.IsSurrogate(r) {
				// Like encoding/json: a valid pair is one rune; otherwise
				// this half becomes U+FFFD and what follows is read anew.
				dec := unicode.ReplacementChar
				if d.i+1 < len(d.b) && d.b[d.i] == '\\' && d.b[d.i+1] == 'u' {
					save := d.i
					d.i += 2
					if r2, ok := d.hex4(); ok {
						dec = utf16.DecodeRune(r, r2)
					}
					if dec == unicode.ReplacementChar {
						d.i = save
					}
				}
				r = dec
			}
			out = utf8.AppendRune(out, r)
		default:
			return "", d.errorf("bad escape \\%c", e)
		}
	}
	return "", d.errorf("unterminated string")
}

func (d *mapDecoder) hex4() (rune, bool) {
	if d.i+4 > len(d.b) {
		return 0, false
	}
	n, err := strconv.ParseUint(string(d.b[d.i:d.i+4]), 16, 32)
	if err != nil {
		return 0, false
	}
	d.i += 4
	return rune(n), true
}
