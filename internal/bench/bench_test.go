package bench_test

import (
	"testing"

	"github.com/genglossary/genglossary/internal/bench"
)

// TestRunSmall runs every scenario with small sizes, so that the benchmark
// command cannot rot: every row is present and sane and no log line is
// lost. Targets are not checked here (CI machines vary).
func TestRunSmall(t *testing.T) {
	cfg := bench.Small()
	cfg.Dir = t.TempDir()
	cfg.Progress = func(s string) { t.Log(s) }
	rows, err := bench.Run(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, r := range rows {
		t.Logf("%-10s %-45s %12.2f %12.2f %8.3f %s", r.Scenario, r.Metric, r.Ours, r.Raw, r.Ratio, r.Unit)
		seen[r.Scenario]++
		switch r.Unit {
		case "lines":
			if r.Ours != 0 || r.Raw != 0 {
				t.Errorf("%s: %s lost %v lines, raw lost %v", r.Scenario, r.Metric, r.Ours, r.Raw)
			}
		default:
			if r.Ours <= 0 {
				t.Errorf("%s: %s = %v, want > 0", r.Scenario, r.Metric, r.Ours)
			}
		}
	}
	for _, s := range bench.Scenarios() {
		if seen[s] == 0 {
			t.Errorf("no rows for scenario %s", s)
		}
	}
}

func TestConfigValidate(t *testing.T) {
	t.Parallel()
	cfg := bench.Small()
	cfg.Scenarios = []string{"nope"}
	if _, err := bench.Run(t.Context(), cfg); err == nil {
		t.Fatal("unknown scenario accepted")
	}
}
