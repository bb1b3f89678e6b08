package content

import (
	"slices"
	"strings"
	"testing"
)

func TestStringsLookUp(t *testing.T) {
	s, err := NewStrings(
		[]string{"country.fr", "country.gb", "countryside", "home.hello"},
		[]string{"France", "United Kingdom", "Fields", "Hello, {name}"},
	)
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{"country.gb": "United Kingdom", "countryside": "Fields", "country.": "[country.]", "zzz": "[zzz]", "": "[]"} {
		if got := s.T(key); got != want {
			t.Errorf("T(%q) = %q; want %q", key, got, want)
		}
	}
	if !s.Has("home.hello") || s.Has("home") {
		t.Error("Has: wrong answer for a key or for the start of one")
	}
	if got := s.Format("home.hello", "name", "Sam"); got != "Hello, Sam" {
		t.Errorf("Format = %q", got)
	}
	for prefix, want := range map[string][]string{
		"country.": {"country.fr", "country.gb"},
		"country":  {"country.fr", "country.gb", "countryside"},
		"home.":    {"home.hello"},
		"a":        nil,
		"zzz":      nil,
		"":         {"country.fr", "country.gb", "countryside", "home.hello"},
	} {
		got := s.KeysWithPrefix(prefix)
		if !slices.Equal(got, want) {
			t.Errorf("KeysWithPrefix(%q) = %q; want %q", prefix, got, want)
		}
		// The keys are shared: appending to what comes back must not
		// overwrite the next key.
		_ = append(got, "x")
		if s.T("countryside") != "Fields" || s.T("home.hello") != "Hello, {name}" {
			t.Fatalf("appending to KeysWithPrefix(%q) changed the words", prefix)
		}
	}
	if got := s.Keys(); len(got) != 4 || cap(got) != 4 {
		t.Errorf("Keys() = %q (cap %d)", got, cap(got))
	}
}

func TestNewStringsRejects(t *testing.T) {
	for _, tc := range []struct {
		name, want  string
		keys, texts []string
	}{
		{"fewer texts", "2 keys but 1 texts", []string{"a", "b"}, []string{"A"}},
		{"unsorted", `key "a" is not after "b"`, []string{"b", "a"}, []string{"B", "A"}},
		{"a key twice", `key "a" is not after "a"`, []string{"a", "a"}, []string{"A", "A"}},
	} {
		if _, err := NewStrings(tc.keys, tc.texts); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: NewStrings gave %v; want an error with %q", tc.name, err, tc.want)
		}
	}
}
