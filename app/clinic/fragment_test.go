package clinic

import (
	"encoding/base64"
	"errors"
	"flag"
	"os"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/clinic.fragment")

// The encoding is a wire format: links already printed on QR handouts must keep working.
func TestEncodeGolden(t *testing.T) {
	got := Encode(valid()) + "\n"
	if *update {
		if err := os.WriteFile("testdata/clinic.fragment", []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("testdata/clinic.fragment")
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("Encode(valid()) = %s; want testdata/clinic.fragment: %s (run go test -update if the change is meant)", got, want)
	}
}

func TestEncodeLeavesOutEmpties(t *testing.T) {
	b, err := base64.RawURLEncoding.DecodeString(Encode(Config{Name: "A", Accent: "#0f766e"}))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"name":"A","accent":"#0f766e"}`; got != want {
		t.Errorf("Encode() holds %s; want %s", got, want)
	}
}

func TestRoundTrip(t *testing.T) {
	full := valid()
	full.Logo = pngLogo
	for _, c := range []Config{valid(), full, {Name: "A"}, {Name: "Ünïcödé 診療所 👩‍⚕️ <b>&amp;</b>"}} {
		s := Encode(c)
		if strings.ContainsAny(s, "=+/") {
			t.Errorf("Encode() = %q; want base64url without padding", s)
		}
		for _, in := range []string{s, s + strings.Repeat("=", (4-len(s)%4)%4)} {
			got, err := DecodeFragment(in)
			if err != nil || !reflect.DeepEqual(got, c) {
				t.Errorf("DecodeFragment(Encode(%+v)) = %+v, %v; want it back", c, got, err)
			}
		}
	}
}

func TestDecodeFragment(t *testing.T) {
	enc := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	tests := []struct {
		name, in string
		want     string // the exact message; "" for accepted
	}{
		{"unpadded", enc(`{"name":"AB"}`), ""},
		{"padded", base64.URLEncoding.EncodeToString([]byte(`{"name":"AB"}`)), ""},
		{"wrong padding", enc(`{"name":"AB"}`) + "===", "the clinic configuration in the address is damaged: it is not complete"},
		{"padding in the middle", "e30=e30", "the clinic configuration in the address is damaged: it may contain only letters, digits, - and _"},
		{"standard alphabet", "+/+/", "the clinic configuration in the address is damaged: it may contain only letters, digits, - and _"},
		{"line break", enc(`{"name":"AB"}`)[:4] + "\n" + enc(`{"name":"AB"}`)[4:], "the clinic configuration in the address is damaged: it may contain only letters, digits, - and _"},
		{"percent-escaped", "e30%3D", "the clinic configuration in the address is damaged: it may contain only letters, digits, - and _"},
		{"length 1 mod 4", "e30AA", "the clinic configuration in the address is damaged: it is not complete"},
		{"empty", "", "the configuration ends too early"},
		{"not JSON", enc("hello"), "the configuration is not valid JSON near byte 1"},
		{"invalid config", enc(`{"name":"A","booking":"javascript:alert(1)"}`), "booking: must be an https:// address"},
		{"too long", strings.Repeat("A", maxEncoded+1), "the clinic configuration in the address is 21849 characters, more than the 21848 allowed"},
	}
	for _, tt := range tests {
		_, err := DecodeFragment(tt.in)
		got := ""
		if err != nil {
			got = err.Error()
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Errorf("%s: DecodeFragment() error is %T; want *FieldError", tt.name, err)
			}
		}
		if got != tt.want {
			t.Errorf("%s: DecodeFragment(%q) = %q; want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestFromFragment(t *testing.T) {
	s := Encode(valid())
	tests := []struct {
		name, in  string
		wantFound bool
		wantErr   string
	}{
		{"alone", "#clinic=" + s, true, ""},
		{"without #", "clinic=" + s, true, ""},
		{"first of two", "#clinic=" + s + "&r=eyJ2IjoxfQ", true, ""},
		{"second of two", "#embed=1&clinic=" + s, true, ""},
		{"none", "", false, ""},
		{"only #", "#", false, ""},
		{"other parameters", "#r=eyJ2IjoxfQ&embed=1", false, ""},
		{"key as a suffix", "#xclinic=" + s, false, ""},
		{"key without =", "#clinic", false, ""},
		{"empty value", "#clinic=", true, "the configuration ends too early"},
		{"twice", "#clinic=" + s + "&clinic=" + s, true, "the address gives the clinic configuration twice"},
		{"damaged", "#clinic=" + s[:len(s)-5] + "!", true, "the clinic configuration in the address is damaged: it may contain only letters, digits, - and _"},
	}
	for _, tt := range tests {
		c, found, err := FromFragment(tt.in)
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if found != tt.wantFound || gotErr != tt.wantErr {
			t.Errorf("%s: FromFragment(%q) found %v, error %q; want %v, %q", tt.name, tt.in, found, gotErr, tt.wantFound, tt.wantErr)
		}
		if found && err == nil && !reflect.DeepEqual(c, valid()) {
			t.Errorf("%s: FromFragment() = %+v; want valid()", tt.name, c)
		}
	}
}
