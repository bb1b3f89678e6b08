package clinic

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestParseFile(t *testing.T) {
	b, err := os.ReadFile("testdata/clinic.json")
	if err != nil {
		t.Fatal(err)
	}
	got, err := Parse(b)
	if err != nil {
		t.Fatalf("Parse(testdata/clinic.json) = %v", err)
	}
	want := valid()
	want.Accent = "#7a7a00" // #FFFF00, darkened until white text on it can be read
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Parse(testdata/clinic.json) = %+v;\nwant %+v", got, want)
	}
}

func TestParseStrict(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // the exact message; "" for accepted
	}{
		{"name only", `{"name":"A"}`, ""},
		{"a language", `{"name":"A","lang":"fr"}`, ""},
		{"a language with a region", `{"name":"A","lang":"fr-CA"}`, "lang: must be a two-letter language code in small letters, such as fr"},
		{"spaces around", " \n\t{\"name\":\"A\"}\r\n ", ""},
		{"empty lists", `{"name":"A","featured":[],"prescribed":[]}`, ""},
		{"escapes", `{"name":"Caf\u00e9 \u003cb\u003e"}`, ""},
		{"empty", ``, "the configuration ends too early"},
		{"cut short", `{"name":"A"`, "the configuration ends too early"},
		{"cut in a list", `{"name":"A","featured":["a"`, "the configuration ends too early"},
		{"not JSON", `name=A`, "the configuration is not valid JSON near byte 2"},
		{"missing comma", `{"name":"A" "phone":"112"}`, "the configuration is not valid JSON near byte 12"},
		{"trailing comma", `{"name":"A",}`, "the configuration is not valid JSON near byte 12"},
		{"single quotes", `{'name':'A'}`, "the configuration is not valid JSON near byte 1"},
		{"a list", `[{"name":"A"}]`, "the configuration must be a JSON object {…}, not a list"},
		{"a string", `"A"`, "the configuration must be a JSON object {…}, not text"},
		{"null", `null`, "the configuration must be a JSON object {…}, not null"},
		{"trailing object", `{"name":"A"}{}`, "there is more after the configuration's closing }"},
		{"trailing text", `{"name":"A"} x`, "there is more after the configuration's closing }"},
		{"trailing brace", `{"name":"A"}}`, "there is more after the configuration's closing }"},
		{"unknown field", `{"name":"A","colour":"#000000"}`, "colour: is not a known field"},
		{"long name for booking", `{"name":"A","bookingURL":"https://x.example"}`, "bookingURL: is not a known field"},
		{"key in other case", `{"Name":"A"}`, "Name: is not a known field"},
		{"unknown prescription field", `{"name":"A","prescribed":[{"name":"W","link":"/routines/custom#r=x","js":"1"}]}`, "prescribed[0].js: is not a known field"},
		{"unknown field with a line break", `{"name":"A","x\ny":1}`, `"x\ny": is not a known field`},
		{"unknown empty key", `{"":1}`, `"": is not a known field`},
		{"unknown long key", `{"` + strings.Repeat("k", 50) + `":1}`, `"` + strings.Repeat("k", 40) + `…": is not a known field`},
		{"given twice", `{"name":"A","name":"B"}`, "name: is given twice"},
		{"given twice in a prescription", `{"name":"A","prescribed":[{"name":"W","name":"V"}]}`, "prescribed[0].name: is given twice"},
		{"null field", `{"name":null}`, "name: must be text in quotes, not null"},
		{"number", `{"name":"A","phone":112}`, "phone: must be text in quotes, not a number"},
		{"boolean", `{"name":"A","booking":true}`, "booking: must be text in quotes, not true"},
		{"object for text", `{"name":{"en":"A"}}`, "name: must be text in quotes, not an object"},
		{"list for text", `{"name":["A"]}`, "name: must be text in quotes, not a list"},
		{"text for a list", `{"name":"A","featured":"a"}`, "featured: must be a list […], not text"},
		{"null for a list", `{"name":"A","featured":null}`, "featured: must be a list […], not null"},
		{"number in a list", `{"name":"A","featured":["a",1]}`, "featured[1]: must be text in quotes, not a number"},
		{"text for a prescription", `{"name":"A","prescribed":["x"]}`, "prescribed[0]: must be an object {…}, not text"},
		{"validated after", `{"name":"A","booking":"http://x.example"}`, "booking: must be an https:// address"},
		{"no name", `{}`, "name: is required"},
		{"control char escaped", `{"name":"A\u0007"}`, "name: must not contain control characters or line breaks"},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.in))
		got := ""
		if err != nil {
			got = err.Error()
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Errorf("%s: Parse() error is %T; want *FieldError", tt.name, err)
			}
		}
		if got != tt.want {
			t.Errorf("%s: Parse(%#q) = %q; want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestParseSizeLimit(t *testing.T) {
	pad := func(n int) []byte {
		prefix := `{"name":"A"}`
		return []byte(prefix + strings.Repeat(" ", n-len(prefix)))
	}
	if _, err := Parse(pad(MaxConfigBytes)); err != nil {
		t.Errorf("Parse() of %d bytes = %v; want nil", MaxConfigBytes, err)
	}
	_, err := Parse(pad(MaxConfigBytes + 1))
	if want := "the configuration is 16385 bytes, more than the 16384 allowed"; err == nil || err.Error() != want {
		t.Errorf("Parse() of %d bytes = %v; want %s", MaxConfigBytes+1, err, want)
	}
}

// A deep nest inside a known key is refused at its first token, not walked.
func TestParseDeepNesting(t *testing.T) {
	in := `{"name":` + strings.Repeat("[", MaxConfigBytes-10) + "}"
	if _, err := Parse([]byte(in)); err == nil || err.Error() != "name: must be text in quotes, not a list" {
		t.Errorf("Parse() of deep nesting = %v", err)
	}
}
