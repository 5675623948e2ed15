package enginetest

import "testing"

func TestFuzzing(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{nil, false},
		{[]string{"-test.run=^TestX$", "-test.v"}, false},
		{[]string{"-test.fuzz=^FuzzParse$", "-test.fuzztime=8s"}, true},
		{[]string{"-test.fuzz="}, false},
		{[]string{"--test.fuzzworker"}, true},
		{[]string{"-test.paniconexit0", "-test.fuzzworker", "-test.timeout=10m0s"}, true},
		{[]string{"-test.fuzzworker=false"}, false},
		{[]string{"-test.fuzzcachedir=/tmp/x"}, false},
	} {
		if got := fuzzing(tc.args); got != tc.want {
			t.Errorf("fuzzing(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}
