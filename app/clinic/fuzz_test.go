package clinic

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzDecodeClinic feeds the same bytes to every way in from outside: Parse (a baked
// configuration), DecodeFragment of their encoding and of the bytes themselves, and
// FromFragment. None may panic; each error is a one-line *FieldError; and whatever is
// accepted is valid, canonical, free of control characters and non-https links, and
// survives Encode and DecodeFragment unchanged.
func FuzzDecodeClinic(f *testing.F) {
	seeds := []string{
		`{"name":"A"}`,
		`{"name":"A","accent":"#FFFF00","country":"gb"}`,
		`{"name":"A","featured":[],"prescribed":[]}`,
		`{"name":"A","logo":"` + pngLogo + `"}`,
		`{"name":"A","logo":"data:image/svg+xml;base64,PHN2Zz4="}`,
		`{"name":"A","booking":"javascript:alert(1)"}`,
		`{"name":"A","booking":"https://a@b.example/"}`,
		`{"name":"A\u202e","phone":"+1 (2) 3-4"}`,
		`{"name":"A","prescribed":[{"name":"W","link":"/routines/custom#r=eA"}]}`,
		`{"name":"A","name":"B"}`,
		`{"Name":"A"}`,
		`{"name":"A"} {}`,
		`{"name":[[[[[[]]]]]]}`,
		`{"name":"\ud800"}`,
		"{\"name\":\"\xff\"}",
		`#clinic=` + Encode(valid()) + `&r=x`,
		Encode(valid()),
		``,
		`null`,
	}
	if b, err := os.ReadFile("testdata/clinic.json"); err == nil {
		seeds = append(seeds, string(b))
	}
	if b, err := json.Marshal(valid()); err == nil {
		seeds = append(seeds, string(b))
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data)
		checkOutcome(t, "Parse", c, err)

		c2, err2 := DecodeFragment(base64.RawURLEncoding.EncodeToString(data))
		if len(data) <= MaxConfigBytes && ((err == nil) != (err2 == nil) || !reflect.DeepEqual(c, c2)) {
			t.Fatalf("DecodeFragment(encoded) = %+v, %v; Parse = %+v, %v; want the same", c2, err2, c, err)
		}
		checkOutcome(t, "DecodeFragment(encoded)", c2, err2)

		c3, err3 := DecodeFragment(string(data))
		checkOutcome(t, "DecodeFragment", c3, err3)

		c4, found, err4 := FromFragment(string(data))
		if !found && (err4 != nil || !reflect.DeepEqual(c4, Config{})) {
			t.Fatalf("FromFragment() = %+v, false, %v; want nothing when not found", c4, err4)
		}
		checkOutcome(t, "FromFragment", c4, err4)
	})
}

func checkOutcome(t *testing.T, how string, c Config, err error) {
	t.Helper()
	if err != nil {
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Problem == "" || strings.ContainsAny(err.Error(), "\r\n") {
			t.Fatalf("%s: error %T %q; want a one-line *FieldError", how, err, err)
		}
		if !reflect.DeepEqual(c, Config{}) {
			t.Fatalf("%s: returned %+v with error %v; want the zero Config", how, c, err)
		}
		return
	}
	if c.Name == "" {
		return // FromFragment found nothing
	}
	if err := c.Validate(); err != nil {
		t.Fatalf("%s accepted %+v, but Validate() = %v", how, c, err)
	}
	if n, notices := c.Normalize(); !reflect.DeepEqual(n, c) || notices != nil {
		t.Fatalf("%s accepted %+v, which Normalize() changes to %+v, %v", how, c, n, notices)
	}
	if back, err := DecodeFragment(Encode(c)); err != nil || !reflect.DeepEqual(back, c) {
		t.Fatalf("%s accepted %+v; DecodeFragment(Encode()) = %+v, %v", how, c, back, err)
	}
	b, _ := json.Marshal(c)
	if back, err := Parse(b); err != nil || !reflect.DeepEqual(back, c) {
		t.Fatalf("%s accepted %+v; Parse(its JSON) = %+v, %v", how, c, back, err)
	}
	texts := []string{c.Name, c.Logo, c.Accent, c.Phone, c.BookingURL, c.Country}
	texts = append(texts, c.Featured...)
	for _, p := range c.Prescribed {
		texts = append(texts, p.Name, p.Link)
		if !strings.HasPrefix(p.Link, LinkPrefix) {
			t.Fatalf("%s accepted prescribed link %q", how, p.Link)
		}
	}
	for _, s := range texts {
		if !utf8.ValidString(s) || strings.IndexFunc(s, unicode.IsControl) >= 0 {
			t.Fatalf("%s accepted %q, with a control character or invalid UTF-8", how, s)
		}
	}
	if c.BookingURL != "" && !strings.HasPrefix(c.BookingURL, "https://") {
		t.Fatalf("%s accepted booking %q", how, c.BookingURL)
	}
	if l := c.Logo; l != "" && !strings.HasPrefix(l, "https://") && !strings.HasPrefix(l, "data:image/png;base64,") &&
		!strings.HasPrefix(l, "data:image/jpeg;base64,") && !strings.HasPrefix(l, "data:image/webp;base64,") {
		t.Fatalf("%s accepted logo %q", how, l)
	}
	if tel := c.TelURI(); c.Phone != "" && strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(tel, "tel:"), "+"), "0123456789") != "" {
		t.Fatalf("%s accepted phone %q, giving %q", how, c.Phone, tel)
	}
	if c.Accent != "" {
		rgb, err := ParseHex(c.Accent)
		if err != nil || ContrastRatio(White, rgb) < MinContrast {
			t.Fatalf("%s accepted accent %q", how, c.Accent)
		}
	}
}
