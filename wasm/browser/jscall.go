package browser

import (
	"fmt"
	"log"
	"runtime/debug"
)

// callSafely runs f, Go code that JavaScript calls back (a timer, a message,
// a storage request), and recovers a panic in it so that one bad callback
// does not take the whole app down. The panic is never silent: it is logged
// with its stack (the browser's console) and returned as an error, for the
// callers that wait on the callback to report.
func callSafely(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = reportPanic(r)
		}
	}()
	f()
	return nil
}

// reportPanic logs a recovered panic with its stack and returns it as an
// error. It must be called from the deferred function that recovered it.
func reportPanic(r any) error {
	err := fmt.Errorf("browser: a callback panicked: %v", r)
	log.Printf("unknot: %v\n%s", err, debug.Stack())
	return err
}
