package runner_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/genglossary/genglossary/internal/engine"
)

// TestMain loads the builtin engine's IPA dictionary before the tests: the
// first run of a test binary pays for it (about 9 s under -race on an idle
// 2-core machine, several times that on a loaded one), which made run
// timeouts measure the dictionary instead of the run.
func TestMain(m *testing.M) {
	if _, err := engine.New(engine.Config{}); err != nil {
		fmt.Fprintln(os.Stderr, "load the builtin engine:", err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}
