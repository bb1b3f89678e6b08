// Package content decodes the embedded data tree (package data) into a typed
// Catalog and checks that every reference resolves: each rule names a real
// question, each routine a real exercise, each piece of content its words in
// every language. A bad file is reported with its file name and the path
// inside it; nothing is guessed.
package content

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"sort"
	"strings"

	"unknot/app/emergency"
	"unknot/app/routine"
	"unknot/app/triage"
)

// DefaultLanguage is the language every other locale is checked against and
// the fallback for a browser language Unknot does not have.
const DefaultLanguage = "en"

// Catalog is all of Unknot's content: from Load, decoded and cross-checked;
// from Compiled, the same content compiled into Go.
type Catalog struct {
	locales   map[string]Strings
	fsys      fs.FS // the tree Load reads; nil for Compiled
	triage    *triage.RuleSet
	routines  *routine.Library
	emergency *emergency.Directory
}

// Error reports a problem in one content file.
type Error struct {
	File string // path inside the data tree, e.g. "triage.json"
	Err  error
}

func (e *Error) Error() string { return "data/" + e.File + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Load decodes and validates the whole content tree in fsys, including that
// every text key the rules, exercises and routines name has words.
func Load(fsys fs.FS) (*Catalog, error) {
	c := &Catalog{fsys: fsys}
	for _, step := range []func() error{c.loadLocales, c.checkLocales, c.decodeTriage, c.checkTriageText, c.decodeRoutines, c.checkRoutineText, c.decodeEmergency} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// Compiled returns the catalog of content compiled into Go (package data's
// Locales, Triage, Routines and Emergency, rebuilt by each domain package's
// FromData), for the browser, which so starts without decoding JSON. It does
// not repeat Load's checks: the compiled tables are the tree that Load
// accepts (every server start and the tests check the tree, and tests check
// that the tables are that tree's).
func Compiled(locales map[string]Strings, rules *triage.RuleSet, routines *routine.Library, numbers *emergency.Directory) (*Catalog, error) {
	if _, ok := locales[DefaultLanguage]; !ok {
		return nil, &Error{File: "locale", Err: fmt.Errorf("no %q locale", DefaultLanguage)}
	}
	if rules == nil || routines == nil || numbers == nil {
		return nil, errors.New("content: Compiled needs the triage rules, the routines and the emergency numbers")
	}
	return &Catalog{locales: locales, triage: rules, routines: routines, emergency: numbers}, nil
}

// Triage returns the triage rules.
func (c *Catalog) Triage() *triage.RuleSet { return c.triage }

// Routines returns the exercises and routines.
func (c *Catalog) Routines() *routine.Library { return c.routines }

// Emergency returns the emergency numbers of every country and the country
// of every time zone.
func (c *Catalog) Emergency() *emergency.Directory { return c.emergency }

func (c *Catalog) decodeEmergency() error {
	const numbers, zones = "emergency_numbers.json", "time_zones.json"
	n, err := readFile(c.fsys, numbers)
	if err != nil {
		return &Error{File: numbers, Err: err}
	}
	z, err := readFile(c.fsys, zones)
	if err != nil {
		return &Error{File: zones, Err: err}
	}
	d, err := emergency.Decode(n)
	if err != nil {
		return &Error{File: numbers, Err: err}
	}
	if err := d.DecodeZones(z); err != nil {
		return &Error{File: zones, Err: err}
	}
	c.emergency = d
	return nil
}

func (c *Catalog) decodeTriage() error { return loadTriage(c.fsys, c) }

func (c *Catalog) decodeRoutines() error { return loadRoutines(c.fsys, c) }

// Languages lists the languages with a complete locale, sorted.
func (c *Catalog) Languages() []string {
	langs := make([]string, 0, len(c.locales))
	for l := range c.locales {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	return langs
}

// Strings returns the words for a BCP 47 language tag such as "en-GB": the
// exact language if present, else its base language, else DefaultLanguage.
func (c *Catalog) Strings(tag string) Strings {
	tag = strings.ToLower(tag)
	if s, ok := c.locales[tag]; ok {
		return s
	}
	if base, _, ok := strings.Cut(tag, "-"); ok {
		if s, ok := c.locales[base]; ok {
			return s
		}
	}
	return c.locales[DefaultLanguage]
}

// Strings is the words of one language: every text key, sorted, with the
// words shown for it.
type Strings struct {
	keys, texts []string
}

// NewStrings returns the words of one language from its text keys, sorted
// and each given once, and texts[i], the words for keys[i]. The browser gets
// them compiled this way (data.Locales) rather than decoding JSON as it
// starts.
func NewStrings(keys, texts []string) (Strings, error) {
	if len(keys) != len(texts) {
		return Strings{}, fmt.Errorf("%d keys but %d texts", len(keys), len(texts))
	}
	for i := 1; i < len(keys); i++ {
		if keys[i-1] >= keys[i] {
			return Strings{}, fmt.Errorf("key %q is not after %q: keys must be sorted and given once", keys[i], keys[i-1])
		}
	}
	return Strings{keys: keys, texts: texts}, nil
}

// T returns the text for key. A missing key is returned as "[key]" so that it
// is visible rather than blank; tests keep every key used in code present.
func (s Strings) T(key string) string {
	if i, ok := slices.BinarySearch(s.keys, key); ok {
		return s.texts[i]
	}
	return "[" + key + "]"
}

// Has reports whether key has text.
func (s Strings) Has(key string) bool {
	_, ok := slices.BinarySearch(s.keys, key)
	return ok
}

// Keys returns every text key, sorted. The caller must not change it.
func (s Strings) Keys() []string { return s.keys[:len(s.keys):len(s.keys)] }

// KeysWithPrefix returns the text keys that start with prefix, sorted. The
// caller must not change it.
func (s Strings) KeysWithPrefix(prefix string) []string {
	i, _ := slices.BinarySearch(s.keys, prefix)
	j := i
	for j < len(s.keys) && strings.HasPrefix(s.keys[j], prefix) {
		j++
	}
	return s.keys[i:j:j]
}

// Format returns the text for key with each {name} replaced by its value from
// args, given as name, value pairs.
func (s Strings) Format(key string, args ...string) string {
	text := s.T(key)
	for i := 0; i+1 < len(args); i += 2 {
		text = strings.ReplaceAll(text, "{"+args[i]+"}", args[i+1])
	}
	return text
}

// requireText checks that the default language has text for every key;
// file names the content file that needs them.
func (c *Catalog) requireText(file string, keys ...string) error {
	en := c.locales[DefaultLanguage]
	for _, k := range keys {
		if !en.Has(k) {
			return &Error{File: file, Err: fmt.Errorf("no text for key %q in locale/%s", k, DefaultLanguage)}
		}
	}
	return nil
}

func (c *Catalog) loadLocales() error {
	dirs, err := readDir(c.fsys, "locale")
	if err != nil {
		return &Error{File: "locale", Err: err}
	}
	c.locales = make(map[string]Strings)
	for _, d := range dirs {
		if !d.IsDir() {
			return &Error{File: "locale/" + d.Name(), Err: fmt.Errorf("expected a directory per language")}
		}
		lang := d.Name()
		if lang != strings.ToLower(lang) {
			return &Error{File: "locale/" + lang, Err: fmt.Errorf("language directory must be lower case")}
		}
		strs, err := loadLocale(c.fsys, lang)
		if err != nil {
			return err
		}
		c.locales[lang] = strs
	}
	if _, ok := c.locales[DefaultLanguage]; !ok {
		return &Error{File: "locale", Err: fmt.Errorf("no %q locale", DefaultLanguage)}
	}
	return nil
}

// checkLocales checks that every language has text for the same keys as
// DefaultLanguage. Load runs it; Compiled, for the browser's start, does
// not (the compiled words it gets were checked when they were compiled).
func (c *Catalog) checkLocales() error {
	en := c.locales[DefaultLanguage]
	for lang, strs := range c.locales {
		for _, k := range en.Keys() {
			if !strs.Has(k) {
				return &Error{File: "locale/" + lang, Err: fmt.Errorf("missing key %q (present in %s)", k, DefaultLanguage)}
			}
		}
		for _, k := range strs.Keys() {
			if !en.Has(k) {
				return &Error{File: "locale/" + lang, Err: fmt.Errorf("unknown key %q (not in %s)", k, DefaultLanguage)}
			}
		}
	}
	return nil
}

func loadLocale(fsys fs.FS, lang string) (Strings, error) {
	dir := "locale/" + lang
	entries, err := readDir(fsys, dir)
	if err != nil {
		return Strings{}, &Error{File: dir, Err: err}
	}
	words := make(map[string]string)
	for _, f := range entries {
		if f.IsDir() || !strings.HasSuffix(f.Name(), ".json") {
			continue
		}
		name := dir + "/" + f.Name()
		b, err := readFile(fsys, name)
		if err != nil {
			return Strings{}, &Error{File: name, Err: err}
		}
		m, err := decodeStringMap(b)
		if err != nil {
			return Strings{}, &Error{File: name, Err: err}
		}
		for k, v := range m {
			if _, dup := words[k]; dup {
				return Strings{}, &Error{File: name, Err: fmt.Errorf("key %q is also defined in another file of %s", k, lang)}
			}
			if strings.TrimSpace(v) == "" {
				return Strings{}, &Error{File: name, Err: fmt.Errorf("key %q has empty text", k)}
			}
			words[k] = v
		}
	}
	keys := slices.Sorted(maps.Keys(words))
	texts := make([]string, len(keys))
	for i, k := range keys {
		texts[i] = words[k]
	}
	return Strings{keys: keys, texts: texts}, nil
}

// readDir lists a directory of fsys, sorted by name. The file systems
// content comes from (embed.FS, fstest.MapFS) list directories themselves;
// calling them directly rather than through fs.ReadDir, which sorts again,
// keeps a second sort of directory entries out of app.wasm.
func readDir(fsys fs.FS, dir string) ([]fs.DirEntry, error) {
	d, ok := fsys.(fs.ReadDirFS)
	if !ok {
		return nil, fmt.Errorf("%T cannot list directories", fsys)
	}
	return d.ReadDir(dir)
}

// readFile reads a file of fsys through its own ReadFile, for the same
// reason as readDir.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	f, ok := fsys.(fs.ReadFileFS)
	if !ok {
		return nil, fmt.Errorf("%T cannot read files", fsys)
	}
	return f.ReadFile(name)
}
