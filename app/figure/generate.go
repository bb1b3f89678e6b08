package figure

import "fmt"

// Generate renders every exercise of a poses file in the colours of the
// app's stylesheet, as web/exercises/ holds them: file name to SVG.
func Generate(posesJSON, css []byte) (map[string][]byte, error) {
	poses, err := Decode(posesJSON)
	if err != nil {
		return nil, err
	}
	lightTokens, darkTokens, err := ThemeTokens(string(css))
	if err != nil {
		return nil, err
	}
	light, err := PaletteOf(lightTokens)
	if err != nil {
		return nil, fmt.Errorf("light theme: %w", err)
	}
	dark, err := PaletteOf(darkTokens)
	if err != nil {
		return nil, fmt.Errorf("dark theme: %w", err)
	}
	out := map[string][]byte{}
	for _, ex := range poses.Exercises {
		out[ex.ID+".svg"] = Render(ex, light, dark)
	}
	return out, nil
}
