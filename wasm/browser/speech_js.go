//go:build js && wasm

package browser

import (
	"errors"
	"syscall/js"
)

// ErrNoSpeech means the browser cannot speak (no speechSynthesis).
var ErrNoSpeech = errors.New("this browser cannot speak out loud")

// Speech says words out loud with the Web Speech API, in the page's language.
type Speech struct{}

// NewSpeech returns the page's speech output.
func NewSpeech() *Speech { return &Speech{} }

// Speak queues text to be said after anything already being said.
func (*Speech) Speak(text string) error {
	var unsupported bool
	err := try(func() {
		synth := js.Global().Get("speechSynthesis")
		ctor := js.Global().Get("SpeechSynthesisUtterance")
		if !synth.Truthy() || !ctor.Truthy() {
			unsupported = true
			return
		}
		u := ctor.New(text)
		if lang := js.Global().Get("document").Get("documentElement").Get("lang"); lang.Truthy() {
			u.Set("lang", lang)
		}
		synth.Call("speak", u)
	})
	if unsupported {
		return ErrNoSpeech
	}
	return err
}

// Cancel stops what is being said and drops what is queued.
func (*Speech) Cancel() error {
	return try(func() {
		if synth := js.Global().Get("speechSynthesis"); synth.Truthy() {
			synth.Call("cancel")
		}
	})
}
