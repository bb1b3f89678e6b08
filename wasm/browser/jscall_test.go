package browser

import (
	"bytes"
	"log"
	"strings"
	"testing"
)

func TestCallSafelyReportsAPanic(t *testing.T) {
	var logged bytes.Buffer
	defer log.SetOutput(log.Writer())
	log.SetOutput(&logged)
	if err := callSafely(func() {}); err != nil {
		t.Errorf("callSafely(ok) = %v; want nil", err)
	}
	if logged.Len() != 0 {
		t.Errorf("a callback that did not panic logged %q", logged.String())
	}
	err := callSafely(func() { panic("index out of range") })
	if err == nil || !strings.Contains(err.Error(), "index out of range") {
		t.Errorf("callSafely(panic) = %v; want an error naming the panic", err)
	}
	if !strings.Contains(logged.String(), "index out of range") || !strings.Contains(logged.String(), "jscall_test.go") {
		t.Errorf("the panic was not logged with its stack: %q", logged.String())
	}
}
