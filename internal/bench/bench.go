package bench

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"
	"time"
)

// ErrInvalidConfig is returned (wrapped) by [Run] for a bad [Config]; the
// message names the field.
var ErrInvalidConfig = errors.New("bench: invalid config")

// Scenario names, as accepted by [Config.Scenarios].
const (
	ScenarioThroughput = "throughput"
	ScenarioLatency    = "latency"
	ScenarioLogs       = "logs"
	ScenarioProjection = "projection"
	ScenarioPipeline   = "pipeline"
)

// Scenarios lists every scenario in the order [Run] runs them.
func Scenarios() []string {
	return []string{ScenarioThroughput, ScenarioLatency, ScenarioLogs, ScenarioProjection, ScenarioPipeline}
}

// Config sizes the scenarios. The zero value means the defaults, which
// suit a 2-core machine in a few minutes; [Small] suits CI and tests.
type Config struct {
	// Scenarios to run, by name; empty means all of [Scenarios].
	Scenarios []string
	// Dir is where the temporary NATS store and SQLite files go. Default:
	// the system temp directory.
	Dir string
	// Logger receives the service's own logs. Default: discard.
	Logger *slog.Logger
	// Progress, when set, receives a line as each measurement starts.
	Progress func(string)

	// Projects is the number of projects (one trivial run each) of the
	// throughput scenario. Default 200.
	Projects int
	// Runners is the number of runners of the throughput scenario.
	// Default 4.
	Runners int
	// Clients is the number of concurrent HTTP clients posting runs in the
	// throughput scenario. Default 16.
	Clients int
	// LatencyRuns is the number of sequential runs of the latency
	// scenario. Default 50.
	LatencyRuns int
	// RawRoundTrips is the number of sync publishes of the latency
	// baseline. Default 2000.
	RawRoundTrips int
	// LogLines is the number of log lines of the log streaming burst.
	// Default 200000.
	LogLines int
	// LogDeliveries caps lines x clients of one burst: with many clients
	// each gets LogDeliveries/clients lines (at most LogLines). Default
	// 1000000 (100 clients get 10000 lines each).
	LogDeliveries int
	// LogClients are the SSE client counts of the log scenario. Default
	// 1, 100, 1000.
	LogClients []int
	// LogPacedLines and LogRate shape the paced phase that measures
	// emit->client latency: LogPacedLines lines at LogRate lines/s.
	// Defaults 2000 and 1000.
	LogPacedLines int
	LogRate       int
	// ProjectionEvents is the number of events replayed by the projection
	// scenario. Default 200000 (1000000 on a real machine).
	ProjectionEvents int
	// CorpusBytes is the size of the generated corpus of the pipeline
	// scenario. Default 4 MiB.
	CorpusBytes int
	// LLMTerms is the number of terms defined through the openai provider.
	// Default 200.
	LLMTerms int
	// LLMLatency is the fake endpoint's latency per call. Default 200ms.
	LLMLatency time.Duration
	// LLMConcurrency are the concurrency levels of the openai provider.
	// Default 1, 4, 8.
	LLMConcurrency []int

	// ThroughputCPUProfile, when set, receives a CPU profile of the
	// throughput scenario's timed phase only (from the first POST until
	// every run is completed in the projection): no project setup, no raw
	// baseline. The process must not be profiling already.
	ThroughputCPUProfile io.Writer
}

// Small returns a configuration that runs every scenario in a few seconds,
// for tests and CI.
func Small() Config {
	return Config{
		Projects: 12, Runners: 2, Clients: 4,
		LatencyRuns: 5, RawRoundTrips: 200,
		LogLines: 2000, LogDeliveries: 20000, LogClients: []int{1, 10}, LogPacedLines: 200, LogRate: 2000,
		ProjectionEvents: 5000,
		CorpusBytes:      100 << 10,
		LLMTerms:         20, LLMLatency: 5 * time.Millisecond, LLMConcurrency: []int{1, 4},
	}
}

// WithDefaults returns c with zero fields set to their defaults.
func (c Config) WithDefaults() Config {
	if len(c.Scenarios) == 0 {
		c.Scenarios = Scenarios()
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	if c.Progress == nil {
		c.Progress = func(string) {}
	}
	c.Projects = cmp.Or(c.Projects, 200)
	c.Runners = cmp.Or(c.Runners, 4)
	c.Clients = cmp.Or(c.Clients, 16)
	c.LatencyRuns = cmp.Or(c.LatencyRuns, 50)
	c.RawRoundTrips = cmp.Or(c.RawRoundTrips, 2000)
	c.LogLines = cmp.Or(c.LogLines, 200000)
	c.LogDeliveries = cmp.Or(c.LogDeliveries, 1000000)
	if len(c.LogClients) == 0 {
		c.LogClients = []int{1, 100, 1000}
	}
	c.LogPacedLines = cmp.Or(c.LogPacedLines, 2000)
	c.LogRate = cmp.Or(c.LogRate, 1000)
	c.ProjectionEvents = cmp.Or(c.ProjectionEvents, 200000)
	c.CorpusBytes = cmp.Or(c.CorpusBytes, 4<<20)
	c.LLMTerms = cmp.Or(c.LLMTerms, 200)
	c.LLMLatency = cmp.Or(c.LLMLatency, 200*time.Millisecond)
	if len(c.LLMConcurrency) == 0 {
		c.LLMConcurrency = []int{1, 4, 8}
	}
	return c
}

func (c Config) validate() error {
	for _, s := range c.Scenarios {
		if !slices.Contains(Scenarios(), s) {
			return fmt.Errorf("%w: Scenarios: unknown scenario %q (want %s)", ErrInvalidConfig, s, strings.Join(Scenarios(), ", "))
		}
	}
	positive := map[string]int{
		"Projects": c.Projects, "Runners": c.Runners, "Clients": c.Clients, "LatencyRuns": c.LatencyRuns,
		"RawRoundTrips": c.RawRoundTrips, "LogLines": c.LogLines, "LogDeliveries": c.LogDeliveries, "LogPacedLines": c.LogPacedLines, "LogRate": c.LogRate,
		"ProjectionEvents": c.ProjectionEvents, "CorpusBytes": c.CorpusBytes, "LLMTerms": c.LLMTerms,
	}
	for _, name := range slices.Sorted(mapsKeys(positive)) {
		if positive[name] < 1 {
			return fmt.Errorf("%w: %s must be >= 1, got %d", ErrInvalidConfig, name, positive[name])
		}
	}
	for _, n := range c.LogClients {
		if n < 1 {
			return fmt.Errorf("%w: LogClients must be >= 1, got %d", ErrInvalidConfig, n)
		}
	}
	for _, n := range c.LLMConcurrency {
		if n < 1 {
			return fmt.Errorf("%w: LLMConcurrency must be >= 1, got %d", ErrInvalidConfig, n)
		}
	}
	return nil
}

func mapsKeys(m map[string]int) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// Result is one measured row: our path, the raw baseline beneath it, and
// ours/raw.
type Result struct {
	// Scenario names the scenario ("throughput", ...).
	Scenario string `json:"scenario"`
	// Metric says what was measured, e.g. "runs/s POST->completed".
	Metric string `json:"metric"`
	// Unit of Ours and Raw, e.g. "runs/s", "ms", "lines/s".
	Unit string `json:"unit"`
	// Ours is our path's value.
	Ours float64 `json:"ours"`
	// Raw is the baseline's value; 0 when there is none.
	Raw float64 `json:"raw"`
	// Ratio is Ours/Raw (0 without a baseline). For rates higher is better;
	// for latencies it is how many times the raw round trip ours takes.
	Ratio float64 `json:"ratio"`
	// Target is the goal, e.g. ">= 0.50"; empty when there is none.
	Target string `json:"target,omitempty"`
	// Met reports whether Target is reached; nil without a target.
	Met *bool `json:"met,omitempty"`
	// Note explains the row (what raw is, sizes).
	Note string `json:"note,omitempty"`
}

func row(scenario, metric, unit string, ours, raw float64, note string) Result {
	r := Result{Scenario: scenario, Metric: metric, Unit: unit, Ours: ours, Raw: raw, Note: note}
	if raw != 0 {
		r.Ratio = ours / raw
	}
	return r
}

// atLeast sets a ratio target.
func (r Result) atLeast(min float64) Result {
	r.Target = fmt.Sprintf("ratio >= %.2f", min)
	met := r.Ratio >= min
	r.Met = &met
	return r
}

// below sets a target on Ours.
func (r Result) below(limit float64) Result {
	r.Target = fmt.Sprintf("ours < %g %s", limit, r.Unit)
	met := r.Ours < limit
	r.Met = &met
	return r
}

// equal sets an exact target on Ours.
func (r Result) equal(want float64) Result {
	r.Target = fmt.Sprintf("ours = %g", want)
	met := r.Ours == want
	r.Met = &met
	return r
}

// Run runs the configured scenarios and returns their rows, in order. The
// NATS scenarios share one embedded server; the pipeline scenario needs
// none. It stops at the first failing scenario, returning the rows so far
// with the error.
func Run(ctx context.Context, cfg Config) ([]Result, error) {
	cfg = cfg.WithDefaults()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	var out []Result
	needsNATS := slices.ContainsFunc(cfg.Scenarios, func(s string) bool { return s != ScenarioPipeline })
	var e *env
	if needsNATS {
		dir, cleanup, err := tempDir(cfg.Dir)
		if err != nil {
			return nil, err
		}
		defer cleanup()
		e, err = startEnv(ctx, dir, cfg.Logger)
		if err != nil {
			return nil, err
		}
		defer e.close()
	}
	for _, name := range Scenarios() {
		if !slices.Contains(cfg.Scenarios, name) {
			continue
		}
		var rows []Result
		var err error
		switch name {
		case ScenarioThroughput:
			rows, err = runThroughput(ctx, e, cfg)
		case ScenarioLatency:
			rows, err = runLatency(ctx, e, cfg)
		case ScenarioLogs:
			rows, err = runLogs(ctx, e, cfg)
		case ScenarioProjection:
			rows, err = runProjection(ctx, e, cfg)
		case ScenarioPipeline:
			rows, err = runPipeline(ctx, cfg)
		}
		out = append(out, rows...)
		if err != nil {
			return out, fmt.Errorf("bench: %s: %w", name, err)
		}
	}
	return out, nil
}
