package content

import "testing"

func TestPluralCategory(t *testing.T) {
	for _, tt := range []struct {
		lang string
		n    int
		want string
	}{
		{"en", 0, "other"}, {"en", 1, "one"}, {"en", 2, "other"}, {"en", 11, "other"},
		{"de", 1, "one"}, {"de", 21, "other"},
		{"es", 1, "one"}, {"es", 0, "other"},
		{"fr", 0, "one"}, {"fr", 1, "one"}, {"fr", 2, "other"},
		{"xx", 1, "one"}, {"xx", 3, "other"},
	} {
		if got := PluralCategory(tt.lang, tt.n); got != tt.want {
			t.Errorf("PluralCategory(%q, %d) = %q; want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}
