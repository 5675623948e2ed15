package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/natsembed"
	"github.com/genglossary/genglossary/projections"
	"github.com/genglossary/genglossary/services/runner"
)

func runRunner(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("runner", flag.ContinueOnError)
	var (
		slots     = fs.Int("concurrency", envInt(getenv, "GENGLOSSARY_RUNNER_CONCURRENCY", 1), "runs executed at once [GENGLOSSARY_RUNNER_CONCURRENCY]")
		llmConc   = fs.Int("llm-concurrency", envInt(getenv, "GENGLOSSARY_CONCURRENCY", 4), "parallel LLM calls per run [GENGLOSSARY_CONCURRENCY]")
		apiKeyEnv = fs.String("api-key-env", "OPENAI_API_KEY", "environment `VARIABLE` holding the LLM API key")
		id        = fs.String("id", getenv("GENGLOSSARY_RUNNER_ID"), "runner id shown in run records (default: host name and a random suffix) [GENGLOSSARY_RUNNER_ID]")
		logLevel  = fs.String("log-level", envOr(getenv, "GENGLOSSARY_LOG_LEVEL", "info"), "debug, info, warn or error [GENGLOSSARY_LOG_LEVEL]")
		nf        = addNATSFlags(fs, getenv)
		rl        = addRunLimitFlags(fs, getenv)
	)
	if done, err := parseFlags(fs, args, stderr, "Usage: genglossary runner --nats-url URL [flags]\n\nExecutes runs from the shared runners consumer; start as many as you like, on any host.\n\nFlags:\n"); done || err != nil {
		return err
	}
	if *nf.url == "" {
		fmt.Fprintln(stderr, "genglossary runner: --nats-url (or GENGLOSSARY_NATS_URL) is required")
		return errUsage
	}
	log := newLogger(stderr, *logLevel)
	nc, err := nf.connectExternal(ctx, log, "genglossary-runner")
	if err != nil {
		return err
	}
	defer nc.Drain()
	js, err := jetstream.New(nc)
	if err != nil {
		return fmt.Errorf("jetstream: %w", err)
	}
	if err := events.Setup(ctx, js, nf.setup()); err != nil {
		return fmt.Errorf("set up streams: %w", err)
	}
	engines, secrets := runnerEngines(getenv, *apiKeyEnv, *llmConc, log)
	r, err := runner.New(runner.Config{
		JS: js, NC: nc, ID: *id, Concurrency: *slots, Logger: log,
		Engine: engines, Secrets: secrets, MaxAttempts: *nf.maxAttempts,
		MaxLogLine: *rl.maxLogLine, MaxRunDuration: *rl.maxRunDuration,
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "GenGlossary runner connected to %s with %d slot(s)\n", nc.ConnectedUrlRedacted(), *slots)
	if err := r.Run(ctx); err != nil && ctx.Err() == nil {
		return err
	}
	return nil
}

func runReproject(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("reproject", flag.ContinueOnError)
	var (
		dataDir  = fs.String("data-dir", envOr(getenv, "GENGLOSSARY_DATA_DIR", "./data"), "data directory of serve [GENGLOSSARY_DATA_DIR]")
		db       = fs.String("db", "", "read model `FILE` to rebuild (default DATA_DIR/genglossary.db)")
		logLevel = fs.String("log-level", envOr(getenv, "GENGLOSSARY_LOG_LEVEL", "info"), "debug, info, warn or error")
		nf       = addNATSFlags(fs, getenv)
	)
	if done, err := parseFlags(fs, args, stderr, "Usage: genglossary reproject [flags]\n\nRebuilds the SQLite read model from the event streams (stop serve first when it uses the embedded server).\n\nFlags:\n"); done || err != nil {
		return err
	}
	log := newLogger(stderr, *logLevel)
	path := *db
	if path == "" {
		path = filepath.Join(*dataDir, "genglossary.db")
	}
	var nc *nats.Conn
	if *nf.url != "" {
		c, err := nf.connectExternal(ctx, log, "genglossary-reproject")
		if err != nil {
			return err
		}
		nc = c
	} else {
		if _, err := os.Stat(filepath.Join(*dataDir, "nats")); err != nil {
			return fmt.Errorf("no embedded NATS store in --data-dir %s", *dataDir)
		}
		srv, err := natsembed.Start(ctx, natsembed.Config{StoreDir: filepath.Join(*dataDir, "nats")})
		if err != nil {
			return fmt.Errorf("start embedded NATS (is serve still running on this data dir?): %w", err)
		}
		defer srv.Shutdown(context.Background())
		if nc, err = srv.Connect(); err != nil {
			return err
		}
	}
	defer nc.Drain()
	js, err := jetstream.New(nc)
	if err != nil {
		return err
	}
	if err := projections.Reproject(ctx, path, js, log); err != nil {
		return fmt.Errorf("reproject: %w", err)
	}
	fmt.Fprintf(stdout, "rebuilt %s from the event streams\n", path)
	return nil
}
