//go:build !wasm

package site

import (
	"fmt"
	"os"

	"unknot/app/clinic"
	"unknot/app/content"
	"unknot/app/routine"
	"unknot/data"
)

// clinicEnvKey names the baked configuration in the page's environment; the
// client reads it with app.Getenv and it wins over any #clinic= in the address.
const clinicEnvKey = "UNKNOT_CLINIC"

// brandStylesheet is the generated stylesheet that carries a baked clinic's
// accent colour, so pre-rendered pages are in the clinic's colours before
// the wasm starts (the Content-Security-Policy allows stylesheets from the
// site itself, never style attributes). Like every stylesheet under web/,
// it is served inside /app.css (foldStylesheets).
const brandStylesheet = "/web/clinic-brand.css"

// LoadClinic reads and validates a clinic's configuration to bake into a
// site (`unknot static -clinic FILE`): strict JSON (clinic.Parse), featured
// routines that exist in the catalogue. Every error names the file and the
// field.
func LoadClinic(file string) (*clinic.Config, error) {
	catalog, err := content.Load(data.FS)
	if err != nil {
		return nil, err
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("-clinic: %w", err)
	}
	c, err := clinic.Parse(b)
	if err != nil {
		return nil, fmt.Errorf("-clinic %s: %w", file, err)
	}
	known := func(id string) bool {
		_, ok := catalog.Routines().Routine(routine.RoutineID(id))
		return ok
	}
	if err := c.ValidateRoutines(known); err != nil {
		return nil, fmt.Errorf("-clinic %s: %w", file, err)
	}
	return &c, nil
}

// bakeClinic adds a baked clinic to the site being built: its accent
// stylesheet among the web files (so the content hash, and with it the
// version, changes with the clinic) and the encoded configuration for the
// page's environment.
func bakeClinic(c *clinic.Config, webFiles map[string][]byte) map[string]string {
	if c == nil {
		return nil
	}
	if c.Accent != "" {
		// Accent is #rrggbb: Parse has checked it.
		webFiles[brandStylesheet] = []byte(":root { --clinic-accent: " + c.Accent + "; }\n")
	}
	return map[string]string{clinicEnvKey: clinic.Encode(*c)}
}
