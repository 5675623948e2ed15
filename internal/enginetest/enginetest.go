// Package enginetest holds test setup shared by the packages whose tests run
// the builtin engine.
package enginetest

import (
	"fmt"
	"os"
	"testing"

	"github.com/genglossary/genglossary/internal/engine"
)

// Main loads the builtin engine's IPA dictionary, then runs the tests and
// exits. Call it from TestMain: the first run of a test binary pays for the
// dictionary (about 9 s under -race on an idle 2-core machine, several
// times that on a loaded one), which made run timeouts measure the
// dictionary instead of the run.
func Main(m *testing.M) {
	if _, err := engine.New(engine.Config{}); err != nil {
		fmt.Fprintln(os.Stderr, "load the builtin engine:", err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}
