package browser

import (
	"net/url"
	"testing"
)

// A stray "%" is escaped so that the address parses, and the broken part
// reads back as it was; an address that parses is left alone.
func TestReadableAddress(t *testing.T) {
	cases := []struct{ href, want string }{
		{"https://x.test/routines/custom#r=abc%%%", "https://x.test/routines/custom#r=abc%25%25%25"},
		{"https://x.test/routines/custom#r=a%2", "https://x.test/routines/custom#r=a%252"},
		{"https://x.test/routines/custom#r=a%zz%41", "https://x.test/routines/custom#r=a%25zz%41"},
		{"https://x.test/a%%b?q=1", "https://x.test/a%25%25b?q=1"},
	}
	for _, c := range cases {
		got, ok := readableAddress(c.href)
		if !ok || got != c.want {
			t.Errorf("readableAddress(%q) = %q, %v; want %q, true", c.href, got, ok, c.want)
			continue
		}
		if u, err := url.Parse(got); err != nil {
			t.Errorf("%q does not parse: %v", got, err)
		} else if c.href == cases[0].href && u.Fragment != "r=abc%%%" {
			t.Errorf("the fragment reads %q; want the broken one as it was", u.Fragment)
		}
	}
	for _, href := range []string{"https://x.test/", "https://x.test/routines/custom#r=abc%41", "https://x.test/triage?check=1"} {
		if got, ok := readableAddress(href); ok {
			t.Errorf("readableAddress(%q) = %q; want it left alone", href, got)
		}
	}
}
