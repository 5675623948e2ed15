package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/genglossary/genglossary/internal/bench"
)

const benchUsage = `Usage: genglossary bench [flags]

Measures run throughput and latency, log streaming over SSE, projection
replay and the pipeline, each against the raw limit of the parts beneath it
(JetStream, an ordered consumer, batched SQLite inserts), on one embedded
nats-server in this process, and prints "scenario, ours, raw, ratio".
--small scales every scenario down for CI; the size flags scale it up.

Flags:
`

// runBench runs the benchmark scenarios and prints their table (or JSON).
func runBench(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	var (
		small       = fs.Bool("small", false, "CI sizes: every scenario in seconds (size flags still override)")
		asJSON      = fs.Bool("json", false, "print the rows as JSON")
		scenarios   = fs.String("scenarios", "", "comma-separated scenarios to run: "+strings.Join(bench.Scenarios(), ",")+" (default all)")
		dir         = fs.String("dir", envOr(getenv, "GENGLOSSARY_BENCH_DIR", ""), "scratch `DIR` for the NATS store and SQLite files (default the system temp dir) [GENGLOSSARY_BENCH_DIR]")
		projects    = fs.Int("projects", 0, "throughput: projects, one trivial run each (default 200)")
		runners     = fs.Int("runners", 0, "throughput: runners (default 4)")
		clients     = fs.Int("clients", 0, "throughput: concurrent HTTP clients (default 16)")
		latRuns     = fs.Int("latency-runs", 0, "latency: sequential runs (default 50)")
		roundTrips  = fs.Int("raw-round-trips", 0, "latency: raw sync publishes (default 2000)")
		logLines    = fs.Int("log-lines", 0, "logs: lines of the burst (default 200000)")
		logDeliv    = fs.Int("log-deliveries", 0, "logs: cap of lines x clients per burst (default 1000000)")
		logClients  = fs.String("log-clients", "", "logs: comma-separated SSE client counts (default 1,100,1000)")
		pacedLines  = fs.Int("log-paced-lines", 0, "logs: lines of the paced latency phase (default 2000)")
		logRate     = fs.Int("log-rate", 0, "logs: lines/s of the paced phase (default 1000)")
		projEvents  = fs.Int("projection-events", 0, "projection: events replayed (default 200000; 1000000 on a real machine)")
		corpusMB    = fs.Float64("corpus-mb", 0, "pipeline: generated corpus size in MB (default 4)")
		llmTerms    = fs.Int("llm-terms", 0, "pipeline: terms through the openai provider (default 200)")
		llmLatency  = fs.Duration("llm-latency", 0, "pipeline: fake endpoint latency per call (default 200ms)")
		llmConc     = fs.String("llm-concurrency", "", "pipeline: comma-separated concurrency levels (default 1,4,8)")
		cpuProfile  = fs.String("cpuprofile", "", "write a CPU profile to `FILE`")
		thruProfile = fs.String("throughput-cpuprofile", "", "write a CPU profile of the throughput scenario's timed phase only (no setup, no raw baseline) to `FILE`")
		memProfile  = fs.String("memprofile", "", "write a heap profile to `FILE` at the end")
		traceFile   = fs.String("trace", "", "write an execution trace to `FILE` (go tool trace)")
		logLevel    = fs.String("log-level", "error", "level of the service's own logs on stderr: debug, info, warn or error")
		showProgess = fs.Bool("progress", true, "say on stderr what is being measured")
	)
	if done, err := parseFlags(fs, args, stderr, benchUsage); done || err != nil {
		return err
	}
	var cfg bench.Config
	if *small {
		cfg = bench.Small()
	}
	cfg.Dir = *dir
	cfg.Logger = newLogger(stderr, *logLevel)
	if *showProgess {
		start := time.Now()
		cfg.Progress = func(s string) { fmt.Fprintf(stderr, "[%6.1fs] %s\n", time.Since(start).Seconds(), s) }
	}
	if *scenarios != "" {
		cfg.Scenarios = strings.Split(*scenarios, ",")
	}
	setInt := func(dst *int, v int) {
		if v > 0 {
			*dst = v
		}
	}
	setInt(&cfg.Projects, *projects)
	setInt(&cfg.Runners, *runners)
	setInt(&cfg.Clients, *clients)
	setInt(&cfg.LatencyRuns, *latRuns)
	setInt(&cfg.RawRoundTrips, *roundTrips)
	setInt(&cfg.LogLines, *logLines)
	setInt(&cfg.LogDeliveries, *logDeliv)
	setInt(&cfg.LogPacedLines, *pacedLines)
	setInt(&cfg.LogRate, *logRate)
	setInt(&cfg.ProjectionEvents, *projEvents)
	setInt(&cfg.CorpusBytes, int(*corpusMB*(1<<20)))
	setInt(&cfg.LLMTerms, *llmTerms)
	if *llmLatency > 0 {
		cfg.LLMLatency = *llmLatency
	}
	var err error
	if *logClients != "" {
		if cfg.LogClients, err = intList(*logClients); err != nil {
			fmt.Fprintf(stderr, "genglossary bench: --log-clients: %v\n", err)
			return errUsage
		}
	}
	if *llmConc != "" {
		if cfg.LLMConcurrency, err = intList(*llmConc); err != nil {
			fmt.Fprintf(stderr, "genglossary bench: --llm-concurrency: %v\n", err)
			return errUsage
		}
	}
	if *cpuProfile != "" && *thruProfile != "" {
		fmt.Fprintln(stderr, "genglossary bench: --cpuprofile and --throughput-cpuprofile cannot be used together")
		return errUsage
	}
	if *thruProfile != "" {
		f, err := os.Create(*thruProfile)
		if err != nil {
			return fmt.Errorf("throughput cpu profile: %w", err)
		}
		defer f.Close()
		cfg.ThroughputCPUProfile = f
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	if *traceFile != "" {
		f, err := os.Create(*traceFile)
		if err != nil {
			return fmt.Errorf("trace: %w", err)
		}
		defer f.Close()
		if err := trace.Start(f); err != nil {
			return fmt.Errorf("trace: %w", err)
		}
		defer trace.Stop()
	}
	rows, runErr := bench.Run(ctx, cfg)
	if *memProfile != "" {
		if err := writeHeapProfile(*memProfile); err != nil {
			return err
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(benchReport{Machine: machine(), Rows: rows}); err != nil {
			return fmt.Errorf("write JSON: %w", err)
		}
	} else {
		printBenchTable(stdout, rows)
	}
	return runErr
}

// benchReport is the --json output.
type benchReport struct {
	Machine string         `json:"machine"`
	Rows    []bench.Result `json:"rows"`
}

func machine() string {
	return fmt.Sprintf("%s/%s, %d CPUs (GOMAXPROCS %d), %s", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.Version())
}

func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("heap profile: %w", err)
	}
	defer f.Close()
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		return fmt.Errorf("heap profile: %w", err)
	}
	return nil
}

// printBenchTable prints the rows as an aligned table.
func printBenchTable(w io.Writer, rows []bench.Result) {
	fmt.Fprintf(w, "# %s\n", machine())
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "scenario\tmetric\tours\traw\tratio\tunit\ttarget\t")
	for _, r := range rows {
		ratio, raw := "-", "-"
		if r.Raw != 0 {
			raw, ratio = num(r.Raw), strconv.FormatFloat(r.Ratio, 'f', 3, 64)
		}
		target := ""
		if r.Met != nil {
			target = r.Target + map[bool]string{true: " met", false: " MISSED"}[*r.Met]
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", r.Scenario, r.Metric, num(r.Ours), raw, ratio, r.Unit, target)
	}
	_ = tw.Flush()
	fmt.Fprintln(w)
	for _, r := range rows {
		if r.Note != "" {
			fmt.Fprintf(w, "# %s / %s: %s\n", r.Scenario, r.Metric, r.Note)
		}
	}
}

// num formats a measurement with sensible precision.
func num(v float64) string {
	switch {
	case v >= 1000:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case v >= 10:
		return strconv.FormatFloat(v, 'f', 1, 64)
	default:
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
}

// intList parses "1,100,1000".
func intList(s string) ([]int, error) {
	var out []int
	for _, part := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(part))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%q is not a positive integer", part)
		}
		out = append(out, n)
	}
	return out, nil
}
