package clinic

import (
	"encoding/base64"
	"errors"
	"strings"
	"testing"
)

// valid is a complete, canonical configuration; each case below changes one field.
func valid() Config {
	return Config{
		Name:       "Riverside Physio",
		Logo:       "https://riverside.example/logo.png",
		Accent:     "#0f766e",
		Phone:      "+44 (20) 7946-0958",
		BookingURL: "https://riverside.example/book?ref=unknot",
		Country:    "GB",
		Featured:   []string{"morning_ease", "desk_break2"},
		Prescribed: []Prescription{{Name: "Week 1: gentle", Link: "/routines/custom#r=eyJ2IjoxfQ"}},
	}
}

var (
	pngBytes  = "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
	jpegBytes = "\xff\xd8\xff\xe0\x00\x10JFIF\x00"
	webpBytes = "RIFF\x24\x00\x00\x00WEBPVP8 "
	pngLogo   = "data:image/png;base64," + b64(pngBytes)
)

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// pngLogoOfSize is the longest PNG data: address of at most n characters.
func pngLogoOfSize(n int) string {
	const prefix = "data:image/png;base64,"
	data := pngBytes + strings.Repeat("\x00", (n-len(prefix))/4*3-len(pngBytes))
	return prefix + b64(data)
}

type ruleCase struct {
	name string
	edit func(c *Config)
	want string // the exact message; "" for valid
}

func checkRules(t *testing.T, tests []ruleCase) {
	t.Helper()
	for _, tt := range tests {
		c := valid()
		tt.edit(&c)
		err := c.Validate()
		got := ""
		if err != nil {
			got = err.Error()
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Errorf("%s: Validate() = %T; want *FieldError", tt.name, err)
			}
		}
		if got != tt.want {
			t.Errorf("%s: Validate() = %q; want %q", tt.name, got, tt.want)
		}
	}
}

func TestValidateComplete(t *testing.T) {
	if err := valid().Validate(); err != nil {
		t.Fatalf("valid().Validate() = %v; want nil", err)
	}
	if err := (Config{Name: "A"}).Validate(); err != nil {
		t.Fatalf("Validate() of a name alone = %v; want nil", err)
	}
}

func TestValidateName(t *testing.T) {
	checkRules(t, []ruleCase{
		{"plain", func(c *Config) { c.Name = "Dr. Ng's Clinic & Spa <3" }, ""},
		{"one rune", func(c *Config) { c.Name = "Ä" }, ""},
		{"80 runes", func(c *Config) { c.Name = strings.Repeat("é", 80) }, ""},
		{"emoji with joiner", func(c *Config) { c.Name = "Physio 👩\u200d⚕️" }, ""},
		{"empty", func(c *Config) { c.Name = "" }, "name: is required"},
		{"81 runes", func(c *Config) { c.Name = strings.Repeat("é", 81) }, "name: must be at most 80 characters"},
		{"newline", func(c *Config) { c.Name = "Riverside\nPhysio" }, "name: must not contain control characters or line breaks"},
		{"tab", func(c *Config) { c.Name = "Riverside\tPhysio" }, "name: must not contain control characters or line breaks"},
		{"NUL", func(c *Config) { c.Name = "Riverside\x00" }, "name: must not contain control characters or line breaks"},
		{"C1 control", func(c *Config) { c.Name = "Riverside\u0085" }, "name: must not contain control characters or line breaks"},
		{"line separator", func(c *Config) { c.Name = "River\u2028side" }, "name: must not contain control characters or line breaks"},
		{"right-to-left override", func(c *Config) { c.Name = "Clinic \u202egnp.exe" }, "name: must not contain control characters or line breaks"},
		{"isolate", func(c *Config) { c.Name = "Clinic \u2067x" }, "name: must not contain control characters or line breaks"},
		{"invalid UTF-8", func(c *Config) { c.Name = "Clinic \xff" }, "name: is not valid UTF-8 text"},
		{"leading space", func(c *Config) { c.Name = " Riverside" }, "name: must not begin or end with spaces"},
		{"only spaces", func(c *Config) { c.Name = "   " }, "name: must not begin or end with spaces"},
		{"only a zero-width space", func(c *Config) { c.Name = "\u200b" }, "name: must contain a letter, digit or symbol"},
	})
}

func TestValidateLogo(t *testing.T) {
	checkRules(t, []ruleCase{
		{"none", func(c *Config) { c.Logo = "" }, ""},
		{"https", func(c *Config) { c.Logo = "https://cdn.example/a/logo.webp?v=2" }, ""},
		{"png", func(c *Config) { c.Logo = pngLogo }, ""},
		{"jpeg", func(c *Config) { c.Logo = "data:image/jpeg;base64," + b64(jpegBytes) }, ""},
		{"webp", func(c *Config) { c.Logo = "data:image/webp;base64," + b64(webpBytes) }, ""},
		{"largest data", func(c *Config) { c.Logo = pngLogoOfSize(MaxLogoDataBytes) }, ""},
		{"http", func(c *Config) { c.Logo = "http://riverside.example/logo.png" }, "logo: must be an https:// address or a data:image/png, jpeg or webp address"},
		{"javascript", func(c *Config) { c.Logo = "javascript:alert(1)" }, "logo: must be an https:// address or a data:image/png, jpeg or webp address"},
		{"relative", func(c *Config) { c.Logo = "/logo.png" }, "logo: must be an https:// address or a data:image/png, jpeg or webp address"},
		{"scheme-relative", func(c *Config) { c.Logo = "//evil.example/logo.png" }, "logo: must be an https:// address or a data:image/png, jpeg or webp address"},
		{"credentials", func(c *Config) { c.Logo = "https://user:pw@riverside.example/logo.png" }, "logo: must not contain a user name or password"},
		{"svg", func(c *Config) { c.Logo = "data:image/svg+xml;base64," + b64("<svg onload=alert(1)>") }, "logo: may only be a data:image/png, jpeg or webp address in base64 (not SVG)"},
		{"not base64", func(c *Config) { c.Logo = "data:image/png," + pngBytes }, "logo: may only be a data:image/png, jpeg or webp address in base64 (not SVG)"},
		{"html", func(c *Config) { c.Logo = "data:text/html;base64," + b64("<script>") }, "logo: may only be a data:image/png, jpeg or webp address in base64 (not SVG)"},
		{"upper-case type", func(c *Config) { c.Logo = "data:image/PNG;base64," + b64(pngBytes) }, "logo: may only be a data:image/png, jpeg or webp address in base64 (not SVG)"},
		{"svg bytes as png", func(c *Config) { c.Logo = "data:image/png;base64," + b64("<svg onload=alert(1)>") }, "logo: does not hold a PNG image"},
		{"png bytes as jpeg", func(c *Config) { c.Logo = "data:image/jpeg;base64," + b64(pngBytes) }, "logo: does not hold a JPEG image"},
		{"riff but not webp", func(c *Config) { c.Logo = "data:image/webp;base64," + b64("RIFF\x24\x00\x00\x00WAVEfmt ") }, "logo: does not hold a WebP image"},
		{"empty data", func(c *Config) { c.Logo = "data:image/png;base64," }, "logo: does not hold a PNG image"},
		{"bad base64", func(c *Config) { c.Logo = "data:image/png;base64,iVBOR!" }, "logo: is not valid base64 after the comma"},
		{"unpadded", func(c *Config) { c.Logo = "data:image/png;base64," + strings.TrimRight(b64(pngBytes), "=") }, "logo: is not valid base64 after the comma"},
		{"line break", func(c *Config) { c.Logo = "data:image/png;base64," + b64(pngBytes)[:8] + "\n" + b64(pngBytes)[8:] }, "logo: is not valid base64 after the comma"},
		{"too large", func(c *Config) { c.Logo = pngLogoOfSize(MaxLogoDataBytes + 4) }, "logo: must be at most 12288 characters as a data: address; use an https:// address for a larger image"},
	})
}

// The booking address and an https logo share one rule; these cases cover it.
func TestValidateBooking(t *testing.T) {
	long := "https://riverside.example/" + strings.Repeat("a", MaxURLBytes-len("https://riverside.example/"))
	checkRules(t, []ruleCase{
		{"none", func(c *Config) { c.BookingURL = "" }, ""},
		{"path, query, fragment", func(c *Config) { c.BookingURL = "https://book.example/x/y?a=1&b=%20#slot" }, ""},
		{"port", func(c *Config) { c.BookingURL = "https://book.example:8443/" }, ""},
		{"IPv4", func(c *Config) { c.BookingURL = "https://192.0.2.1/" }, ""},
		{"IPv6", func(c *Config) { c.BookingURL = "https://[2001:db8::1]/" }, ""},
		{"punycode", func(c *Config) { c.BookingURL = "https://xn--physiothrapie-fgb.example/" }, ""},
		{"2048 bytes", func(c *Config) { c.BookingURL = long }, ""},
		{"2049 bytes", func(c *Config) { c.BookingURL = long + "a" }, "booking: must be at most 2048 characters"},
		{"http", func(c *Config) { c.BookingURL = "http://book.example/" }, "booking: must be an https:// address"},
		{"upper-case scheme", func(c *Config) { c.BookingURL = "HTTPS://book.example/" }, "booking: must be an https:// address"},
		{"javascript", func(c *Config) { c.BookingURL = "javascript:alert(1)//https://" }, "booking: must be an https:// address"},
		{"data", func(c *Config) { c.BookingURL = "data:text/html,<script>alert(1)</script>" }, "booking: must be an https:// address"},
		{"mailto", func(c *Config) { c.BookingURL = "mailto:desk@book.example" }, "booking: must be an https:// address"},
		{"relative", func(c *Config) { c.BookingURL = "/book" }, "booking: must be an https:// address"},
		{"no host", func(c *Config) { c.BookingURL = "https:///book" }, "booking: must name a host, such as https://clinic.example/"},
		{"port only", func(c *Config) { c.BookingURL = "https://:443/" }, "booking: must name a host, such as https://clinic.example/"},
		{"empty label", func(c *Config) { c.BookingURL = "https://book..example/" }, "booking: must name a host, such as https://clinic.example/"},
		{"underscore host", func(c *Config) { c.BookingURL = "https://bo_ok.example/" }, "booking: must name a host, such as https://clinic.example/"},
		{"user", func(c *Config) { c.BookingURL = "https://trusted.example@evil.example/" }, "booking: must not contain a user name or password"},
		{"user and password", func(c *Config) { c.BookingURL = "https://a:b@book.example/" }, "booking: must not contain a user name or password"},
		{"space", func(c *Config) { c.BookingURL = "https://book.example/a b" }, "booking: must not contain spaces; escape it as %XX"},
		{"quote", func(c *Config) { c.BookingURL = `https://book.example/"onmouseover=` }, `booking: must not contain '"'; escape it as %XX`},
		{"angle bracket", func(c *Config) { c.BookingURL = "https://book.example/<script>" }, "booking: must not contain '<'; escape it as %XX"},
		{"backslash", func(c *Config) { c.BookingURL = `https://evil.example\@book.example/` }, `booking: must not contain '\\'; escape it as %XX`},
		{"newline", func(c *Config) { c.BookingURL = "https://book.example/\nx" }, "booking: must not contain the character U+000A; escape it as %XX"},
		{"non-ASCII host", func(c *Config) { c.BookingURL = "https://physiothérapie.example/" }, "booking: must not contain 'é'; escape it as %XX"},
		{"bad port", func(c *Config) { c.BookingURL = "https://book.example:x/" }, "booking: is not a valid address"},
		{"bad escape", func(c *Config) { c.BookingURL = "https://book.example/%zz" }, "booking: is not a valid address"},
	})
}

func TestValidateAccent(t *testing.T) {
	checkRules(t, []ruleCase{
		{"none", func(c *Config) { c.Accent = "" }, ""},
		{"passes", func(c *Config) { c.Accent = "#0f766e" }, ""},
		{"upper case", func(c *Config) { c.Accent = "#0F766E" }, ""},
		{"just passes", func(c *Config) { c.Accent = "#767676" }, ""},
		{"just fails", func(c *Config) { c.Accent = "#777777" }, "accent: white text on #777777 has contrast 4.48:1, less than the 4.5:1 needed"},
		{"yellow", func(c *Config) { c.Accent = "#ffff00" }, "accent: white text on #ffff00 has contrast 1.07:1, less than the 4.5:1 needed"},
		{"short form", func(c *Config) { c.Accent = "#000" }, "accent: must be a colour written #rrggbb, such as #0f766e"},
		{"no hash", func(c *Config) { c.Accent = "0f766e" }, "accent: must be a colour written #rrggbb, such as #0f766e"},
		{"name", func(c *Config) { c.Accent = "teal" }, "accent: must be a colour written #rrggbb, such as #0f766e"},
		{"css injection", func(c *Config) { c.Accent = "#000;}*{x" }, "accent: must be a colour written #rrggbb, such as #0f766e"},
		{"alpha", func(c *Config) { c.Accent = "#0f766eff" }, "accent: must be a colour written #rrggbb, such as #0f766e"},
	})
}

func TestValidatePhone(t *testing.T) {
	checkRules(t, []ruleCase{
		{"none", func(c *Config) { c.Phone = "" }, ""},
		{"international", func(c *Config) { c.Phone = "+44 20 7946 0958" }, ""},
		{"local", func(c *Config) { c.Phone = "(020) 7946-0958" }, ""},
		{"three digits", func(c *Config) { c.Phone = "112" }, ""},
		{"twenty digits", func(c *Config) { c.Phone = strings.Repeat("1", 20) }, ""},
		{"two digits", func(c *Config) { c.Phone = "+1 2" }, "phone: must have 3 to 20 digits"},
		{"no digits", func(c *Config) { c.Phone = "( )" }, "phone: must have 3 to 20 digits"},
		{"21 digits", func(c *Config) { c.Phone = strings.Repeat("1", 21) }, "phone: must have 3 to 20 digits"},
		{"letters", func(c *Config) { c.Phone = "0800 PHYSIO" }, "phone: may contain only digits, spaces, + ( ) and -"},
		{"dots", func(c *Config) { c.Phone = "020.7946.0958" }, "phone: may contain only digits, spaces, + ( ) and -"},
		{"extension", func(c *Config) { c.Phone = "020 7946 0958;ext=2" }, "phone: may contain only digits, spaces, + ( ) and -"},
		{"newline", func(c *Config) { c.Phone = "020\n7946" }, "phone: may contain only digits, spaces, + ( ) and -"},
		{"arabic-indic digits", func(c *Config) { c.Phone = "٠٢٠٧٩٤٦" }, "phone: may contain only digits, spaces, + ( ) and -"},
		{"inner plus", func(c *Config) { c.Phone = "44+20 7946" }, "phone: may have a + only at the start"},
		{"two pluses", func(c *Config) { c.Phone = "++44 20" }, "phone: may have a + only at the start"},
		{"surrounding space", func(c *Config) { c.Phone = "020 7946 " }, "phone: must not begin or end with spaces"},
	})
}

func TestValidateCountry(t *testing.T) {
	checkRules(t, []ruleCase{
		{"none", func(c *Config) { c.Country = "" }, ""},
		{"GB", func(c *Config) { c.Country = "GB" }, ""},
		{"US", func(c *Config) { c.Country = "US" }, ""},
		{"XK", func(c *Config) { c.Country = "XK" }, ""},
		{"ZW", func(c *Config) { c.Country = "ZW" }, ""},
		{"lower case", func(c *Config) { c.Country = "gb" }, "country: must be a two-letter ISO 3166-1 code in capitals, such as GB"},
		{"UK is reserved, not assigned", func(c *Config) { c.Country = "UK" }, "country: must be a two-letter ISO 3166-1 code in capitals, such as GB"},
		{"unassigned", func(c *Config) { c.Country = "ZZ" }, "country: must be a two-letter ISO 3166-1 code in capitals, such as GB"},
		{"alpha-3", func(c *Config) { c.Country = "GBR" }, "country: must be a two-letter ISO 3166-1 code in capitals, such as GB"},
		{"one letter", func(c *Config) { c.Country = "G" }, "country: must be a two-letter ISO 3166-1 code in capitals, such as GB"},
		{"spans two codes", func(c *Config) { c.Country = "D A" }, "country: must be a two-letter ISO 3166-1 code in capitals, such as GB"},
		{"a language as a region", func(c *Config) { c.Lang = "fr-CA" }, "lang: must be a two-letter language code in small letters, such as fr"},
		{"a language in capitals", func(c *Config) { c.Lang = "FR" }, "lang: must be a two-letter language code in small letters, such as fr"},
	})
}

func TestCountryList(t *testing.T) {
	codes := strings.Fields(countries)
	if got, want := len(codes), 249+1; got != want { // 249 assigned, and XK
		t.Errorf("len(countries) = %d; want %d", got, want)
	}
	for i, code := range codes {
		if !isCountry(code) {
			t.Errorf("isCountry(%q) = false", code)
		}
		if i > 0 && codes[i-1] >= code {
			t.Errorf("countries: %s comes after %s; keep the list sorted and without repeats", code, codes[i-1])
		}
	}
}

func TestValidateFeatured(t *testing.T) {
	checkRules(t, []ruleCase{
		{"none", func(c *Config) { c.Featured = nil }, ""},
		{"eight", func(c *Config) { c.Featured = []string{"a", "b", "c", "d", "e", "f", "g", "h"} }, ""},
		{"40 characters", func(c *Config) { c.Featured = []string{strings.Repeat("a", 40)} }, ""},
		{"nine", func(c *Config) { c.Featured = []string{"a", "b", "c", "d", "e", "f", "g", "h", "i"} }, "featured: may list at most 8 routines"},
		{"41 characters", func(c *Config) { c.Featured = []string{strings.Repeat("a", 41)} }, "featured[0]: must be a routine id of 1 to 40 lower-case letters, digits or _"},
		{"empty", func(c *Config) { c.Featured = []string{"a", ""} }, "featured[1]: must be a routine id of 1 to 40 lower-case letters, digits or _"},
		{"upper case", func(c *Config) { c.Featured = []string{"Morning"} }, "featured[0]: must be a routine id of 1 to 40 lower-case letters, digits or _"},
		{"hyphen", func(c *Config) { c.Featured = []string{"morning-ease"} }, "featured[0]: must be a routine id of 1 to 40 lower-case letters, digits or _"},
		{"path", func(c *Config) { c.Featured = []string{"../x"} }, "featured[0]: must be a routine id of 1 to 40 lower-case letters, digits or _"},
		{"repeat", func(c *Config) { c.Featured = []string{"a", "b", "a"} }, `featured[2]: repeats "a"`},
	})
}

func TestValidatePrescribed(t *testing.T) {
	ten := make([]Prescription, 10)
	for i := range ten {
		ten[i] = Prescription{Name: "Week", Link: LinkPrefix + "eyJ2IjoxfQ"}
	}
	longLink := LinkPrefix + strings.Repeat("A", MaxLinkBytes-len(LinkPrefix))
	checkRules(t, []ruleCase{
		{"none", func(c *Config) { c.Prescribed = nil }, ""},
		{"ten", func(c *Config) { c.Prescribed = ten }, ""},
		{"longest link", func(c *Config) { c.Prescribed = []Prescription{{"Week 1", longLink}} }, ""},
		{"base64url alphabet", func(c *Config) { c.Prescribed = []Prescription{{"Week 1", LinkPrefix + "azAZ09-_"}} }, ""},
		{"eleven", func(c *Config) { c.Prescribed = append(ten, ten[0]) }, "prescribed: may list at most 10 routines"},
		{"no name", func(c *Config) { c.Prescribed = []Prescription{{"", LinkPrefix + "x"}} }, "prescribed[0].name: is required"},
		{"name too long", func(c *Config) { c.Prescribed = []Prescription{{strings.Repeat("x", 81), LinkPrefix + "x"}} }, "prescribed[0].name: must be at most 80 characters"},
		{"name control", func(c *Config) { c.Prescribed = []Prescription{{"a\rb", LinkPrefix + "x"}} }, "prescribed[0].name: must not contain control characters or line breaks"},
		{"link too long", func(c *Config) { c.Prescribed = []Prescription{{"Week 1", longLink + "A"}} }, "prescribed[0].link: must be at most 4096 characters"},
		{"no link", func(c *Config) { c.Prescribed = []Prescription{{"Week 1", ""}} }, "prescribed[0].link: must start with /routines/custom#r="},
		{"absolute", func(c *Config) { c.Prescribed = []Prescription{{"Week 1", "https://evil.example/routines/custom#r=x"}} }, "prescribed[0].link: must start with /routines/custom#r="},
		{"scheme-relative", func(c *Config) { c.Prescribed = []Prescription{{"Week 1", "//evil.example/routines/custom#r=x"}} }, "prescribed[0].link: must start with /routines/custom#r="},
		{"javascript", func(c *Config) { c.Prescribed = []Prescription{{"Week 1", "javascript:alert(1)"}} }, "prescribed[0].link: must start with /routines/custom#r="},
		{"other route", func(c *Config) { c.Prescribed = []Prescription{{"Week 1", "/journal#r=x"}} }, "prescribed[0].link: must start with /routines/custom#r="},
		{"empty payload", func(c *Config) { c.Prescribed = []Prescription{{"Week 1", LinkPrefix}} }, "prescribed[0].link: has no routine after /routines/custom#r="},
		{"standard base64", func(c *Config) { c.Prescribed = []Prescription{{"Week 1", LinkPrefix + "a+b/"}} }, "prescribed[0].link: may contain only letters, digits, - and _ after /routines/custom#r="},
		{"padding", func(c *Config) { c.Prescribed = []Prescription{{"Week 1", LinkPrefix + "eA=="}} }, "prescribed[0].link: may contain only letters, digits, - and _ after /routines/custom#r="},
		{"more parameters", func(c *Config) { c.Prescribed = []Prescription{{"Week 1", LinkPrefix + "x&clinic=y"}} }, "prescribed[0].link: may contain only letters, digits, - and _ after /routines/custom#r="},
		{"second item", func(c *Config) { c.Prescribed = []Prescription{ten[0], {"Week 2", "x"}} }, "prescribed[1].link: must start with /routines/custom#r="},
	})
}

func TestValidateWholeSize(t *testing.T) {
	c := valid()
	c.Logo = pngLogoOfSize(MaxLogoDataBytes) // within its own limit
	c.Prescribed = nil
	for range MaxPrescribed {
		c.Prescribed = append(c.Prescribed, Prescription{Name: "Week", Link: LinkPrefix + strings.Repeat("A", 1000)})
	}
	err := c.Validate()
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Path != "" || !strings.HasPrefix(fe.Problem, "the configuration is ") ||
		!strings.HasSuffix(fe.Problem, "bytes, more than the 16384 allowed; use an https:// logo or fewer prescribed routines") {
		t.Fatalf("Validate() of an oversized configuration = %v; want the whole-size problem", err)
	}
}

func TestProblemsListsEveryField(t *testing.T) {
	c := Config{Logo: "http://x", Accent: "red", Phone: "x", BookingURL: "http://x", Country: "gb",
		Featured: []string{"A"}, Prescribed: []Prescription{{}}}
	var got []string
	for _, p := range c.Problems() {
		got = append(got, p.Path)
	}
	want := "name logo accent phone booking country featured[0] prescribed[0].name prescribed[0].link"
	if strings.Join(got, " ") != want {
		t.Errorf("Problems() fields = %v; want %s", got, want)
	}
	if err := c.Validate(); err == nil || err.Error() != "name: is required" {
		t.Errorf("Validate() = %v; want the first problem, name: is required", err)
	}
}

func TestValidateRoutines(t *testing.T) {
	known := func(id string) bool { return id == "morning_ease" || id == "desk_break2" }
	if err := valid().ValidateRoutines(known); err != nil {
		t.Errorf("ValidateRoutines() = %v; want nil", err)
	}
	c := valid()
	c.Featured = []string{"morning_ease", "gone"}
	if err := c.ValidateRoutines(known); err == nil || err.Error() != `featured[1]: there is no routine "gone"` {
		t.Errorf("ValidateRoutines() = %v; want featured[1]: there is no routine \"gone\"", err)
	}
}

func TestTelURI(t *testing.T) {
	tests := []struct{ phone, want string }{
		{"", ""},
		{"+44 (20) 7946-0958", "tel:+442079460958"},
		{"(020) 7946 0958", "tel:02079460958"},
		{"112", "tel:112"},
	}
	for _, tt := range tests {
		if got := (Config{Phone: tt.phone}).TelURI(); got != tt.want {
			t.Errorf("TelURI() of %q = %q; want %q", tt.phone, got, tt.want)
		}
	}
}
