package bench_test

import (
	"bytes"
	"compress/gzip"
	"io"
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

// TestLogsManyClients runs the log scenario with more clients than the raw
// baseline has consumers (they share them, some two to a consumer): every
// client of both sides still gets every line.
func TestLogsManyClients(t *testing.T) {
	cfg := bench.Small()
	cfg.Dir = t.TempDir()
	cfg.Scenarios = []string{bench.ScenarioLogs}
	cfg.LogClients = []int{150}
	cfg.LogDeliveries = 150 * 100
	cfg.LogPacedLines = 50
	cfg.Progress = func(s string) { t.Log(s) }
	rows, err := bench.Run(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 {
		t.Fatal("no rows")
	}
	for _, r := range rows {
		t.Logf("%-45s %12.2f %12.2f %s", r.Metric, r.Ours, r.Raw, r.Unit)
		switch r.Unit {
		case "lines":
			if r.Ours != 0 || r.Raw != 0 {
				t.Errorf("%s: lost %v lines, raw lost %v", r.Metric, r.Ours, r.Raw)
			}
		default:
			if r.Ours <= 0 || r.Raw <= 0 {
				t.Errorf("%s = %v, raw %v, want > 0", r.Metric, r.Ours, r.Raw)
			}
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

// TestThroughputCPUProfile: the timed-phase profile of the throughput
// scenario is written, complete, when the scenario ends.
func TestThroughputCPUProfile(t *testing.T) {
	cfg := bench.Small()
	cfg.Dir = t.TempDir()
	cfg.Scenarios = []string{bench.ScenarioThroughput}
	cfg.Projects = 60
	var buf bytes.Buffer
	cfg.ThroughputCPUProfile = &buf
	if _, err := bench.Run(t.Context(), cfg); err != nil {
		t.Fatal(err)
	}
	// A CPU profile is a gzip-compressed protocol buffer; a complete one
	// decompresses without error (StopCPUProfile wrote its end).
	zr, err := gzip.NewReader(&buf)
	if err != nil {
		t.Fatalf("profile is not gzip: %v", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("profile truncated: %v", err)
	}
	if len(raw) == 0 {
		t.Error("empty profile")
	}
}
