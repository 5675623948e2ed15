// Package enginetest holds test setup shared by the packages whose tests run
// the builtin engine.
package enginetest

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/genglossary/genglossary/internal/engine"
)

// Main loads the builtin engine's IPA dictionary, then runs the tests and
// exits. Call it from TestMain: the first run of a test binary pays for the
// dictionary (about 9 s under -race on an idle 2-core machine, several
// times that on a loaded one), which made run timeouts measure the
// dictionary instead of the run. A fuzzing run (-test.fuzz, and each of
// its worker processes) runs no tests and skips it: every worker paid for
// it again, and a short fuzz run of the API's parser ended with the
// fuzzing engine's deadline before its workers had started.
func Main(m *testing.M) {
	if !fuzzing(os.Args[1:]) {
		if _, err := engine.New(engine.Config{}); err != nil {
			fmt.Fprintln(os.Stderr, "load the builtin engine:", err)
			os.Exit(1)
		}
	}
	os.Exit(m.Run())
}

// fuzzing reports a test binary started to fuzz: by "go test -fuzz" (its
// -test.fuzz flag) or as one of the fuzzing engine's workers
// (-test.fuzzworker).
func fuzzing(args []string) bool {
	for _, a := range args {
		a = strings.TrimPrefix(a, "-")
		if strings.HasPrefix(a, "-") {
			a = a[1:]
		}
		name, value, hasValue := strings.Cut(a, "=")
		switch name {
		case "test.fuzzworker":
			return !hasValue || value != "false"
		case "test.fuzz":
			return hasValue && value != ""
		}
	}
	return false
}
