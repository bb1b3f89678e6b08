package content

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestDecodeStringMapMatchesEncodingJSON(t *testing.T) {
	for _, in := range []string{
		`{}`,
		` { "a" : "b" } `,
		`{"x":"\ud800\u0041 \ud800 \udc00\ud800\ud800\udc00"}`,
		`{"k.1":"caf\u00e9 \"quoted\" \\ \/ \n\t\r\b\f","k.2":"\ud83d\ude00 smile","k.3":"plain ✓"}`,
	} {
		got, err := decodeStringMap([]byte(in))
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		var want map[string]string
		if err := json.Unmarshal([]byte(in), &want); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %q; want %q", in, got, want)
		}
	}
}

func TestDecodeStringMapRejects(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`[]`, "expected an object"},
		{`{"a":1}`, `the value of key "a" is not a string`},
		{`{"a":"b","a":"c"}`, `key "a" appears twice`},
		{`{"a":"b"} x`, "unexpected data"},
		{`{"a":"b"`, "expected ',' or '}'"},
		{`{"a":"b` + "\n" + `"}`, "line 1: control character"},
		{`{"a":"\x"}`, `bad escape \x`},
		{`{"a":"\u12"}`, `bad \u escape`},
		{"{\"a\":\"\xff\"}", "invalid UTF-8"},
		{`{"a" "b"}`, "expected ':'"},
		{`{"a":"b",}`, "expected a string"},
		{"{\n\"a\":\"b\",\n\"a\":\"c\"}", "line 3"},
	} {
		_, err := decodeStringMap([]byte(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v; want it to contain %q", tc.in, err, tc.want)
		}
	}
}

func FuzzDecodeStringMap(f *testing.F) {
	f.Add([]byte(`{"a":"b","c":"\u00e9"}`))
	f.Add([]byte(`{"a":1}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := decodeStringMap(b)
		if err != nil {
			return
		}
		var want map[string]string
		if err := json.Unmarshal(b, &want); err != nil {
			t.Fatalf("accepted %q, which encoding/json rejects: %v", b, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: got %q; want %q", b, got, want)
		}
	})
}
