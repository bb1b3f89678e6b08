package data_test

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"unknot/data"
)

// The emergency number tables: what app/emergency decodes.
type emergencyNumbers struct {
	About         string `json:"about"`
	Default       string `json:"default"`
	DefaultSource string `json:"default_source"`
	Numbers       []struct {
		Number    string   `json:"number"`
		Countries []string `json:"countries"`
		Source    string   `json:"source"`
	} `json:"numbers"`
	Unlisted struct {
		Countries []string `json:"countries"`
		Why       string   `json:"why"`
	} `json:"unlisted"`
}

type timeZones struct {
	About  string            `json:"about"`
	Source string            `json:"source"`
	Zones  map[string]string `json:"zones"`
}

// decodeStrict decodes one JSON value from file into v, refusing unknown
// fields and anything after the value.
func decodeStrict(t *testing.T, file string, v any) {
	t.Helper()
	b, err := data.FS.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		t.Fatalf("%s: more after the JSON value", file)
	}
}

// countryNames reads the country.XX keys of locale/en/countries.json: the
// countries a person can choose, and the codes the tables may use.
func countryNames(t *testing.T) map[string]string {
	t.Helper()
	var words map[string]string
	decodeStrict(t, "locale/en/countries.json", &words)
	names := make(map[string]string)
	for k, v := range words {
		code, ok := strings.CutPrefix(k, "country.")
		if !ok || !isCode(code) {
			t.Errorf("countries.json: key %q is not country.<ISO 3166-1 alpha-2 code>", k)
			continue
		}
		names[code] = v
	}
	if len(names) != 249 {
		t.Errorf("countries.json names %d countries; ISO 3166-1 has 249", len(names))
	}
	return names
}

func isCode(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}

func isNumber(s string) bool {
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Every named country is in exactly one place: a number group or the
// unlisted ones; no code without a name; numbers are 2 to 6 digits with a
// source; the numbers the clinical specification names hold.
func TestEmergencyNumbersCoverEveryCountryOnce(t *testing.T) {
	names := countryNames(t)
	var en emergencyNumbers
	decodeStrict(t, "emergency_numbers.json", &en)

	if strings.TrimSpace(en.About) == "" || strings.TrimSpace(en.DefaultSource) == "" {
		t.Error("about and default_source must say what the table is and why 112 is the default")
	}
	if en.Default != "112" {
		t.Errorf("default is %q; want 112", en.Default)
	}
	if strings.TrimSpace(en.Unlisted.Why) == "" {
		t.Error("unlisted.why is empty")
	}

	where := make(map[string]string) // code → number, or "unlisted"
	place := func(code, in string) {
		if _, ok := names[code]; !ok {
			t.Errorf("%s (%s) has no country.%s name in countries.json", code, in, code)
		}
		if prev, dup := where[code]; dup {
			t.Errorf("%s is listed twice: %s and %s", code, prev, in)
			return
		}
		where[code] = in
	}
	for i, g := range en.Numbers {
		if !isNumber(g.Number) {
			t.Errorf("numbers[%d]: %q is not 2 to 6 digits", i, g.Number)
		}
		if strings.TrimSpace(g.Source) == "" {
			t.Errorf("numbers[%d] (%s): no source", i, g.Number)
		}
		if len(g.Countries) == 0 {
			t.Errorf("numbers[%d] (%s): no countries", i, g.Number)
		}
		for _, c := range g.Countries {
			place(c, g.Number)
		}
	}
	for _, c := range en.Unlisted.Countries {
		place(c, "unlisted")
	}
	for code := range names {
		if _, ok := where[code]; !ok {
			t.Errorf("%s (%s) is neither in a number group nor unlisted", code, names[code])
		}
	}

	want := map[string]string{"GB": "999", "US": "911", "CA": "911", "AU": "000", "NZ": "111"}
	for _, c := range []string{"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"} {
		want[c] = "112" // the EU member states
	}
	for c, n := range want {
		if where[c] != n {
			t.Errorf("%s: %q; want %s", c, where[c], n)
		}
	}
	if n := where["IE"]; n != "112" && n != "999" {
		t.Errorf("IE: %q; want 112 or 999", n)
	}
}

// The time zone table maps only to named countries, and the zones people
// are most likely to report, in both the IANA and the older ICU spelling,
// resolve.
func TestTimeZonesMapToNamedCountries(t *testing.T) {
	names := countryNames(t)
	var tz timeZones
	decodeStrict(t, "time_zones.json", &tz)
	if !strings.HasPrefix(tz.Source, "IANA tz database ") {
		t.Errorf("source is %q; want the IANA tz database and its version", tz.Source)
	}
	if len(tz.Zones) < 400 {
		t.Errorf("%d zones; zone.tab alone has over 400", len(tz.Zones))
	}
	for z, c := range tz.Zones {
		if _, ok := names[c]; !ok {
			t.Errorf("%s → %q, which has no country name", z, c)
		}
		if strings.HasPrefix(z, "Etc/") || z == "UTC" || z == "GMT" {
			t.Errorf("%s names no country, yet maps to %s", z, c)
		}
	}
	for z, want := range map[string]string{
		"Europe/London":    "GB",
		"America/Toronto":  "CA",
		"America/New_York": "US",
		"Australia/Sydney": "AU",
		"Pacific/Auckland": "NZ",
		"Europe/Berlin":    "DE",
		"Asia/Calcutta":    "IN",
		"Asia/Kolkata":     "IN",
		// Older ICU names browsers report, including links that tz points
		// across a border (Asmera to Nairobi, Truk to Port Moresby).
		"Europe/Kiev":           "UA",
		"America/Buenos_Aires":  "AR",
		"US/Eastern":            "US",
		"Asia/Saigon":           "VN",
		"Africa/Asmera":         "ER",
		"America/Coral_Harbour": "CA",
		"Pacific/Truk":          "FM",
		"Pacific/Ponape":        "FM",
		"Iceland":               "IS",
		"Atlantic/Jan_Mayen":    "SJ",
	} {
		if got := tz.Zones[z]; got != want {
			t.Errorf("%s → %q; want %s", z, got, want)
		}
	}
}
