package content

import (
	"errors"
	"fmt"
	"io/fs"

	"unknot/app/triage"
)

// loadTriage decodes triage.json into c.triage.
func loadTriage(fsys fs.FS, c *Catalog) error {
	const file = "triage.json"
	b, err := readFile(fsys, file)
	if err != nil {
		return &Error{File: file, Err: err}
	}
	rs, err := triage.DecodeRuleSet(b)
	if err != nil {
		return &Error{File: file, Err: err}
	}
	c.triage = rs
	return nil
}

// checkTriageText checks that every text key the rule set needs has words,
// and that the locale holds no "triage." key the rule set does not use (a
// misspelt key would otherwise go unnoticed).
func (c *Catalog) checkTriageText() error {
	const file = "triage.json"
	used := make(map[string]bool)
	for _, tk := range c.triage.TextKeys() {
		used[tk.Key] = true
		if err := c.requireText(file, tk.Key); err != nil {
			if ce, ok := errors.AsType[*Error](err); ok {
				err = ce.Err
			}
			return &Error{File: file, Err: fmt.Errorf("%s: %w", tk.Path, err)}
		}
	}
	var unused []string
	for _, k := range c.locales[DefaultLanguage].KeysWithPrefix("triage.") {
		if !used[k] {
			unused = append(unused, k)
		}
	}
	if len(unused) > 0 {
		return &Error{File: "locale/" + DefaultLanguage, Err: fmt.Errorf("key %q is not used by triage.json or the triage screens", unused[0])}
	}
	return nil
}
