package triage

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strings"
)

// decodeStrict decodes one JSON value into v, rejecting unknown fields and
// trailing data; errors name path.
func decodeStrict(path string, b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		if _, terr := dec.Token(); terr != io.EOF {
			return dataErr(path, "unexpected data after the value")
		}
		return nil
	}
	if typeErr, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
		p := path
		if typeErr.Field != "" {
			p = joinPath(path, typeErr.Field)
		}
		return dataErr(p, "got a JSON %s, want %s", typeErr.Value, jsonTypeName(typeErr.Type))
	}
	synErr, isSyntax := errors.AsType[*json.SyntaxError](err)
	switch {
	case errors.Is(err, io.EOF):
		return dataErr(path, "no JSON value")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return dataErr(path, "unexpected end of JSON")
	case isSyntax:
		return dataErr(path, "%s (at byte %d)", synErr.Error(), synErr.Offset)
	}
	return dataErr(path, "%s", strings.TrimPrefix(err.Error(), "json: "))
}

func joinPath(path, field string) string {
	if path == "" {
		return field
	}
	return path + "." + field
}

// jsonTypeName names the JSON a Go type decodes from.
func jsonTypeName(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Bool:
		return "true or false"
	}
	return "an object"
}

// isName reports whether s is a lower-case identifier: it becomes part of
// text keys and DOM attributes.
func isName(s string) bool {
	return s != "" && s[0] >= 'a' && s[0] <= 'z' && isValue(s)
}

// isValue is isName, but may start with a digit ("20_to_49").
func isValue(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '_' {
			return false
		}
	}
	return true
}
