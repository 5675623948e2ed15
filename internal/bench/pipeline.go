package bench

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode"

	"github.com/genglossary/genglossary/internal/engine"
	"github.com/genglossary/genglossary/internal/engine/llm"
	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/llmtest"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// runPipeline measures the builtin engine's MB/s per step on a generated
// corpus, against one word-frequency pass over the same bytes, and the
// openai provider against a fake endpoint with cfg.LLMLatency per call:
// calls per term and wall time for cfg.LLMTerms terms at each concurrency,
// against the same number of bare HTTP calls at the same concurrency.
func runPipeline(ctx context.Context, cfg Config) ([]Result, error) {
	docs, size := generateCorpus(cfg.CorpusBytes)
	mb := float64(size) / (1 << 20)
	cfg.Progress(fmt.Sprintf("pipeline: builtin engine on %.1f MB (%d documents)", mb, len(docs)))
	e, err := engine.New(engine.Config{Provider: engine.Builtin})
	if err != nil {
		return nil, err
	}
	p := pipeline.New(e, pipeline.Options{})
	// Warm up on one small document, untimed: the first use in a process
	// loads the Japanese dictionary (seconds), not a per-byte cost.
	warm, _ := generateCorpus(1)
	if err := p.Run(ctx, pipeline.NewCorpus(warm), &pipeline.State{}, []pipeline.Step{pipeline.StepExtract}, nil); err != nil {
		return nil, fmt.Errorf("bench: builtin warm-up: %w", err)
	}
	durations := map[pipeline.Step]time.Duration{}
	last := time.Now()
	st := &pipeline.State{}
	err = p.Run(ctx, pipeline.NewCorpus(docs), st, pipeline.ScopeFull.Steps(), func(step pipeline.Step, _ *pipeline.State, _ bool) error {
		now := time.Now()
		durations[step] = now.Sub(last)
		last = now
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("bench: builtin pipeline: %w", err)
	}
	t0 := time.Now()
	words := wordFrequencies(docs)
	raw := mb / time.Since(t0).Seconds()
	var out []Result
	for _, step := range pipeline.ScopeFull.Steps() {
		out = append(out, row(ScenarioPipeline, "builtin "+string(step)+" MB/s", "MB/s", mb/durations[step].Seconds(), raw,
			fmt.Sprintf("%.1f MB, %d docs, %d terms, %d issues; raw = one word-frequency pass (%d distinct words)", mb, len(docs), len(st.Terms), len(st.Issues), words)))
	}

	for _, c := range cfg.LLMConcurrency {
		cfg.Progress(fmt.Sprintf("pipeline: openai provider, %d terms, concurrency %d, %s per call", cfg.LLMTerms, c, cfg.LLMLatency))
		rows, err := llmRun(ctx, cfg.LLMTerms, c, cfg.LLMLatency)
		if err != nil {
			return out, err
		}
		out = append(out, rows...)
	}
	return out, nil
}

// llmRun runs provisional, issues and refined for terms terms through the
// openai provider at concurrency c against a fake with the given latency.
func llmRun(ctx context.Context, terms, c int, latency time.Duration) ([]Result, error) {
	srv := llmtest.Start(func(r llmtest.Request) llmtest.Reply {
		rep := llmtest.Smart(r)
		rep.Delay = latency
		return rep
	})
	defer srv.Close()
	var lines []string
	st := &pipeline.State{}
	for i := range terms {
		name := fmt.Sprintf("Quill%03d", i)
		st.Terms = append(st.Terms, glossary.Term{Text: name, Category: glossary.TechnicalTerm})
		if i%10 == 9 {
			lines = append(lines, "See also "+name+".") // no definitional context: gets an issue and a refine
		} else {
			lines = append(lines, name+" is the component that stores ledger entries for the shard "+fmt.Sprint(i)+".")
		}
	}
	docs := []glossary.Document{{Path: "guide.md", Content: strings.Join(lines, "\n")}}
	e, err := llm.New(llm.Config{BaseURL: srv.URL(), Model: "bench", APIKey: "sk-bench", Concurrency: c,
		Timeout: 30*time.Second + 10*latency, Candidates: fixedCandidates(st.Terms)})
	if err != nil {
		return nil, err
	}
	p := pipeline.New(e, pipeline.Options{Concurrency: c})
	start := time.Now()
	if err := p.Run(ctx, pipeline.NewCorpus(docs), st, pipeline.ScopeFromTerms.Steps(), nil); err != nil {
		return nil, fmt.Errorf("bench: openai pipeline: %w", err)
	}
	wall := time.Since(start)
	calls := int(e.Calls())

	raw, err := bareCalls(ctx, srv.URL()+"/chat/completions", calls, c)
	if err != nil {
		return nil, err
	}
	note := fmt.Sprintf("%d terms, concurrency %d, %s per call: %d calls (provisional+issues+refined); raw = %d bare HTTP calls to the fake at concurrency %d",
		terms, c, latency, calls, calls, c)
	return []Result{
		row(ScenarioPipeline, fmt.Sprintf("openai c=%d calls/term", c), "calls/term", float64(calls)/float64(terms), 0, "the original made about 1.2 calls/term, sequentially"),
		row(ScenarioPipeline, fmt.Sprintf("openai c=%d wall time", c), "s", wall.Seconds(), raw.Seconds(), note),
	}, nil
}

// bareCalls posts n minimal chat completions to url, c at a time, and
// returns the wall time.
func bareCalls(ctx context.Context, url string, n, c int) (time.Duration, error) {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: c}}
	defer client.CloseIdleConnections()
	body := []byte(`{"model":"bench","messages":[{"role":"user","content":"<term>Quill</term>"}]}`)
	start := time.Now()
	err := parallel(ctx, c, n, func(ctx context.Context, _ int) error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
		if err != nil {
			return fmt.Errorf("bench: request: %w", err)
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err != nil {
			return fmt.Errorf("bench: bare call: %w", err)
		}
		_ = resp.Body.Close()
		return nil
	})
	return time.Since(start), err
}

// fixedCandidates is a candidate source that proposes a fixed list.
type fixedCandidates []glossary.Term

func (f fixedCandidates) Extract(context.Context, []glossary.Document, func(done, total int, doc string)) ([]glossary.Term, error) {
	return f, nil
}

// wordFrequencies counts the distinct words of docs (letters and digits,
// each CJK character its own word) and returns how many there are.
func wordFrequencies(docs []glossary.Document) int {
	freq := make(map[string]int)
	for _, d := range docs {
		start := -1
		for i, r := range d.Content {
			word := unicode.IsLetter(r) || unicode.IsDigit(r)
			if r >= 0x3000 {
				if start >= 0 {
					freq[d.Content[start:i]]++
					start = -1
				}
				if word {
					freq[string(r)]++
				}
				continue
			}
			switch {
			case word && start < 0:
				start = i
			case !word && start >= 0:
				freq[d.Content[start:i]]++
				start = -1
			}
		}
		if start >= 0 {
			freq[d.Content[start:]]++
		}
	}
	return len(freq)
}

// corpusTemplates are documentation-like paragraphs; %d makes names vary
// between documents.
var corpusTemplates = [...]string{
	`# Ledger%[1]d service

The Ledger%[1]d service is a replicated store of account entries. A **write-ahead log (WAL)** is an
append-only file that records every change before it is applied. Each Broker%[1]d node keeps its
own WAL and ships segments to the Archive%[1]d bucket every minute.

## Consumers

A consumer group is a set of readers that share the partitions of a topic. The Quillstream%[1]d
client (QSC) reads entries in order and acknowledges them. Ingrid Solberg designed the offset
protocol in 2019; the high watermark is the last offset replicated to every in-sync replica (ISR).
Compaction removes superseded entries so that the retention policy can keep only the newest value
of each key. Dead Letter Queue (DLQ) topics hold entries that failed processing three times.
`,
	`# ビルド%[1]d システム

ビルドグラフとは、ターゲットとアクションの依存関係を表す有向非巡回グラフ（DAG）である。
アクションキャッシュは、入力のハッシュから出力を引くための表である。佐藤美咲が設計した
サンドボックス%[1]d は、アクションを隔離された環境で実行する仕組みである。

ワークスペースはソースコードとビルド設定を含むディレクトリである。インクリメンタルビルドでは、
変更されたターゲットだけが再構築される。キャッシュキーは入力ファイルとコマンドラインから計算される。
リモート実行サーバー%[1]d は東京と大阪のデータセンターで運用されている。
`,
}

// generateCorpus returns documents of about size bytes in total, English
// and Japanese, each a few KB, with names that vary between documents.
func generateCorpus(size int) ([]glossary.Document, int) {
	var docs []glossary.Document
	total := 0
	var b strings.Builder
	for i := 0; total < size; i++ {
		b.Reset()
		tpl := corpusTemplates[i%len(corpusTemplates)]
		for j := range 8 {
			fmt.Fprintf(&b, tpl, i*8+j%5)
			b.WriteString("\n")
		}
		content := b.String()
		docs = append(docs, glossary.Document{Path: fmt.Sprintf("doc%05d.md", i), Content: content})
		total += len(content)
	}
	return docs, total
}
