// Command genglossary turns a set of documents into a reviewed glossary.
//
//	genglossary generate -i DIR -o OUT.md|OUT.json   offline CLI run
//	genglossary serve                                 API + GUI + embedded NATS + runner
//	genglossary runner --nats-url URL                 a runner alone, on any host
//	genglossary reproject                             rebuild the SQLite read model
//	genglossary bench                                 benchmarks against the raw limits
//
// Run "genglossary <command> -h" for a command's flags.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	interrupted := ctx.Err() != nil
	stop()
	os.Exit(exitCode(err, interrupted))
}

// errUsage marks errors whose message has already been printed with usage.
var errUsage = errors.New("usage")

// exitCode maps run's result to the process exit status: 0 success, 130 when
// interrupted by a signal (as shells report Ctrl-C), 2 for usage errors, 1
// for anything else.
func exitCode(err error, interrupted bool) int {
	switch {
	case err == nil:
		return 0
	case interrupted:
		return 130
	case errors.Is(err, errUsage):
		return 2
	}
	return 1
}

const usage = `genglossary turns documents into a reviewed glossary.

Usage:
  genglossary generate -i DIR -o OUT.md|OUT.json [flags]   run the pipeline offline
  genglossary serve [flags]                                 API, GUI, embedded NATS and a runner
  genglossary runner --nats-url URL [flags]                 a runner alone, on any host
  genglossary reproject [flags]                             rebuild the read model from the streams
  genglossary bench [flags]                                 measure runs, logs, projection and pipeline against raw limits
  genglossary version

Run "genglossary <command> -h" for the flags of a command.
`

// run is the whole program, testable: args without the program name,
// getenv for configuration, and the standard streams.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	cmd, rest := args[0], args[1:]
	var err error
	switch cmd {
	case "generate":
		err = runGenerate(ctx, rest, getenv, stdout, stderr)
	case "serve":
		err = runServe(ctx, rest, getenv, stdout, stderr)
	case "runner":
		err = runRunner(ctx, rest, getenv, stdout, stderr)
	case "reproject":
		err = runReproject(ctx, rest, getenv, stdout, stderr)
	case "bench":
		err = runBench(ctx, rest, getenv, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "genglossary", version())
		return nil
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprintf(stderr, "genglossary: unknown command %q\n\n%s", cmd, usage)
		return errUsage
	}
	if err != nil && !errors.Is(err, errUsage) {
		fmt.Fprintf(stderr, "genglossary %s: %s\n", cmd, oneLine(err.Error()))
	}
	return err
}

// parseFlags parses args with a usage text printed before the flag list. It
// reports done when -h asked for help (already printed), and returns
// errUsage for bad flags (the flag package printed why).
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer, usage string) (done bool, err error) {
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return true, nil
		}
		return true, errUsage
	}
	return false, nil
}
