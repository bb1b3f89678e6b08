// Package located is the one shape of a problem that says where it is, for
// every domain package: a Path into a document ("rules[3].when[0].question",
// "featured[2]", "episodes[12].started"; empty for the document as a whole)
// and the Problem in plain words. Decode is the one strict JSON decoder, and
// its errors have that shape.
//
// It imports only the standard library, so the domain packages, which may
// import nothing else (imports_test.go), may import it.
package located

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
)

// Error is a problem at a path, as json.SyntaxError has an Offset.
type Error struct {
	Path    string
	Problem string
}

// Error returns one line: the path, then the problem.
func (e *Error) Error() string {
	if e.Path == "" {
		return e.Problem
	}
	return e.Path + ": " + e.Problem
}

// Errorf is an *Error at path with a formatted problem.
func Errorf(path, format string, args ...any) *Error {
	return &Error{Path: path, Problem: fmt.Sprintf(format, args...)}
}

// Join is path with a field added ("rules[3]" and "when": "rules[3].when").
func Join(path, field string) string {
	if path == "" {
		return field
	}
	return path + "." + field
}

// Decode decodes one JSON value from b into v, strictly: an unknown field,
// a value of the wrong type, or anything after the value is an error. Every
// error is an *Error under path (the document's own path, "" for a file).
func Decode(path string, b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		if _, terr := dec.Token(); terr != io.EOF {
			return Errorf(path, "unexpected data after the value")
		}
		return nil
	}
	if typeErr, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
		p := path
		if typeErr.Field != "" {
			p = Join(path, typeErr.Field)
		}
		return Errorf(p, "got a JSON %s, want %s", typeErr.Value, jsonTypeName(typeErr.Type))
	}
	synErr, isSyntax := errors.AsType[*json.SyntaxError](err)
	switch {
	case errors.Is(err, io.EOF):
		return Errorf(path, "no JSON value")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return Errorf(path, "unexpected end of JSON")
	case isSyntax:
		return Errorf(path, "%s (at byte %d)", synErr.Error(), synErr.Offset)
	}
	return Errorf(path, "%s", strings.TrimPrefix(err.Error(), "json: "))
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
