package located

import (
	"errors"
	"strings"
	"testing"
)

func TestDecode(t *testing.T) {
	type inner struct {
		N int `json:"n"`
	}
	type doc struct {
		Name  string  `json:"name"`
		Items []inner `json:"items"`
	}
	for _, tt := range []struct {
		in, path, problem string
	}{
		{`{"name":"a","items":[{"n":1}]}`, "", ""},
		{`{"name":"a","colour":"red"}`, "file", `unknown field "colour"`},
		{`{"name":3}`, "file.name", "got a JSON number, want a string"},
		{`{"items":[{"n":"x"}]}`, "file.items.n", "got a JSON string, want a number"},
		{`{"name":"a"} {}`, "file", "unexpected data after the value"},
		{``, "file", "no JSON value"},
		{`{"name":`, "file", "unexpected end of JSON"},
		{`{"name" "a"}`, "file", "(at byte 9)"},
	} {
		var d doc
		err := Decode("file", []byte(tt.in), &d)
		if tt.problem == "" {
			if err != nil {
				t.Errorf("Decode(%s) = %v; want nil", tt.in, err)
			}
			continue
		}
		var le *Error
		if !errors.As(err, &le) || le.Path != tt.path || !strings.Contains(le.Problem, tt.problem) {
			t.Errorf("Decode(%s) = %#v; want %s: …%s…", tt.in, err, tt.path, tt.problem)
		}
	}
}

func TestError(t *testing.T) {
	if got := Errorf("featured[2]", "%q is not a routine", "x").Error(); got != `featured[2]: "x" is not a routine` {
		t.Errorf("got %s", got)
	}
	if got := Errorf("", "not JSON").Error(); got != "not JSON" {
		t.Errorf("got %s", got)
	}
	if Join("", "a") != "a" || Join("a[1]", "b") != "a[1].b" {
		t.Error("Join")
	}
}
