package emergency

// Where is what the app knows about where the person is, most trusted first.
type Where struct {
	Setting  string // the country chosen in Settings ("" for "work it out")
	Clinic   string // the country of the clinic the app is configured for
	TimeZone string // the device's IANA time zone, e.g. "Europe/London"
	Language string // the region of the browser's language, e.g. "US" for en-US
}

// Source says what decided the country.
type Source string

// The sources, in the order Choose tries them.
const (
	FromSettings Source = "settings"
	FromClinic   Source = "clinic"
	FromTimeZone Source = "time_zone"
	FromLanguage Source = "language"
	FromNothing  Source = "none" // no country known: the fallback number
)

// Call is the number to show and why.
type Call struct {
	Number  string
	Country string // ISO 3166-1 alpha-2, "" when none is known
	// Known is false when the country has no listed number (or none is
	// known): the screen says "or your local emergency number".
	Known bool
	From  Source
}

// Choose picks the country by CLINICAL.md's order and its number. A source
// that names no country of the directory (an empty setting, a time zone such
// as UTC that belongs to no country) is passed over.
func (d *Directory) Choose(w Where) Call {
	candidates := []struct {
		country string
		from    Source
	}{
		{w.Setting, FromSettings},
		{w.Clinic, FromClinic},
		{d.ZoneCountry(w.TimeZone), FromTimeZone},
		{w.Language, FromLanguage},
	}
	for _, c := range candidates {
		cc := normalCountry(c.country)
		if !d.listed(cc) {
			continue
		}
		n, known := d.Number(cc)
		return Call{Number: n, Country: cc, Known: known, From: c.from}
	}
	n, _ := d.Number("")
	return Call{Number: n, From: FromNothing}
}

// listed reports whether cc is a country of the directory, with or without
// a number of its own.
func (d *Directory) listed(cc string) bool {
	if d == nil || cc == "" {
		return false
	}
	_, ok := d.numbers[cc]
	return ok || d.unlisted[cc]
}
