package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/genglossary/genglossary/internal/glossary"
)

// scriptEngine is a deterministic in-test engine: the orchestration is what
// these tests exercise; the real engines have their own tests.
type scriptEngine struct {
	cands      []glossary.Term
	failDefine map[string]bool
	block      chan struct{} // Define waits on it (or ctx) when non-nil
	inFlight   atomic.Int32
	maxFlight  atomic.Int32
	defined    atomic.Int32
	issues     []glossary.Issue
	aliases    map[string][]string
}

func (e *scriptEngine) Name() string { return "script" }
func (e *scriptEngine) Extract(ctx context.Context, c *Corpus, progress func(int, int, string)) ([]Candidate, error) {
	for i, d := range c.Docs {
		progress(i+1, len(c.Docs), d.Path)
	}
	return e.cands, nil
}
func (e *scriptEngine) Classify(ctx context.Context, c *Corpus, terms []Candidate) ([]Candidate, error) {
	return terms, nil
}
func (e *scriptEngine) Define(ctx context.Context, c *Corpus, req DefineRequest) (Definition, error) {
	n := e.inFlight.Add(1)
	defer e.inFlight.Add(-1)
	for {
		m := e.maxFlight.Load()
		if n <= m || e.maxFlight.CompareAndSwap(m, n) {
			break
		}
	}
	if e.block != nil {
		select {
		case <-e.block:
		case <-ctx.Done():
			return Definition{}, ctx.Err()
		}
	}
	if e.failDefine[req.Term] {
		return Definition{}, errors.New("engine failure")
	}
	e.defined.Add(1)
	return Definition{Text: "def of " + req.Term + " note=" + req.UserNote, Confidence: 1.5}, nil
}
func (e *scriptEngine) Review(ctx context.Context, c *Corpus, entries []glossary.Entry) ([]glossary.Issue, error) {
	var out []glossary.Issue
	for _, is := range e.issues {
		for _, en := range entries {
			if en.Term == is.Term {
				out = append(out, is)
			}
		}
	}
	return append(out, glossary.Issue{Term: "not-a-term", Type: glossary.Unclear}), nil
}
func (e *scriptEngine) Refine(ctx context.Context, c *Corpus, entry glossary.Entry, issues []glossary.Issue) (Definition, error) {
	return Definition{Text: "refined " + entry.Term, Confidence: 0.5}, nil
}
func (e *scriptEngine) Aliases(ctx context.Context, c *Corpus, entries []glossary.Entry) (map[string][]string, error) {
	return e.aliases, nil
}

func corpus() *Corpus {
	return NewCorpus([]glossary.Document{
		{Path: "a.md", Content: "The Write-Ahead Log (WAL) is a log.\nThe broker uses the WAL.\nqueue"},
		{Path: "b.md", Content: "broker and Write-Ahead Log\nJetStream"},
	})
}

func terms(texts ...string) []glossary.Term {
	var out []glossary.Term
	for _, t := range texts {
		cat := glossary.TechnicalTerm
		if t == "queue" {
			cat = glossary.CommonNoun
		}
		out = append(out, glossary.Term{Text: t, Category: cat})
	}
	return out
}

func TestExtractRules(t *testing.T) {
	t.Parallel()
	// "brokerage" and "message log" are not in the documents: a candidate
	// the text never writes is dropped, a required term is kept.
	e := &scriptEngine{cands: terms("broker", "queue", "WAL", "JetStream", "brokerage", "message log")}
	var progress []Progress
	p := New(e, Options{Progress: func(pr Progress) { progress = append(progress, pr) }})
	res, err := p.Extract(context.Background(), corpus(), TermRules{
		Excluded:   []string{"JetStream"},
		Required:   []string{"message log", "WAL"},
		Notes:      map[string]string{"broker": "the server"},
		Categories: map[string]glossary.Category{"WAL": glossary.Title},
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tm := range res.Terms {
		got = append(got, fmt.Sprintf("%s/%s/%s", tm.Text, tm.Category, tm.UserNote))
	}
	want := []string{"WAL/title/", "broker/technical_term/the server", "message log/technical_term/"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("terms = %v, want %v", got, want)
	}
	if !reflect.DeepEqual(res.AutoExcluded, []string{"queue"}) {
		t.Errorf("auto excluded = %v", res.AutoExcluded)
	}
	if len(progress) == 0 || progress[0].Step != StepExtract {
		t.Errorf("progress = %v", progress)
	}
}

// skippingEngine leaves documents unread, as the builtin engine leaves pages
// in other languages.
type skippingEngine struct {
	scriptEngine
	skipped []Skipped
}

func (e *skippingEngine) Skipped(*Corpus) []Skipped { return e.skipped }

func TestExtractLogsSkippedDocuments(t *testing.T) {
	t.Parallel()
	e := &skippingEngine{scriptEngine: scriptEngine{cands: terms("broker")}, skipped: []Skipped{
		{Document: "a.pt.md", Reason: "written in Portuguese"},
		{Document: "b.zh.md", Reason: "written in Chinese"},
		{Document: "c.pt.md", Reason: "written in Portuguese"},
	}}
	var log strings.Builder
	p := New(e, Options{Logger: slog.New(slog.NewTextHandler(&log, nil))})
	if _, err := p.Extract(context.Background(), corpus(), TermRules{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	var got []string
	for _, l := range lines {
		if strings.Contains(l, "documents not read") {
			_, msg, _ := strings.Cut(l, "msg=")
			got = append(got, msg)
		}
	}
	want := []string{
		`"documents not read: written in Portuguese" count=2 first="[a.pt.md c.pt.md]"`,
		`"documents not read: written in Chinese" count=1 first=[b.zh.md]`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("log lines =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestExtractProgressFillsOnce checks that extract's progress (documents,
// then classify batches) keeps one total, never goes back and ends at it, so a
// progress bar does not restart halfway through the step.
func TestExtractProgressFillsOnce(t *testing.T) {
	t.Parallel()
	var names []string
	for i := range 2*ClassifyBatch + 3 {
		names = append(names, fmt.Sprintf("term%02d", i))
	}
	e := &scriptEngine{cands: terms(names...)}
	var progress []Progress
	p := New(e, Options{Progress: func(pr Progress) { progress = append(progress, pr) }})
	c := NewCorpus([]glossary.Document{{Path: "a.md", Content: strings.Join(names, "\n")}, {Path: "b.md", Content: "no terms"}})
	if _, err := p.Extract(context.Background(), c, TermRules{}); err != nil {
		t.Fatal(err)
	}
	docs, batches := len(c.Docs), 3
	if len(progress) != docs+batches {
		t.Fatalf("%d reports, want %d (one per document and batch): %+v", len(progress), docs+batches, progress)
	}
	for i, pr := range progress {
		if pr.Step != StepExtract || pr.Total != 2*docs {
			t.Errorf("report %d = %+v, want step extract of %d units", i, pr, 2*docs)
		}
		if i > 0 && pr.Current < progress[i-1].Current {
			t.Errorf("report %d = %+v goes back from %+v", i, pr, progress[i-1])
		}
	}
	if last := progress[len(progress)-1]; last.Current != last.Total {
		t.Errorf("last report = %+v, want done", last)
	}
}

func TestProvisionalConcurrencyFailuresAndSynonyms(t *testing.T) {
	t.Parallel()
	e := &scriptEngine{failDefine: map[string]bool{"queue": true}}
	var mu sync.Mutex
	var last Progress
	p := New(e, Options{Concurrency: 2, Progress: func(pr Progress) { mu.Lock(); last = pr; mu.Unlock() }})
	ts := terms("broker", "queue", "Write-Ahead Log", "WAL", "t1", "t2", "t3", "t4")
	ts[0].UserNote = "n1"
	out, err := p.Provisional(context.Background(), corpus(), ts, Synonyms{"Write-Ahead Log": {"WAL"}})
	if err != nil {
		t.Fatal(err)
	}
	if e.maxFlight.Load() > 2 {
		t.Errorf("max in flight = %d, want <= 2", e.maxFlight.Load())
	}
	var names []string
	for _, en := range out {
		names = append(names, en.Term)
		if en.Confidence != 1 {
			t.Errorf("%s confidence %v not clamped", en.Term, en.Confidence)
		}
	}
	if want := []string{"broker", "t1", "t2", "t3", "t4", "Write-Ahead Log"}; !reflect.DeepEqual(names, want) {
		t.Errorf("entries = %v, want %v", names, want)
	}
	if !strings.Contains(out[0].Definition, "note=n1") {
		t.Errorf("user note not passed: %q", out[0].Definition)
	}
	wal := out[len(out)-1]
	if !reflect.DeepEqual(wal.Aliases, []string{"WAL"}) || len(wal.Occurrences) != 3 {
		t.Errorf("synonym entry = %+v", wal)
	}
	if last.Current != 7 || last.Total != 7 {
		t.Errorf("last progress = %+v, want 7/7", last)
	}

	allFail := &scriptEngine{failDefine: map[string]bool{"a": true, "b": true}}
	if _, err := New(allFail, Options{}).Provisional(context.Background(), corpus(), terms("a", "b"), nil); !errors.Is(err, ErrAllFailed) {
		t.Errorf("all failing: err = %v, want ErrAllFailed", err)
	}
}

func TestProvisionalCancelReturnsPartial(t *testing.T) {
	t.Parallel()
	e := &scriptEngine{block: make(chan struct{})}
	ctx, cancel := context.WithCancel(context.Background())
	done := 0
	p := New(e, Options{Concurrency: 1, Progress: func(pr Progress) {
		done = pr.Current
		if pr.Current == 2 {
			cancel()
		}
	}})
	go func() {
		e.block <- struct{}{}
		e.block <- struct{}{}
	}()
	out, err := p.Provisional(ctx, corpus(), terms("a", "b", "c", "d"), nil)
	if !errors.Is(err, ErrCancelled) || !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want ErrCancelled and context.Canceled", err)
	}
	if len(out) != 2 || done != 2 {
		t.Errorf("partial = %d entries (progress %d), want 2", len(out), done)
	}
	if !strings.Contains(err.Error(), "cancelled after 2 of 4") {
		t.Errorf("err = %q", err)
	}
}

func TestRunFullAndRefine(t *testing.T) {
	t.Parallel()
	e := &scriptEngine{
		cands: terms("broker", "WAL", "Write-Ahead Log", "JetStream"),
		issues: []glossary.Issue{
			{Term: "JetStream", Type: glossary.Unnecessary, ShouldExclude: true, ExclusionReason: "product name"},
			{Term: "broker", Type: glossary.Unclear, Description: "vague"},
		},
		aliases: map[string][]string{"Write-Ahead Log": {"WAL"}},
	}
	var steps []Step
	st := &State{}
	err := New(e, Options{}).Run(context.Background(), corpus(), st, ScopeFull.Steps(), func(s Step, _ *State, partial bool) error {
		steps = append(steps, s)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(steps, ScopeFull.Steps()) {
		t.Errorf("steps = %v", steps)
	}
	if len(st.Issues) != 2 {
		t.Errorf("issues = %+v (issue for an unknown term must be dropped)", st.Issues)
	}
	var got []string
	for _, en := range st.Refined {
		got = append(got, en.Term+"|"+en.Definition+"|"+strings.Join(en.Aliases, ","))
	}
	want := []string{"broker|refined broker|", "Write-Ahead Log|def of Write-Ahead Log note=|WAL"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("refined = %v, want %v", got, want)
	}
}

func TestPrerequisites(t *testing.T) {
	t.Parallel()
	p := New(&scriptEngine{}, Options{})
	for _, sc := range []Scope{ScopeProvisional, ScopeFromTerms, ScopeIssues, ScopeRefined, ScopeFromProvisional} {
		st := &State{Provisional: nil}
		err := p.Run(context.Background(), corpus(), st, sc.Steps(), nil)
		if !errors.Is(err, ErrMissingPrerequisite) {
			t.Errorf("%s on empty state: err = %v, want ErrMissingPrerequisite", sc, err)
		}
	}
}

func TestParseScope(t *testing.T) {
	t.Parallel()
	tests := map[string]Scope{"full": ScopeFull, " From_Terms ": ScopeFromTerms, "generate": ScopeProvisional, "review": ScopeIssues, "refine": ScopeRefined, "extract": ScopeExtract}
	for in, want := range tests {
		if got, err := ParseScope(in); err != nil || got != want {
			t.Errorf("ParseScope(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseScope("everything"); !errors.Is(err, ErrUnknownScope) {
		t.Errorf("err = %v", err)
	}
}

// panicEngine panics in Define for one term.
type panicEngine struct{ scriptEngine }

func (e *panicEngine) Define(ctx context.Context, c *Corpus, req DefineRequest) (Definition, error) {
	if req.Term == "boom" {
		panic("index out of range")
	}
	return e.scriptEngine.Define(ctx, c, req)
}

// extractPanicEngine panics in Extract, which Run calls on its own
// goroutine.
type extractPanicEngine struct{ scriptEngine }

func (e *extractPanicEngine) Extract(context.Context, *Corpus, func(int, int, string)) ([]Candidate, error) {
	var units []int
	return nil, fmt.Errorf("unreachable %d", units[1])
}

func TestPanicInRunBecomesAnError(t *testing.T) {
	t.Parallel()
	st := &State{}
	err := New(&extractPanicEngine{}, Options{}).Run(context.Background(), corpus(), st, ScopeFull.Steps(), nil)
	if !errors.Is(err, ErrPanic) || !strings.HasPrefix(err.Error(), "extract: ") || !strings.Contains(err.Error(), "index out of range") {
		t.Fatalf("err = %v, want ErrPanic naming the step and the panic", err)
	}
	if len(st.Terms) != 0 {
		t.Errorf("state changed: %+v", st)
	}
}

func TestPanicInWorkerBecomesAnError(t *testing.T) {
	t.Parallel()
	_, err := New(&panicEngine{}, Options{Concurrency: 1}).Provisional(context.Background(), corpus(), terms("a", "boom", "c"), nil)
	if !errors.Is(err, ErrPanic) || !strings.Contains(err.Error(), `"boom"`) {
		t.Fatalf("err = %v, want ErrPanic naming the term", err)
	}
}

// TestMergeAliasesKeepsRestatements: an alias's better definition replaces
// the primary's, unless it only names the primary ("Short for ...",
// 「…の略。」), which explains the alias, not the primary.
func TestMergeAliasesKeepsRestatements(t *testing.T) {
	t.Parallel()
	tests := []struct {
		primary, alias, primaryDef, aliasDef string
		adopt                                bool
	}{
		{"Cloud Native Computing Foundation", "CNCF", "Used in: \"NATS is part of the Cloud Native Computing Foundation.\"", "Short for Cloud Native Computing Foundation.", false},
		{"継続的インテグレーション", "CI", "文中の用例: 「継続的インテグレーションで毎晩検証する。」", "継続的インテグレーションの略。", false},
		{"Write-Ahead Log", "WAL", "Used in: \"Replay the Write-Ahead Log.\"", "The WAL (Write-Ahead Log) records every change before it is applied.", true},
		{"有向非巡回グラフ", "DAG", "文中の用例: 「有向非巡回グラフを描く。」", "DAG（有向非巡回グラフ）は、タスクの依存関係を表す構造である。", true},
		// Another name of the primary, with more said around it.
		{"ledger", "daybook", "Used in: \"Close the ledger.\"", "In older branch offices, daybook is a synonym for ledger.", false},
		{"ledger", "journal", "Used in: \"Close the ledger.\"", "The journal of each branch office is the same as ledger pages.", true},
	}
	for _, tc := range tests {
		entries := []glossary.Entry{
			{Term: tc.primary, Definition: tc.primaryDef, Confidence: 0.2},
			{Term: tc.alias, Definition: tc.aliasDef, Confidence: 0.6},
		}
		out := mergeAliases(entries, map[string][]string{tc.primary: {tc.alias}})
		if len(out) != 1 || !reflect.DeepEqual(out[0].Aliases, []string{tc.alias}) {
			t.Fatalf("%s: merged %+v", tc.primary, out)
		}
		want := tc.primaryDef
		if tc.adopt {
			want = tc.aliasDef
		}
		if out[0].Definition != want {
			t.Errorf("%s: definition %q, want %q", tc.primary, out[0].Definition, want)
		}
	}
}

// An alias that is not an entry (a name the glossary gives, or an entry
// the review left out) joins the primary's names; nothing else changes.
func TestMergeAliasesNamesNotEntries(t *testing.T) {
	t.Parallel()
	entries := []glossary.Entry{
		{Term: "tuple", Definition: "A collection of attributes in a fixed order.", Confidence: 0.7, Aliases: []string{"record"}},
		{Term: "heap", Definition: "Where rows are stored.", Confidence: 0.7},
	}
	out := mergeAliases(entries, map[string][]string{"tuple": {"heap", "record", "row"}, "gone": {"x"}})
	want := []glossary.Entry{
		{Term: "tuple", Definition: "A collection of attributes in a fixed order.", Confidence: 0.7, Aliases: []string{"record", "heap", "row"}},
	}
	if !reflect.DeepEqual(out, want) {
		t.Errorf("merged\n%+v\nwant\n%+v", out, want)
	}
}

// TestNewCorpusReadsReStructuredTextInTxt: a .txt file written in
// reStructuredText or AsciiDoc reads as one (a literal block and a
// directive are no prose, roles are code, titles are headings); a plain
// .txt file stays as it is. The texts are written for this test.
func TestNewCorpusReadsReStructuredTextInTxt(t *testing.T) {
	t.Parallel()
	rstText := "Quays\n=====\n\nSet the berth like this::\n\n  [quay]\n  berth = 4\n\nSee :hg:`help quay`.\n\n.. note::\n\n   Tides vary.\n"
	plain := "Quays\n=====\n\nSet the berth like this::\n\n  [quay]\n"
	placeholder := "Run quay moor <berth>, where <berth> is a number; 2<3; map \\<Home>.\n"
	adoc := "quay-moor(1)\n============\n\nNAME\n----\nquay-moor - Moor a ship, see linkgit:quay-berth[1]\n\n--berth::\n\tThe berth to use.\n"
	c := NewCorpus([]glossary.Document{{Path: "help/quay.txt", Content: rstText}, {Path: "notes.txt", Content: plain}, {Path: "quay-moor.txt", Content: adoc},
		{Path: "usage.txt", Content: placeholder}, {Path: "doc/README.Debian", Content: placeholder}})
	got := c.Docs[0].Content
	if strings.Contains(got, "berth = 4") || !strings.Contains(got, "`help quay`") || !strings.Contains(got, "# Quays") {
		t.Errorf("reStructuredText in .txt read as:\n%s", got)
	}
	if strings.Count(got, "\n") != strings.Count(rstText, "\n") {
		t.Errorf("line count changed")
	}
	if c.Docs[1].Content != plain {
		t.Errorf("plain .txt changed:\n%s", c.Docs[1].Content)
	}
	// A placeholder in plain text is text, not a tag to drop.
	// So is one in a README with a suffix (README.Debian): plain text too.
	for _, d := range c.Docs[3:] {
		if got, want := d.Content, "Run quay moor \\<berth>, where \\<berth> is a number; 2<3; map \\<Home>.\n"; got != want {
			t.Errorf("%s: plain text with placeholders = %q, want %q", d.Path, got, want)
		}
	}
	// AsciiDoc in .txt (Git's documentation) reads as AsciiDoc: its titles
	// are headings, its description list a list.
	if got := c.Docs[2].Content; !strings.Contains(got, "## NAME") || !strings.Contains(got, "- --berth:") || !strings.Contains(got, "`quay-berth(1)`") {
		t.Errorf("AsciiDoc in .txt read as:\n%s", got)
	}
}

// TestProvisionalPluralTermIsNotAnOccurrence: extraction keeps "attrs" (a
// package) apart from "attr" (its namespace); attr's entry then lists only
// the lines that use attr itself, not every line naming the package. When
// the two are one synonym group, both spellings count.
func TestProvisionalPluralTermIsNotAnOccurrence(t *testing.T) {
	t.Parallel()
	c := NewCorpus([]glossary.Document{{Path: "a.md", Content: "attrs is a package.\nimport attr\nattrs and attr.s\nUse attrs."}})
	lines := func(en glossary.Entry) []int {
		var out []int
		for _, o := range en.Occurrences {
			out = append(out, o.Line)
		}
		return out
	}
	out, err := New(&scriptEngine{}, Options{}).Provisional(context.Background(), c, terms("attr", "attrs"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 2 || out[0].Term != "attr" || !reflect.DeepEqual(lines(out[0]), []int{2, 3}) || !reflect.DeepEqual(lines(out[1]), []int{1, 3, 4}) {
		t.Errorf("entries = %+v, want attr on lines 2 and 3, attrs on 1, 3 and 4", out)
	}
	out, err = New(&scriptEngine{}, Options{}).Provisional(context.Background(), c, terms("attr", "attrs"), Synonyms{"attr": {"attrs"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 1 || !reflect.DeepEqual(lines(out[0]), []int{1, 2, 3, 4}) {
		t.Errorf("synonym group entries = %+v, want one entry on lines 1-4", out)
	}
}

func TestPluralTerms(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		terms []string
		syn   Synonyms
		want  map[string][]string
	}{
		{[]string{"attr", "attrs", "class", "classes", "property", "properties", "API", "APIs"},
			nil, map[string][]string{"attr": {"attrs"}, "class": {"classes"}, "property": {"properties"}, "API": {"APIs"}}},
		{[]string{"API", "apis"}, nil, nil},
		{[]string{"attr", "attrs"}, Synonyms{"attr": {"attrs"}}, nil},
		{[]string{"attribute", "attr", "attrs"}, Synonyms{"attribute": {"attr"}}, map[string][]string{"attribute": {"attrs"}}},
		{[]string{"broker", "message broker"}, nil, nil},
	} {
		if got := pluralTerms(terms(tt.terms...), tt.syn); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("pluralTerms(%q, %v) = %v, want %v", tt.terms, tt.syn, got, tt.want)
		}
	}
}
