package projectstate_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/natstest"
	"github.com/genglossary/genglossary/internal/projectstate"
)

type bundle struct {
	t   testing.TB
	ctx context.Context
	js  jetstream.JetStream
	pid string
}

func setup(t *testing.T) *bundle {
	t.Helper()
	_, _, js := natstest.Start(t, natstest.InProcessOnly())
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return &bundle{t: t, ctx: ctx, js: js, pid: events.NewID()}
}

func (b *bundle) publish(runID string, d events.Data) {
	b.t.Helper()
	env, err := events.NewEnvelope(b.pid, runID, d)
	if err != nil {
		b.t.Fatal(err)
	}
	if _, err := events.Publish(b.ctx, b.js, env); err != nil {
		b.t.Fatal(err)
	}
}

func (b *bundle) addDoc(name, content string) string {
	b.t.Helper()
	id := events.NewID()
	key, err := events.DocObjectKey(b.pid, id)
	if err != nil {
		b.t.Fatal(err)
	}
	obs, err := b.js.ObjectStore(b.ctx, events.DocsBucket)
	if err != nil {
		b.t.Fatal(err)
	}
	if _, err := obs.PutBytes(b.ctx, key, []byte(content)); err != nil {
		b.t.Fatal(err)
	}
	b.publish("", events.DocAdded{DocID: id, FileName: name, Size: int64(len(content)), ObjectKey: key})
	return id
}

func (b *bundle) result(runID, step string, out events.StepOutput) {
	b.t.Helper()
	raw, err := json.Marshal(out)
	if err != nil {
		b.t.Fatal(err)
	}
	obs, err := b.js.ObjectStore(b.ctx, events.ArtifactsBucket)
	if err != nil {
		b.t.Fatal(err)
	}
	res, err := events.NewRunResult(b.ctx, obs, b.pid, runID, step, 0, raw)
	if err != nil {
		b.t.Fatal(err)
	}
	b.publish(runID, res)
}

func strp(s string) *string { return &s }

// withoutDirectGet turns direct gets off on the events stream and the
// documents' object store stream, as on streams made by hand or by an
// older version, so that Load takes its consumer path.
func (b *bundle) withoutDirectGet() {
	b.t.Helper()
	for _, name := range []string{events.EventsStream, "OBJ_" + events.DocsBucket} {
		st, err := b.js.Stream(b.ctx, name)
		if err != nil {
			b.t.Fatal(err)
		}
		cfg := st.CachedInfo().Config
		cfg.AllowDirect = false
		if _, err := b.js.UpdateStream(b.ctx, cfg); err != nil {
			b.t.Fatal(err)
		}
	}
}

// TestLoadFoldsSettingsDocsAndResults runs on streams that answer direct
// gets (Load's fast path) and on streams that do not (its consumer path).
func TestLoadFoldsSettingsDocsAndResults(t *testing.T) {
	t.Parallel()
	for _, direct := range []bool{true, false} {
		t.Run(fmt.Sprintf("direct=%v", direct), func(t *testing.T) {
			t.Parallel()
			b := setup(t)
			if !direct {
				b.withoutDirectGet()
			}
			testLoadFolds(t, b)
		})
	}
}

func testLoadFolds(t *testing.T, b *bundle) {
	b.publish("", events.ProjectCreated{Name: "p1", LLMProvider: "builtin"})
	b.publish("", events.ProjectUpdated{Name: strp("p2"), LLMProvider: strp("openai"), LLMModel: strp("m"), LLMBaseURL: strp("http://x/v1")})
	a := b.addDoc("a.md", "alpha\r\nbeta\n")
	gone := b.addDoc("gone.md", "removed later")
	c := b.addDoc("sub/c.txt", "gamma")
	b.publish("", events.DocRemoved{DocID: gone, FileName: "gone.md"})

	r1, r2 := events.NewID(), events.NewID()
	b.result(r1, "extract", events.StepOutput{Terms: []glossary.Term{{Text: "old"}}})
	b.result(r1, "provisional", events.StepOutput{Entries: []glossary.Entry{{Term: "old", Definition: "d"}}})
	b.publish(r1, events.RunCompleted{})
	b.result(r2, "extract", events.StepOutput{Terms: []glossary.Term{{Text: "alpha"}, {Text: "gamma"}}, AutoExcluded: []string{"beta"}})
	// A large refined result goes through the artifacts store (claim check).
	big := make([]glossary.Entry, 0, 3000)
	for i := range 3000 {
		big = append(big, glossary.Entry{Term: fmt.Sprintf("term-%04d", i), Definition: strings.Repeat("x", 100)})
	}
	b.result(r2, "refined", events.StepOutput{Entries: big})
	b.result(r2, "issues", events.StepOutput{Issues: []glossary.Issue{{Term: "alpha", Type: glossary.Unclear}}})
	// Other run events are ignored.
	b.publish(r2, events.RunProgress{Step: "extract", Current: 1, Total: 2})

	p, err := projectstate.Load(b.ctx, b.js, b.pid)
	if err != nil {
		t.Fatal(err)
	}
	if p.ID != b.pid || p.Name != "p2" || p.LLMProvider != "openai" || p.LLMModel != "m" || p.LLMBaseURL != "http://x/v1" {
		t.Errorf("settings = %+v", p)
	}
	if len(p.Docs) != 2 || p.Docs[0].Path != "a.md" || p.Docs[0].Content != "alpha\nbeta\n" || p.Docs[1].Path != "sub/c.txt" {
		t.Errorf("docs = %+v", p.Docs)
	}
	if p.DocPaths[a] != "a.md" || p.DocPaths[c] != "sub/c.txt" || len(p.DocPaths) != 2 {
		t.Errorf("doc paths = %v", p.DocPaths)
	}
	st := p.State
	if len(st.Terms) != 2 || st.Terms[0].Text != "alpha" || len(st.AutoExcluded) != 1 {
		t.Errorf("terms = %+v auto = %v", st.Terms, st.AutoExcluded)
	}
	if len(st.Provisional) != 1 || st.Provisional[0].Term != "old" {
		t.Errorf("provisional = %+v", st.Provisional)
	}
	if len(st.Issues) != 1 || len(st.Refined) != 3000 {
		t.Errorf("issues = %d refined = %d", len(st.Issues), len(st.Refined))
	}
	if p.LastSeq == 0 {
		t.Error("LastSeq not set")
	}
}

func TestLoadErrors(t *testing.T) {
	t.Parallel()
	b := setup(t)
	if _, err := projectstate.Load(b.ctx, b.js, b.pid); !errors.Is(err, projectstate.ErrProjectNotFound) {
		t.Errorf("missing project: err = %v", err)
	}
	if _, err := projectstate.Load(b.ctx, b.js, "nope"); !errors.Is(err, events.ErrInvalidID) {
		t.Errorf("bad id: err = %v", err)
	}
	b.publish("", events.ProjectCreated{Name: "p"})
	b.publish("", events.ProjectDeleted{})
	if _, err := projectstate.Load(b.ctx, b.js, b.pid); !errors.Is(err, projectstate.ErrProjectDeleted) {
		t.Errorf("deleted project: err = %v", err)
	}
}

func TestLoadMissingDocumentIsAProblem(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.publish("", events.ProjectCreated{Name: "p"})
	b.addDoc("ok.md", "fine")
	id := events.NewID()
	key, _ := events.DocObjectKey(b.pid, id)
	b.publish("", events.DocAdded{DocID: id, FileName: "lost.md", ObjectKey: key})
	p, err := projectstate.Load(b.ctx, b.js, b.pid)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Docs) != 1 || len(p.Problems) != 1 || !strings.Contains(p.Problems[0], "lost.md") {
		t.Errorf("docs = %v problems = %v", p.Docs, p.Problems)
	}
}

// TestLoadManyEvents checks that thousands of events (most of them run
// events Load skips) load quickly and that events of other projects do not
// leak in.
func TestLoadManyEvents(t *testing.T) {
	t.Parallel()
	b := setup(t)
	other := &bundle{t: t, ctx: b.ctx, js: b.js, pid: events.NewID()}
	other.publish("", events.ProjectCreated{Name: "other"})
	other.addDoc("other.md", "other project")
	b.publish("", events.ProjectCreated{Name: "p"})
	for i := range 200 {
		b.addDoc(fmt.Sprintf("d%03d.md", i), fmt.Sprintf("document %d", i))
	}
	run := events.NewID()
	for i := range 3000 {
		b.publish(run, events.RunProgress{Step: "provisional", Current: i, Total: 3000})
	}
	for i := range 300 {
		b.result(run, "extract", events.StepOutput{Terms: []glossary.Term{{Text: fmt.Sprintf("t%d", i)}}})
	}
	start := time.Now()
	p, err := projectstate.Load(b.ctx, b.js, b.pid)
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	t.Logf("loaded %d docs and 300 results among 3500 events in %v", len(p.Docs), took)
	if len(p.Docs) != 200 || len(p.State.Terms) != 1 || p.State.Terms[0].Text != "t299" {
		t.Errorf("docs = %d terms = %+v", len(p.Docs), p.State.Terms)
	}
	if took > 5*time.Second {
		t.Errorf("Load took %v", took)
	}
}

// TestLoadDirectEqualsConsumer builds a project with many runs whose
// results cover different steps (so the latest output of a step is in an
// old run, past the first read of run results), user edits between them,
// documents added and removed, and events of another project interleaved;
// then Load by direct gets must equal Load by the consumer path.
func TestLoadDirectEqualsConsumer(t *testing.T) {
	t.Parallel()
	b := setup(t)
	other := &bundle{t: t, ctx: b.ctx, js: b.js, pid: events.NewID()}
	other.publish("", events.ProjectCreated{Name: "other"})
	b.publish("", events.ProjectCreated{Name: "p"})
	b.addDoc("a.md", "alpha")
	gone := b.addDoc("b.md", "beta")
	steps := []string{"extract", "provisional", "issues", "refined"}
	for i := range 30 {
		r := events.NewID()
		b.publish(r, events.RunRequested{Scope: "full", TriggeredBy: events.TriggeredByAPI})
		other.publish(events.NewID(), events.RunRequested{Scope: "full", TriggeredBy: events.TriggeredByAPI})
		// Runs 0-3 produce every step; later runs only extract, except
		// run 7 (provisional) and run 12 (issues).
		var mine []string
		switch {
		case i < 4:
			mine = steps
		case i == 7:
			mine = []string{"provisional"}
		case i == 12:
			mine = []string{"issues"}
		default:
			mine = []string{"extract"}
		}
		for _, st := range mine {
			text := fmt.Sprintf("%s-%d", st, i)
			b.result(r, st, events.StepOutput{
				Terms:   []glossary.Term{{Text: text}},
				Entries: []glossary.Entry{{Term: text, Definition: "d"}},
				Issues:  []glossary.Issue{{Term: text, Type: glossary.Unclear}},
			})
		}
		b.publish(r, events.RunCompleted{})
		switch i {
		case 5:
			b.publish("", events.TermExcluded{TermText: "extract-5"})
			b.publish("", events.TermDefinitionEdited{TermName: "provisional-3", Definition: strp("edited")})
		case 9:
			b.publish("", events.DocRemoved{DocID: gone, FileName: "b.md"})
			b.publish("", events.TermAdded{TermText: "by hand", Category: string(glossary.TechnicalTerm)})
		case 20:
			b.publish("", events.ProjectUpdated{Name: strp("renamed")})
		}
	}
	direct, err := projectstate.Load(b.ctx, b.js, b.pid)
	if err != nil {
		t.Fatal(err)
	}
	// Replicated streams are read through the leader's consumer even when
	// direct gets are answered.
	replicated, err := projectstate.Load(b.ctx, b.js, b.pid, projectstate.KnownReplicas(3))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(direct, replicated) {
		t.Errorf("direct load differs from the replicated one's:\ndirect     %+v\nreplicated %+v", direct, replicated)
	}
	b.withoutDirectGet()
	consumer, err := projectstate.Load(b.ctx, b.js, b.pid, projectstate.KnownReplicas(1))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(direct, consumer) {
		t.Errorf("direct load differs from the consumer's:\ndirect   %+v\nconsumer %+v", direct, consumer)
	}
	st := direct.State
	if direct.Name != "renamed" || len(direct.Docs) != 1 || len(st.Provisional) != 1 || st.Provisional[0].Term != "provisional-7" ||
		len(st.Issues) != 1 || st.Issues[0].Term != "issues-12" || len(st.Refined) != 1 || st.Refined[0].Term != "refined-3" {
		t.Errorf("state = %+v", direct)
	}
}

// TestLoadMoreRunsThanOneMultiLast: with more runs with results than one
// multi_last answers (1024 subjects), Load scans the results instead, and
// still equals the consumer path: the newest run's output wins, and the
// project's other events are all read.
func TestLoadMoreRunsThanOneMultiLast(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.publish("", events.ProjectCreated{Name: "p"})
	b.addDoc("a.md", "alpha")
	for i := range 1030 {
		text := fmt.Sprintf("t%04d", i)
		b.result(events.NewID(), "extract", events.StepOutput{Terms: []glossary.Term{{Text: text}}})
		if i == 500 {
			b.publish("", events.ProjectUpdated{Name: strp("renamed")})
		}
	}
	direct, err := projectstate.Load(b.ctx, b.js, b.pid)
	if err != nil {
		t.Fatal(err)
	}
	if direct.Name != "renamed" || len(direct.Docs) != 1 || len(direct.State.Terms) != 1 || direct.State.Terms[0].Text != "t1029" {
		t.Fatalf("name %q, %d docs, terms %+v", direct.Name, len(direct.Docs), direct.State.Terms)
	}
	b.withoutDirectGet()
	consumer, err := projectstate.Load(b.ctx, b.js, b.pid, projectstate.KnownReplicas(1))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(direct, consumer) {
		t.Errorf("direct load differs from the consumer's:\ndirect   %+v\nconsumer %+v", direct, consumer)
	}
}

// TestLoadReadsOnlyPresentSubjects: a load reads the event types the
// project has, found with one multi_last, not all sixteen literal subjects
// of its settings, documents and edits.
func TestLoadReadsOnlyPresentSubjects(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.publish("", events.ProjectCreated{Name: "p"})
	b.addDoc("a.md", "alpha")
	b.publish("", events.ProjectUpdated{Name: strp("renamed")})

	// A synchronous subscription: the connection's reader queues each
	// request copy before it reads the PONG of the Flush below, so after
	// it every one is pending (a callback would run later, on its own
	// goroutine: CI once checked before it had).
	sub, err := b.js.Conn().SubscribeSync("$JS.API.DIRECT.GET." + events.EventsStream)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Unsubscribe()
	if err := b.js.Conn().Flush(); err != nil {
		t.Fatal(err)
	}
	p, err := projectstate.Load(b.ctx, b.js, b.pid, projectstate.KnownReplicas(1))
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "renamed" || len(p.Docs) != 1 {
		t.Fatalf("name %q, %d docs", p.Name, len(p.Docs))
	}
	if err := b.js.Conn().Flush(); err != nil {
		t.Fatal(err)
	}
	var read []string // next_by_subj of every direct get on the events stream
	for {
		m, err := sub.NextMsg(50 * time.Millisecond)
		if err != nil {
			break // nothing pending: every request was read
		}
		var req struct {
			NextBySubj string `json:"next_by_subj"`
		}
		if json.Unmarshal(m.Data, &req) == nil && req.NextBySubj != "" {
			read = append(read, req.NextBySubj)
		}
	}
	base := events.SubjectRoot + "." + b.pid + "."
	want := map[string]bool{base + events.TypeProjectCreated: true, base + events.TypeProjectUpdated: true, base + events.TypeDocAdded: true}
	for _, subj := range read {
		if !want[subj] {
			t.Errorf("read %s, which holds no event", subj)
		}
	}
	if len(read) != len(want) {
		t.Errorf("read %v, want the %d subjects that hold events", read, len(want))
	}
}
