//go:build !(js && wasm)

package browser

import (
	"errors"
	"sync"
)

// ErrNoClipboard means the browser has no clipboard API, or refused to write.
var ErrNoClipboard = errors.New("this browser cannot copy to the clipboard")

// Clipboard is the in-memory twin of the clipboard.
type Clipboard struct {
	mu   sync.Mutex
	text string
	// Refuse makes Copy fail, as a browser without permission does.
	Refuse bool
}

// NewClipboard returns an empty clipboard.
func NewClipboard() *Clipboard { return &Clipboard{} }

func (c *Clipboard) Copy(text string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.Refuse {
		return ErrNoClipboard
	}
	c.text = text
	return nil
}

// Text is what was last copied.
func (c *Clipboard) Text() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.text
}
