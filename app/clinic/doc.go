// Package clinic is the configuration a physiotherapy clinic gives Unknot when it embeds
// the app in its website: the clinic's name, logo, accent colour, phone, booking link,
// country, featured routines and prescribed routine links.
//
// # Where a configuration comes from
//
// A configuration is JSON with short, stable keys:
//
//	{"name":"Riverside Physio","accent":"#0f766e","phone":"+44 20 7946 0958",
//	 "booking":"https://riverside.example/book","country":"GB",
//	 "featured":["morning_ease"],
//	 "prescribed":[{"name":"Week 1","link":"/routines/custom#r=eyJ2IjoxfQ"}]}
//
// It reaches the app in one of two ways:
//
//   - in the URL fragment, as clinic=<Encode(config)> among &-separated parameters:
//     https://HOST/#clinic=eyJuYW1lIjoi…&r=… (FromFragment finds it; other parameters are
//     left to their owners). The encoding is the JSON with empty fields left out, in
//     base64url without padding; DecodeFragment also accepts padding. The fragment never
//     reaches a server, so the configuration is not in any access log;
//   - baked into a static build with `unknot static -clinic FILE`, where FILE is the JSON
//     read with Parse.
//
// Every key is optional except name. An empty field means "not given": the app falls back
// to its own accent, shows no phone, and so on.
//
// # Semantics
//
// Parse is the only way in from outside. It decodes strictly (an unknown key, a key in
// the wrong case, a key given twice, null, a value of the wrong type or anything after the
// object is an error), then applies Normalize and Validate, so what it returns is canonical:
// Encode followed by DecodeFragment gives back an equal Config.
//
// Normalize makes the small repairs a clinic would expect: it trims surrounding spaces,
// lower-cases the accent and upper-cases the country, and darkens an accent colour that
// white text cannot be read on (WCAG 2.x contrast below 4.5:1) in small steps that keep its
// hue, reporting that as a Notice. Contrast is symmetric, so the same check covers the
// accent used as text or links on a white page.
//
// Validate checks a canonical Config and returns the first problem as a *FieldError, whose
// message names the JSON key ("booking: must be an https:// address"); Problems returns
// them all, for a form. ValidateRoutines checks featured ids against the routine catalogue,
// which this package does not know.
//
// # Security stance
//
// The configuration is untrusted input: anyone can craft a link with any fragment, and a
// clinic's page can be copied. Nothing from it may become markup, script, or a link that is
// not https. So:
//
//   - text (the clinic and prescription names) is rendered as text, never as markup; it is
//     also refused if it holds control characters, line separators or bidirectional
//     overrides, which could break or disguise the layout around it;
//   - links are https only, with a host and no user name or password, and only the
//     characters an address needs; the booking link opens in a new tab with rel=noopener;
//   - a logo is an https address or a base64 data: address of a PNG, JPEG or WebP image
//     whose first bytes match its declared type; SVG is refused, because an SVG document
//     can carry script;
//   - the phone becomes a tel: link built from its digits alone (TelURI);
//   - prescribed links are paths inside the app (/routines/custom#r= and base64url), never
//     addresses elsewhere;
//   - input is bounded (MaxConfigBytes) before any decoding, and Validate refuses a
//     configuration whose encoding would exceed that bound, so whatever the configurator
//     accepts also loads in the embed.
package clinic
