//go:build !(js && wasm)

package browser

import (
	"errors"
	"sync"
)

// ErrNoSpeech means the browser cannot speak (no speechSynthesis).
var ErrNoSpeech = errors.New("this browser cannot speak out loud")

// Speech is the in-memory twin of the speech output: it records what it
// was asked to say.
type Speech struct {
	mu     sync.Mutex
	spoken []string
	// Unsupported makes Speak fail as a browser without speech does.
	Unsupported bool
}

// NewSpeech returns a speech output that records.
func NewSpeech() *Speech { return &Speech{} }

func (s *Speech) Speak(text string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Unsupported {
		return ErrNoSpeech
	}
	s.spoken = append(s.spoken, text)
	return nil
}

func (s *Speech) Cancel() error { return nil }

// Spoken lists what Speak was asked to say, in order.
func (s *Speech) Spoken() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.spoken...)
}
