//go:build !wasm

package main

import (
	"testing"

	"unknot/app/content"
	"unknot/data"
)

// texts returns the English words, as the pages show them.
func texts(t *testing.T) content.Strings {
	t.Helper()
	c, err := content.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	return c.Strings(content.DefaultLanguage)
}
