package clinic

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// decode reads the JSON of a configuration token by token. encoding/json's Unmarshal
// would accept keys in any case, take the last of two equal keys and treat null as empty;
// the configuration is outside input, so each of those is an error here instead, and every
// error names the key it is about.
func decode(b []byte) (Config, error) {
	d := &decoder{dec: json.NewDecoder(bytes.NewReader(b))}
	var c Config
	if err := d.object("", func(key string) error {
		var err error
		switch key {
		case "name":
			c.Name, err = d.text(key)
		case "logo":
			c.Logo, err = d.text(key)
		case "accent":
			c.Accent, err = d.text(key)
		case "phone":
			c.Phone, err = d.text(key)
		case "booking":
			c.BookingURL, err = d.text(key)
		case "country":
			c.Country, err = d.text(key)
		case "lang":
			c.Lang, err = d.text(key)
		case "featured":
			err = d.list(key, func(field string) error {
				id, err := d.text(field)
				c.Featured = append(c.Featured, id)
				return err
			})
		case "prescribed":
			err = d.list(key, func(field string) error {
				var p Prescription
				err := d.object(field, func(key string) error {
					var err error
					switch key {
					case "name":
						p.Name, err = d.text(field + ".name")
					case "link":
						p.Link, err = d.text(field + ".link")
					default:
						err = problem(field+"."+keyName(key), "is not a known field")
					}
					return err
				})
				c.Prescribed = append(c.Prescribed, p)
				return err
			})
		default:
			err = problem(keyName(key), "is not a known field")
		}
		return err
	}); err != nil {
		return Config{}, err
	}
	if _, err := d.dec.Token(); err != io.EOF {
		return Config{}, problem("", "there is more after the configuration's closing }")
	}
	return c, nil
}

type decoder struct {
	dec *json.Decoder
}

// token reads the next token, turning a syntax error into a *FieldError.
func (d *decoder) token(field string) (json.Token, error) {
	t, err := d.dec.Token()
	if err == nil {
		return t, nil
	}
	syn, isSyntax := errors.AsType[*json.SyntaxError](err)
	switch {
	case isSyntax:
		return nil, problem("", "the configuration is not valid JSON near byte %d", syn.Offset)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return nil, problem("", "the configuration ends too early")
	}
	return nil, problem(field, "%v", err)
}

// object reads {…}, calling each for every key; each must read the key's value.
func (d *decoder) object(field string, each func(key string) error) error {
	if err := d.expect(field, json.Delim('{'), "an object {…}"); err != nil {
		return err
	}
	seen := map[string]bool{}
	for d.dec.More() {
		t, err := d.token(field)
		if err != nil {
			return err
		}
		key, _ := t.(string) // json.Decoder guarantees object keys are strings
		if seen[key] {
			return problem(join(field, key), "is given twice")
		}
		seen[key] = true
		if err := each(key); err != nil {
			return err
		}
	}
	_, err := d.token(field) // the closing }; More said there is nothing else
	return err
}

// list reads […], calling each with the field name of every item.
func (d *decoder) list(field string, each func(item string) error) error {
	if err := d.expect(field, json.Delim('['), "a list […]"); err != nil {
		return err
	}
	for i := 0; d.dec.More(); i++ {
		if err := each(fmt.Sprintf("%s[%d]", field, i)); err != nil {
			return err
		}
	}
	_, err := d.token(field)
	return err
}

func (d *decoder) text(field string) (string, error) {
	t, err := d.token(field)
	if err != nil {
		return "", err
	}
	s, ok := t.(string)
	if !ok {
		return "", problem(field, "must be text in quotes, not %s", describe(t))
	}
	return s, nil
}

func (d *decoder) expect(field string, want json.Delim, what string) error {
	t, err := d.token(field)
	if err != nil {
		return err
	}
	if t != want {
		if field == "" {
			return problem("", "the configuration must be a JSON object {…}, not %s", describe(t))
		}
		return problem(field, "must be %s, not %s", what, describe(t))
	}
	return nil
}

func describe(t json.Token) string {
	switch t := t.(type) {
	case json.Delim:
		if t == '{' {
			return "an object"
		}
		return "a list"
	case string:
		return "text"
	case float64:
		return "a number"
	case bool:
		return fmt.Sprint(t)
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", t)
}

// keyName is an unknown key as an error can show it: as it is when it looks like a key,
// otherwise quoted (so a line break cannot split the message) and cut to a readable length.
func keyName(key string) string {
	const max = 40
	plain := len(key) <= max
	for _, r := range key {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_' || r == '-') {
			plain = false
		}
	}
	if plain && key != "" {
		return key
	}
	if utf8.RuneCountInString(key) > max {
		key = string([]rune(key)[:max]) + "…"
	}
	return strconv.Quote(key)
}

func join(field, key string) string {
	if field == "" {
		return key
	}
	return field + "." + key
}
