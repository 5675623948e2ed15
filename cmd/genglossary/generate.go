package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/genglossary/genglossary/internal/document"
	"github.com/genglossary/genglossary/internal/engine"
	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

func runGenerate(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("generate", flag.ContinueOnError)
	var (
		in          = fs.String("i", "", "input `DIR` of documents: .md, .markdown, .mdx, .rst, .rest, .adoc, .asciidoc, .html, .htm, .txt, and README, INSTALL, NEWS and the like without an extension or with a suffix such as README.Debian (required)")
		out         = fs.String("o", "", "output `FILE`: .md for Markdown, .json for JSON (required)")
		llm         = llmFlags(fs, getenv)
		excludeFile = fs.String("exclude", "", "`FILE` of terms to exclude, one per line (# starts a comment)")
		requireFile = fs.String("require", "", "`FILE` of terms always kept, one per line")
		maxTerms    = fs.Int("max-terms", 0, "keep at most `N` extracted terms (0: the engine's default)")
		maxFile     = fs.Int64("max-file-bytes", int64(envInt(getenv, "GENGLOSSARY_MAX_FILE_BYTES", document.DefaultMaxFileSize)), "largest document read, in `bytes` (an HTML page counts as its HTML) [GENGLOSSARY_MAX_FILE_BYTES]")
		maxFiles    = fs.Int("max-files", envInt(getenv, "GENGLOSSARY_MAX_FILES", document.DefaultMaxFiles), "most documents read [GENGLOSSARY_MAX_FILES]")
		verbose     = fs.Bool("v", false, "log engine warnings (failed terms, retries) to stderr")
	)
	fs.StringVar(in, "input", "", "same as -i")
	fs.StringVar(out, "output", "", "same as -o")
	if done, err := parseFlags(fs, args, stderr, "Usage: genglossary generate -i DIR -o OUT.md|OUT.json [flags]\n\nFlags:\n"); done || err != nil {
		return err
	}
	if *in == "" || *out == "" {
		fmt.Fprintln(stderr, "genglossary generate: -i DIR and -o FILE are required")
		fs.Usage()
		return errUsage
	}
	format, err := glossary.FormatFromPath(*out)
	if err != nil {
		return err
	}
	if *maxFile < 1 || *maxFiles < 1 {
		return fmt.Errorf("--max-file-bytes and --max-files must be at least 1, got %d and %d", *maxFile, *maxFiles)
	}
	rules := pipeline.TermRules{}
	if rules.Excluded, err = readTermFile(*excludeFile); err != nil {
		return err
	}
	if rules.Required, err = readTermFile(*requireFile); err != nil {
		return err
	}

	start := time.Now()
	docs, problems, err := document.LoadDir(*in, document.Limits{MaxFileSize: *maxFile, MaxFiles: *maxFiles})
	if err != nil {
		if errors.Is(err, document.ErrTooMany) {
			return fmt.Errorf("%w (raise --max-files)", err)
		}
		return err
	}
	var otherTypes, redirects, generated []string
	skipped := 0
	for _, p := range problems {
		switch {
		case errors.Is(p.Err, document.ErrUnsupportedType):
			otherTypes = append(otherTypes, p.Path)
			continue
		case errors.Is(p.Err, document.ErrRedirect):
			redirects = append(redirects, p.Path)
			continue
		case errors.Is(p.Err, document.ErrGenerated):
			generated = append(generated, p.Path)
			continue
		case errors.Is(p.Err, document.ErrTooLarge):
			fmt.Fprintf(stderr, "skipped %s (raise --max-file-bytes)\n", p)
		default:
			fmt.Fprintf(stderr, "skipped %s\n", p)
		}
		skipped++
	}
	if len(otherTypes) > 0 {
		// One line, not one per image: a site has many.
		fmt.Fprintf(stderr, "not read: %s (%s)\n", count(len(otherTypes), "file of another type", "files of other types"), sampleNames(otherTypes, 5))
	}
	if len(redirects) > 0 {
		// A Texinfo manual has one per node name.
		fmt.Fprintf(stderr, "not read: %s (%s)\n", count(len(redirects), "page that only redirects to another", "pages that only redirect to another"), sampleNames(redirects, 5))
	}
	if len(generated) > 0 {
		// A Sphinx site's genindex.html, py-modindex.html, search.html.
		fmt.Fprintf(stderr, "not read: %s (%s)\n", count(len(generated), "generated index or search page", "generated index and search pages"), sampleNames(generated, 5))
	}
	if len(docs) == 0 {
		return fmt.Errorf("no usable documents (%s) in %s (%d refused, %d of other types, %d redirects)", strings.Join(document.Extensions(), ", "), *in, skipped, len(otherTypes), len(redirects))
	}

	logLevel := slog.LevelError
	if *verbose {
		logLevel = slog.LevelInfo
	}
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: logLevel}))
	cfg := llm.config(logger)
	cfg.MaxTerms = *maxTerms
	eng, err := engine.New(cfg)
	if err != nil {
		return err
	}
	bar := newProgressPrinter(stderr, isTerminal(stderr))
	p := pipeline.New(eng, pipeline.Options{Concurrency: cfg.Concurrency, Progress: bar.report, Logger: logger})
	corpus := pipeline.NewCorpus(docs)
	var unread []pipeline.Skipped
	if s, ok := eng.(pipeline.Skipper); ok {
		unread = s.Skipped(corpus)
	}
	for _, u := range unread {
		fmt.Fprintf(stderr, "not read %s: %s\n", u.Document, u.Reason)
	}
	st := &pipeline.State{Rules: rules}
	runErr := p.Run(ctx, corpus, st, pipeline.ScopeFull.Steps(), nil)
	bar.finish()
	if runErr != nil {
		return runErr
	}
	if err := writeFileAtomic(*out, func(w io.Writer) error { return glossary.Write(w, st.Glossary(), format) }); err != nil {
		return err
	}
	notRead := ""
	if len(unread) > 0 {
		notRead = fmt.Sprintf(", %d not read", len(unread))
	}
	fmt.Fprintf(stdout, "wrote %s: %d documents (%d skipped%s), %d terms, %d issues, %s with %s\n",
		*out, len(docs), skipped, notRead, len(st.Refined), len(st.Issues), time.Since(start).Round(time.Millisecond), eng.Name())
	return nil
}

// llmSettings are the engine flags shared by generate and runner.
type llmSettings struct {
	provider, model, baseURL, apiKeyEnv *string
	concurrency                         *int
	getenv                              func(string) string
}

func llmFlags(fs *flag.FlagSet, getenv func(string) string) *llmSettings {
	return &llmSettings{
		provider:    fs.String("provider", envOr(getenv, "GENGLOSSARY_PROVIDER", "builtin"), "engine: builtin (offline) or openai (any OpenAI-compatible endpoint) [GENGLOSSARY_PROVIDER]"),
		model:       fs.String("model", getenv("GENGLOSSARY_MODEL"), "LLM model name for the openai provider [GENGLOSSARY_MODEL]"),
		baseURL:     fs.String("base-url", envOr(getenv, "GENGLOSSARY_BASE_URL", engine.DefaultBaseURL), "OpenAI-compatible base URL, e.g. http://localhost:11434/v1 for Ollama [GENGLOSSARY_BASE_URL]"),
		apiKeyEnv:   fs.String("api-key-env", "OPENAI_API_KEY", "name of the environment `VARIABLE` holding the API key (keys are never taken as flags)"),
		concurrency: fs.Int("concurrency", envInt(getenv, "GENGLOSSARY_CONCURRENCY", 4), "parallel LLM calls [GENGLOSSARY_CONCURRENCY]"),
		getenv:      getenv,
	}
}

func (s *llmSettings) config(logger *slog.Logger) engine.Config {
	return engine.Config{
		Provider:    *s.provider,
		Model:       *s.model,
		BaseURL:     *s.baseURL,
		APIKey:      s.getenv(*s.apiKeyEnv),
		Concurrency: *s.concurrency,
		Logger:      logger,
	}
}

func envOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

func envInt(getenv func(string) string, key string, def int) int {
	if v, err := strconv.Atoi(getenv(key)); err == nil {
		return v
	}
	return def
}

// readTermFile reads one term per line; blank lines and # comments are
// skipped. An empty name means no file.
func readTermFile(name string) ([]string, error) {
	if name == "" {
		return nil, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("read term list: %w", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read term list %s: %w", filepath.Base(name), err)
	}
	return out, nil
}

// writeFileAtomic writes through a temporary file in the same directory and
// renames it into place, so an interrupted run never leaves a half-written
// output file.
func writeFileAtomic(name string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(name)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(name)+".tmp-*")
	if err != nil {
		return fmt.Errorf("create output: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriter(tmp)
	if err = write(bw); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	if err = bw.Flush(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	if err = tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	if err = os.Rename(tmp.Name(), name); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progressPrinter draws a bar per step on a terminal and prints plain
// progress lines (at each tenth of a step) otherwise.
type progressPrinter struct {
	mu       sync.Mutex
	w        io.Writer
	tty      bool
	step     pipeline.Step
	lastDraw time.Time
	lastTick int
	open     bool
}

func newProgressPrinter(w io.Writer, tty bool) *progressPrinter {
	return &progressPrinter{w: w, tty: tty}
}

func (p *progressPrinter) report(pr pipeline.Progress) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if pr.Step != p.step {
		if p.open && p.tty {
			fmt.Fprintln(p.w)
		}
		p.step, p.lastTick, p.open = pr.Step, -1, true
		p.lastDraw = time.Time{}
	}
	done := pr.Current >= pr.Total
	if p.tty {
		if !done && time.Since(p.lastDraw) < 80*time.Millisecond {
			return
		}
		p.lastDraw = time.Now()
		const width = 30
		filled := 0
		if pr.Total > 0 {
			filled = width * pr.Current / pr.Total
		}
		term := []rune(pr.Term)
		if len(term) > 30 {
			term = append(term[:29], '…')
		}
		fmt.Fprintf(p.w, "\r\x1b[K%-12s [%s%s] %d/%d %s", pr.Step, strings.Repeat("#", filled), strings.Repeat(".", width-filled), pr.Current, pr.Total, string(term))
		return
	}
	tick := 10
	if pr.Total > 0 {
		tick = 10 * pr.Current / pr.Total
	}
	if tick == p.lastTick {
		return
	}
	p.lastTick = tick
	fmt.Fprintf(p.w, "%s %d/%d\n", pr.Step, pr.Current, pr.Total)
}

func (p *progressPrinter) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.open && p.tty {
		fmt.Fprintln(p.w)
	}
	p.open = false
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// sampleNames lists the first n names, and how many more there are.
func sampleNames(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:n], ", "), len(names)-n)
}

// count writes n with the noun phrase for one or for many.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
