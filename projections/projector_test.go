package projections

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/glossary"
)

// fullRun publishes a whole successful run of scope full with a result for
// each step; the provisional result is large enough to go through the
// object store. It returns the run id and the last seq.
func fullRun(b *testBundle, pid string) (string, uint64) {
	rid := b.newID()
	b.pub(pid, rid, events.RunRequested{Scope: "full", TriggeredBy: events.TriggeredByAPI, IdempotencyKey: "key-" + rid})
	b.pub(pid, rid, events.RunStarted{RunnerID: "runner-1", Attempt: 1})

	b.pub(pid, rid, events.RunStep{Step: StepExtract, Status: events.StepStarted})
	b.pub(pid, rid, events.RunProgress{Step: StepExtract, Current: 1, Total: 2})
	terms := []glossary.Term{
		{Text: "量子", Category: glossary.TechnicalTerm, Score: 3.5, Frequency: 7, Documents: []string{"a.md", "b.md"}},
		{Text: "API", Category: glossary.TechnicalTerm, Score: 2, Frequency: 3, Documents: []string{"a.md"}},
		{Text: "Alice", Category: glossary.PersonName, Frequency: 1, Documents: []string{"b.md"}},
	}
	b.result(pid, rid, StepExtract, len(terms), events.StepOutput{Terms: terms, AutoExcluded: []string{"thing", "way"}})
	b.pub(pid, rid, events.RunStep{Step: StepExtract, Status: events.StepCompleted, Count: len(terms)})

	b.pub(pid, rid, events.RunStep{Step: StepProvisional, Status: events.StepStarted})
	var entries []glossary.Entry
	long := strings.Repeat("context line ", 2000) // ~26 KB per entry
	for i, t := range terms {
		entries = append(entries, glossary.Entry{
			Term: t.Text, Category: t.Category, Definition: fmt.Sprintf("definition %d of %s", i, t.Text), Confidence: 0.5,
			Aliases:     []string{},
			Occurrences: []glossary.Occurrence{{Document: "a.md", Line: i + 1, Context: long}},
		})
	}
	for i := range 10 { // make the payload larger than MaxInlineResult
		entries = append(entries, glossary.Entry{Term: fmt.Sprintf("filler-%02d", i), Category: glossary.CommonNoun,
			Definition: "x", Aliases: []string{}, Occurrences: []glossary.Occurrence{{Document: "b.md", Line: 1, Context: long}}})
	}
	b.result(pid, rid, StepProvisional, len(entries), events.StepOutput{Entries: entries})
	if key, _ := events.ArtifactObjectKey(pid, rid, StepProvisional); !b.hasArtifact(key) {
		b.t.Fatalf("the provisional result did not go through the object store (%s)", key)
	}
	b.pub(pid, rid, events.RunStep{Step: StepProvisional, Status: events.StepCompleted, Count: len(entries)})

	b.pub(pid, rid, events.RunStep{Step: StepIssues, Status: events.StepStarted})
	issues := []glossary.Issue{
		{Term: "API", Type: glossary.Unclear, Description: "too short"},
		{Term: "Alice", Type: glossary.Unnecessary, Description: "a person", ShouldExclude: true, ExclusionReason: "not a term"},
		{Term: "API", Type: glossary.Contradiction, Description: "two meanings"},
	}
	b.result(pid, rid, StepIssues, len(issues), events.StepOutput{Issues: issues})
	b.pub(pid, rid, events.RunStep{Step: StepIssues, Status: events.StepCompleted, Count: len(issues)})

	b.pub(pid, rid, events.RunStep{Step: StepRefined, Status: events.StepStarted})
	b.pub(pid, rid, events.RunProgress{Step: StepRefined, Current: 2, Total: 2, CurrentTerm: "量子"})
	refined := []glossary.Entry{
		{Term: "量子", Category: glossary.TechnicalTerm, Definition: "refined 量子", Confidence: 0.9, Aliases: []string{}, Occurrences: []glossary.Occurrence{}},
		{Term: "API", Category: glossary.TechnicalTerm, Definition: "Application Programming Interface", Confidence: 0.8, Aliases: []string{"Application Programming Interface"}, Occurrences: []glossary.Occurrence{}},
	}
	b.result(pid, rid, StepRefined, len(refined), events.StepOutput{Entries: refined})
	b.pub(pid, rid, events.RunStep{Step: StepRefined, Status: events.StepCompleted, Count: len(refined)})
	last := b.pub(pid, rid, events.RunCompleted{Summary: map[string]int{"terms": 3}})
	return rid, last
}

func TestLifecycle(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := t.Context()

	pid := b.newProject("Docs")
	other := b.newProject("Another")
	seq := b.pub(other, "", events.ProjectUpdated{LLMModel: new("gpt-x")})
	b.wait(seq)
	p := b.project(pid)
	if p.State != StateEmpty || p.LastRun != nil || p.DocumentCount != 0 || p.LLMProvider != "builtin" {
		t.Fatalf("new project = %+v", p)
	}
	if got := b.project(other); got.LLMModel != "gpt-x" || got.Name != "Another" || !got.UpdatedAt.After(got.CreatedAt) {
		t.Fatalf("updated project = %+v", got)
	}

	docA, _ := b.addDoc(pid, "a.md")
	_, seq = b.addDoc(pid, "b.md")
	b.wait(seq)
	if p := b.project(pid); p.State != StateNeedsRerun || p.DocumentCount != 2 {
		t.Fatalf("project with docs = %+v", p)
	}
	docs, total, err := b.store.ListDocuments(ctx, pid, Page{Limit: 1, Offset: 1})
	if err != nil || total != 2 || len(docs) != 1 || docs[0].FileName != "b.md" {
		t.Fatalf("ListDocuments page 2 = %+v, %d, %v", docs, total, err)
	}
	d, err := b.store.DocumentByName(ctx, pid, "a.md")
	if err != nil || d.ID != docA || d.Size != 42 || d.SHA256 != "ab12" || d.ObjectKey == "" {
		t.Fatalf("DocumentByName = %+v, %v", d, err)
	}
	if js, _ := json.Marshal(d); strings.Contains(string(js), "object_key") {
		t.Fatalf("document JSON leaks object_key: %s", js)
	}
	if _, err := b.store.GetDocument(ctx, other, docA); !errors.Is(err, ErrNotFound) {
		t.Fatalf("GetDocument of another project: %v", err)
	}

	rid, seq := fullRun(b, pid)
	b.wait(seq)

	p = b.project(pid)
	if p.State != StateUpToDate || p.TermCount != 3 || p.IssueCount != 3 || p.DocumentCount != 2 {
		t.Fatalf("project after run = %+v", p)
	}
	if p.LastRun == nil || p.LastRun.ID != rid || p.LastRun.Status != StatusCompleted || p.LastRun.Scope != "full" || p.LastRun.FinishedAt == nil {
		t.Fatalf("last run = %+v", p.LastRun)
	}
	r := b.run(pid, rid)
	if r.Status != StatusCompleted || r.Attempt != 1 || r.RunnerID != "runner-1" || r.TriggeredBy != "api" ||
		r.StartedAt == nil || r.FinishedAt == nil || r.CurrentStep != StepRefined || r.ProgressCurrent != 2 || r.ProgressTotal != 2 {
		t.Fatalf("run = %+v", r)
	}
	var steps []string
	for _, s := range r.Steps {
		steps = append(steps, fmt.Sprintf("%s:%s:%d:%v", s.Step, s.Status, s.Count, s.StartedAt != nil && s.FinishedAt != nil))
	}
	want := []string{"extract:completed:3:true", "provisional:completed:13:true", "issues:completed:3:true", "refined:completed:2:true"}
	if !reflect.DeepEqual(steps, want) {
		t.Fatalf("steps = %v, want %v", steps, want)
	}
	if byKey, err := b.store.RunByIdempotencyKey(ctx, pid, "key-"+rid); err != nil || byKey.ID != rid {
		t.Fatalf("RunByIdempotencyKey = %+v, %v", byKey, err)
	}
	_, err = b.store.RunByIdempotencyKey(ctx, pid, "nope")
	mustNotFound(t, err)
	_, err = b.store.ActiveRun(ctx, pid)
	mustNotFound(t, err)
	if cur, err := b.store.CurrentRun(ctx, pid); err != nil || cur.ID != rid {
		t.Fatalf("CurrentRun = %+v, %v", cur, err)
	}

	// Step outputs.
	terms, total, err := b.store.ListTerms(ctx, pid, Page{})
	if err != nil || total != 3 {
		t.Fatalf("ListTerms: %d, %v", total, err)
	}
	if terms[0].Text != "API" || terms[1].Text != "Alice" || terms[2].Text != "量子" || terms[2].Frequency != 7 ||
		!reflect.DeepEqual(terms[2].Documents, []string{"a.md", "b.md"}) || terms[2].Score != 3.5 || terms[0].ID == "" {
		t.Fatalf("terms = %+v", terms)
	}
	if got, err := b.store.GetTerm(ctx, pid, terms[0].ID); err != nil || got.Text != "API" {
		t.Fatalf("GetTerm = %+v, %v", got, err)
	}
	prov, total, err := b.store.ListProvisional(ctx, pid, Page{Limit: 2})
	if err != nil || total != 13 || len(prov) != 2 || prov[0].Term != "API" || len(prov[0].Occurrences) != 1 {
		t.Fatalf("ListProvisional = %d items, total %d, %v", len(prov), total, err)
	}
	if prov[0].ID != terms[0].ID {
		t.Fatalf("a term's provisional id %s differs from its term id %s", prov[0].ID, terms[0].ID)
	}
	all, _, err := b.store.ListIssues(ctx, pid, "", Page{})
	if err != nil || len(all) != 3 || all[0].Term != "API" || all[0].Type != glossary.Contradiction || all[2].Term != "Alice" {
		t.Fatalf("ListIssues = %+v, %v", all, err)
	}
	unn, total, err := b.store.ListIssues(ctx, pid, "unnecessary", Page{})
	if err != nil || total != 1 || !unn[0].ShouldExclude || unn[0].ExclusionReason != "not a term" {
		t.Fatalf("ListIssues(unnecessary) = %+v, %d, %v", unn, total, err)
	}
	if got, err := b.store.GetIssue(ctx, pid, unn[0].ID); err != nil || got.Term != "Alice" {
		t.Fatalf("GetIssue = %+v, %v", got, err)
	}
	ref, total, err := b.store.ListRefined(ctx, pid, Page{})
	if err != nil || total != 2 || ref[0].Term != "API" || ref[0].Aliases[0] != "Application Programming Interface" || ref[1].Definition != "refined 量子" {
		t.Fatalf("ListRefined = %+v, %v", ref, err)
	}
	if js, _ := json.Marshal(ref[0]); !strings.Contains(string(js), `"id":"`) || !strings.Contains(string(js), `"term":"API"`) {
		t.Fatalf("entry JSON = %s", js)
	}
	exc, total, err := b.store.ListExcluded(ctx, pid, Page{})
	if err != nil || total != 2 || exc[0].TermText != "thing" || exc[0].Source != "auto" {
		t.Fatalf("ListExcluded = %+v, %v", exc, err)
	}
	sr, err := b.store.StepResults(ctx, pid)
	if err != nil || len(sr) != 4 || sr[0].Step != StepExtract || sr[1].Count != 13 || sr[3].RunID != rid {
		t.Fatalf("StepResults = %+v, %v", sr, err)
	}

	// A document added while a run runs makes the project need a re-run
	// once that run completes.
	ridMid := b.newID()
	b.pub(pid, ridMid, events.RunRequested{Scope: "full", TriggeredBy: events.TriggeredByAPI})
	b.pub(pid, ridMid, events.RunStarted{RunnerID: "r", Attempt: 1})
	docMid, _ := b.addDoc(pid, "mid.md")
	b.wait(b.pub(pid, ridMid, events.RunCompleted{}))
	if p := b.project(pid); p.State != StateNeedsRerun {
		t.Fatalf("state after a doc added during a run = %s", p.State)
	}
	ridAfter := b.newID()
	b.pub(pid, ridAfter, events.RunRequested{Scope: "full", TriggeredBy: events.TriggeredByAPI})
	b.pub(pid, ridAfter, events.RunStarted{RunnerID: "r", Attempt: 1})
	b.wait(b.pub(pid, ridAfter, events.RunCompleted{}))
	if p := b.project(pid); p.State != StateUpToDate {
		t.Fatalf("state after a re-run = %s", p.State)
	}
	b.wait(b.pub(pid, "", events.DocRemoved{DocID: docMid, FileName: "mid.md"}))
	if p := b.project(pid); p.State != StateNeedsRerun {
		t.Fatalf("state after a doc removed = %s", p.State)
	}

	// A new document makes the project need a re-run.
	_, seq = b.addDoc(pid, "c.md")
	b.wait(seq)
	if p := b.project(pid); p.State != StateNeedsRerun {
		t.Fatalf("state after new doc = %s", p.State)
	}

	// A pending run: running state, active and current.
	rid2 := b.newID()
	seq = b.pub(pid, rid2, events.RunRequested{Scope: "extract", TriggeredBy: events.TriggeredByAuto})
	b.wait(seq)
	if p := b.project(pid); p.State != StateRunning || p.LastRun.ID != rid2 || p.LastRun.Status != StatusPending || p.LastRun.FinishedAt != nil {
		t.Fatalf("project with pending run = %+v", p)
	}
	if a, err := b.store.ActiveRun(ctx, pid); err != nil || a.ID != rid2 || a.Status != StatusPending || a.StartedAt != nil || len(a.Steps) != 0 || a.Steps == nil {
		t.Fatalf("ActiveRun = %+v, %v", a, err)
	}
	if cur, err := b.store.CurrentRun(ctx, pid); err != nil || cur.ID != rid2 {
		t.Fatalf("CurrentRun = %+v, %v", cur, err)
	}
	b.pub(pid, rid2, events.RunStarted{RunnerID: "r1", Attempt: 1})
	b.pub(pid, rid2, events.RunStarted{RunnerID: "r2", Attempt: 2})
	b.pub(pid, rid2, events.RunCancelRequested{Reason: "user"})
	seq = b.pub(pid, rid2, events.RunFailed{ErrorMessage: "runner lost"})
	b.wait(seq)
	r = b.run(pid, rid2)
	if r.Status != StatusFailed || r.ErrorMessage != "runner lost" || r.Attempt != 2 || r.RunnerID != "r2" || !r.CancelRequested {
		t.Fatalf("failed run = %+v", r)
	}
	if p := b.project(pid); p.State != StateFailed {
		t.Fatalf("state after failed run = %s", p.State)
	}
	runs, total, err := b.store.ListRuns(ctx, pid, Page{})
	if err != nil || total != 4 || runs[0].ID != rid2 || runs[1].ID != ridAfter || runs[3].ID != rid || len(runs[3].Steps) != 4 {
		t.Fatalf("ListRuns = %d runs, total %d, %v", len(runs), total, err)
	}

	stats, err := b.store.Stats(ctx)
	if err != nil || stats.RunsByStatus[StatusCompleted] != 3 || stats.RunsByStatus[StatusFailed] != 1 ||
		stats.RunsByStatus[StatusPending] != 0 || len(stats.RunDurations) != 4 || len(stats.StepDurations) != 4 ||
		len(stats.StepDurations[StepExtract]) != 1 || stats.StepDurations[StepExtract][0] <= 0 {
		t.Fatalf("Stats = %+v, %v", stats, err)
	}

	// Lists, names and not-found errors.
	projects, total, err := b.store.ListProjects(ctx, Page{})
	if err != nil || total != 2 || projects[0].Name != "Another" || projects[1].Name != "Docs" {
		t.Fatalf("ListProjects = %+v, %d, %v", projects, total, err)
	}
	if got, err := b.store.ProjectByName(ctx, "Docs"); err != nil || got.ID != pid {
		t.Fatalf("ProjectByName = %+v, %v", got, err)
	}
	_, err = b.store.ProjectByName(ctx, "docs")
	mustNotFound(t, err)
	_, err = b.store.GetProject(ctx, b.newID())
	mustNotFound(t, err)
	_, err = b.store.GetRun(ctx, other, rid)
	mustNotFound(t, err)
	_, err = b.store.CurrentRun(ctx, other)
	mustNotFound(t, err)

	// The project JSON has the API's field names.
	js, _ := json.Marshal(b.project(pid))
	var m map[string]any
	if err := json.Unmarshal(js, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "name", "llm_provider", "llm_model", "llm_base_url", "created_at", "updated_at",
		"document_count", "term_count", "issue_count", "last_run", "state"} {
		if _, ok := m[k]; !ok {
			t.Errorf("project JSON lacks %q: %s", k, js)
		}
	}
	if n, err := b.store.LastApplied(ctx); err != nil || n != seq {
		t.Fatalf("LastApplied = %d, %v; want %d", n, err, seq)
	}
	if lag, err := b.proj.Lag(ctx); err != nil || lag != 0 {
		t.Fatalf("Lag = %d, %v", lag, err)
	}
}

func TestTerminalStatusNeverOverwritten(t *testing.T) {
	t.Parallel()
	b := setup(t)
	pid := b.newProject("p")
	rid, _ := fullRun(b, pid)
	b.wait(b.pub(pid, rid, events.RunProgress{Step: StepRefined, Current: 2, Total: 2}))
	before := b.run(pid, rid)
	termsBefore, _, _ := b.store.ListTerms(t.Context(), pid, Page{})

	b.pub(pid, rid, events.RunProgress{Step: StepExtract, Current: 1, Total: 9})
	b.pub(pid, rid, events.RunStep{Step: StepExtract, Status: events.StepStarted})
	b.pub(pid, rid, events.RunStarted{RunnerID: "zombie", Attempt: 2})
	b.pub(pid, rid, events.RunCancelRequested{})
	b.result(pid, rid, StepExtract, 0, events.StepOutput{})
	b.pub(pid, rid, events.RunFailed{ErrorMessage: "late"})
	seq := b.pub(pid, rid, events.RunCancelled{Reason: "late"})
	b.wait(seq)
	if after := b.run(pid, rid); !reflect.DeepEqual(before, after) {
		t.Fatalf("terminal run changed:\nbefore %+v\nafter  %+v", before, after)
	}
	if termsAfter, _, _ := b.store.ListTerms(t.Context(), pid, Page{}); !reflect.DeepEqual(termsBefore, termsAfter) {
		t.Fatal("a result after the terminal event replaced the terms")
	}

	// Cancelled while pending: a late start changes nothing.
	rid2 := b.newID()
	b.pub(pid, rid2, events.RunRequested{Scope: "full", TriggeredBy: events.TriggeredByCLI})
	b.pub(pid, rid2, events.RunCancelled{Reason: "user"})
	seq = b.pub(pid, rid2, events.RunStarted{RunnerID: "late", Attempt: 1})
	b.wait(seq)
	if r := b.run(pid, rid2); r.Status != StatusCancelled || r.StartedAt != nil || r.RunnerID != "" || r.FinishedAt == nil {
		t.Fatalf("cancelled run = %+v", r)
	}
}

func TestIssuesWithNothingReplaceWithNothing(t *testing.T) {
	t.Parallel()
	b := setup(t)
	pid := b.newProject("p")
	_, seq := fullRun(b, pid)
	b.wait(seq)
	rid := b.newID()
	b.pub(pid, rid, events.RunRequested{Scope: "issues", TriggeredBy: events.TriggeredByAPI})
	b.pub(pid, rid, events.RunStarted{RunnerID: "r", Attempt: 1})
	b.result(pid, rid, StepIssues, 0, events.StepOutput{})
	b.wait(b.pub(pid, rid, events.RunCompleted{}))
	if is, total, err := b.store.ListIssues(t.Context(), pid, "", Page{}); err != nil || total != 0 || len(is) != 0 {
		t.Fatalf("issues after an empty review = %+v, %d, %v", is, total, err)
	}
	if p := b.project(pid); p.IssueCount != 0 || p.TermCount != 3 {
		t.Fatalf("project = %+v", p)
	}
}

func TestRestartDoesNotApplyTwice(t *testing.T) {
	t.Parallel()
	b := setup(t)
	pid := b.newProject("p")
	doc, _ := b.addDoc(pid, "a.md")
	seq := b.pub(pid, "", events.DocRemoved{DocID: doc, FileName: "a.md"})
	b.wait(seq)
	b.halt()
	first := b.dump()

	// Redelivery of an old event (doc.added, already undone by doc.removed)
	// is skipped by the checkpoint.
	cons, err := b.js.OrderedConsumer(t.Context(), events.EventsStream, jetstream.OrderedConsumerConfig{})
	if err != nil {
		t.Fatal(err)
	}
	batch, err := cons.FetchNoWait(10)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []jetstream.Msg
	for m := range batch.Messages() {
		msgs = append(msgs, m)
	}
	if len(msgs) != 3 {
		t.Fatalf("fetched %d messages, want 3", len(msgs))
	}
	if _, err := b.proj.handle(t.Context(), msgs); err != nil {
		t.Fatal(err)
	}
	if got := b.dump(); got != first {
		t.Fatalf("redelivery changed the read model:\n%s\nwant\n%s", got, first)
	}

	// Restart on a reopened store: resumes after the checkpoint.
	if err := b.store.Close(); err != nil {
		t.Fatal(err)
	}
	b.open()
	b.start()
	if b.proj.Applied() != seq {
		t.Fatalf("Applied after reopen = %d, want %d", b.proj.Applied(), seq)
	}
	_, seq2 := b.addDoc(pid, "b.md")
	b.wait(seq2)
	if n, err := b.store.CountDocuments(t.Context(), pid); err != nil || n != 1 {
		t.Fatalf("documents after restart = %d, %v", n, err)
	}
}

func TestProjectDeleteRemovesRows(t *testing.T) {
	t.Parallel()
	b := setup(t)
	keep := b.newProject("keep")
	pid := b.newProject("gone")
	b.addDoc(pid, "a.md")
	b.addDoc(keep, "k.md")
	_, seq := fullRun(b, pid)
	b.wait(seq)
	if !strings.Contains(b.dump(), pid) {
		t.Fatal("project rows missing before delete")
	}
	rid := b.newID()
	seq = b.pub(pid, "", events.ProjectDeleted{})
	// Late events of a deleted project create nothing.
	b.pub(pid, rid, events.RunRequested{Scope: "full", TriggeredBy: events.TriggeredByAPI})
	b.addDoc(pid, "late.md")
	last := b.pub(keep, "", events.ProjectUpdated{Name: new("kept")})
	b.wait(last)
	if d := b.dump(); strings.Contains(d, pid) || strings.Contains(d, rid) {
		t.Fatalf("rows of the deleted project remain:\n%s", d)
	}
	_, err := b.store.GetProject(t.Context(), pid)
	mustNotFound(t, err)
	for id, want := range map[string]bool{pid: false, keep: true, b.newID(): false} {
		if got, err := b.store.ProjectExists(t.Context(), id); err != nil || got != want {
			t.Fatalf("ProjectExists(%s) = %v, %v; want %v", id, got, err, want)
		}
	}
	if p := b.project(keep); p.Name != "kept" || p.DocumentCount != 1 {
		t.Fatalf("other project = %+v", p)
	}
	_ = seq
}

func TestUnknownAndMalformedEventsSkipped(t *testing.T) {
	t.Parallel()
	b := setup(t)
	pid := b.newProject("p")
	rid := b.newID()
	b.pub(pid, rid, events.RunRequested{Scope: "full", TriggeredBy: events.TriggeredByAPI})

	// A future term.* type.
	env := events.Envelope{ID: b.newID(), Type: "term.added", V: 1, Time: time.Now().UTC(), ProjectID: pid, Data: json.RawMessage(`{"term":"x"}`)}
	body, err := json.Marshal(env)
	if err != nil {
		t.Fatal(err)
	}
	b.pubRaw("gg."+pid+".term.added", body)
	// A known type at a future version.
	env = events.Envelope{ID: b.newID(), Type: events.TypeProjectUpdated, V: 9, Time: time.Now().UTC(), ProjectID: pid, Data: json.RawMessage(`{}`)}
	body, _ = json.Marshal(env)
	b.pubRaw("gg."+pid+".project.updated", body)
	// Not JSON at all, a payload of the wrong shape, a step of no known status,
	// a result of an unknown step and a result whose object is missing.
	b.pubRaw("gg."+pid+".project.created", []byte("garbage"))
	env = events.Envelope{ID: b.newID(), Type: events.TypeRunProgress, V: 1, Time: time.Now().UTC(), ProjectID: pid, RunID: rid, Data: json.RawMessage(`{"current":"many"}`)}
	body, _ = json.Marshal(env)
	b.pubRaw("gg."+pid+".run."+rid+".progress", body)
	b.pub(pid, rid, events.RunStep{Step: StepExtract, Status: "paused"})
	// A valid envelope of this project, published on another one's subject.
	env, err = events.NewEnvelope(pid, "", events.ProjectUpdated{Name: new("hijack")})
	if err != nil {
		t.Fatal(err)
	}
	body, _ = env.Encode()
	b.pubRaw("gg."+b.newID()+".project.updated", body)
	b.pub(pid, rid, events.RunResult{Step: "translate", Inline: json.RawMessage(`{}`)})
	b.pub(pid, rid, events.RunResult{Step: StepExtract, ObjectKey: pid + "/" + rid + "/extract.json"})
	b.pub(pid, rid, events.RunResult{Step: StepExtract, Inline: json.RawMessage(`{"terms":"nope"}`)})

	seq := b.pub(pid, rid, events.RunStarted{RunnerID: "r", Attempt: 1})
	b.wait(seq)
	if r := b.run(pid, rid); r.Status != StatusRunning || len(r.Steps) != 0 || r.ProgressCurrent != 0 {
		t.Fatalf("run = %+v", r)
	}
	if n, err := b.store.LastApplied(t.Context()); err != nil || n != seq {
		t.Fatalf("checkpoint = %d, %v; want %d", n, err, seq)
	}
	if p := b.project(pid); p.Name != "p" {
		t.Fatalf("project = %+v", p)
	}
}

func TestReprojectIdentical(t *testing.T) {
	t.Parallel()
	b := setup(t)
	a := b.newProject("alpha")
	z := b.newProject("zeta")
	gone := b.newProject("gone")
	b.addDoc(a, "a.md")
	b.addDoc(z, "z.md")
	fullRun(b, a)
	fullRun(b, gone)
	b.pub(gone, "", events.ProjectDeleted{})
	rid := b.newID()
	b.pub(z, rid, events.RunRequested{Scope: "full", TriggeredBy: events.TriggeredByAPI})
	b.pub(z, rid, events.RunStarted{RunnerID: "r", Attempt: 1})
	b.pubRaw("gg."+z+".project.created", []byte("garbage"))
	seq := b.pub(z, rid, events.RunProgress{Step: StepExtract, Current: 5, Total: 9})
	b.wait(seq)
	live := b.dump()

	// Into a fresh path.
	fresh := filepath.Join(t.TempDir(), "fresh.db")
	if err := Reproject(t.Context(), fresh, b.js, testLogger(t)); err != nil {
		t.Fatalf("Reproject: %v", err)
	}
	s, err := Open(t.Context(), fresh)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Dump(t.Context())
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	if got != live {
		t.Fatalf("reprojected dump differs:\n%s\nlive:\n%s", got, live)
	}

	// Over the live file, once its store is closed.
	b.halt()
	if err := b.store.Close(); err != nil {
		t.Fatal(err)
	}
	if err := Reproject(t.Context(), b.path, b.js, testLogger(t)); err != nil {
		t.Fatalf("Reproject over the live file: %v", err)
	}
	b.open()
	if got := b.dump(); got != live {
		t.Fatalf("dump after reproject over the file differs:\n%s\nlive:\n%s", got, live)
	}
}

func TestReprojectEmptyStream(t *testing.T) {
	t.Parallel()
	_, _, js := natstestStart(t)
	path := filepath.Join(t.TempDir(), "empty.db")
	if err := Reproject(t.Context(), path, js, nil); err != nil {
		t.Fatalf("Reproject: %v", err)
	}
	s, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, err := s.LastApplied(t.Context()); err != nil || n != 0 {
		t.Fatalf("LastApplied = %d, %v", n, err)
	}
}

func TestSubscribe(t *testing.T) {
	t.Parallel()
	b := setup(t, Config{SubscriberBuffer: 3})
	pa := b.newProject("a")
	pb := b.newProject("b")
	b.wait(b.pub(pb, "", events.ProjectUpdated{LLMModel: new("m")}))

	onlyA, unsubA := b.proj.Subscribe(pa)
	defer unsubA()
	slow, unsubSlow := b.proj.Subscribe("")
	defer unsubSlow()

	rid := b.newID()
	s1 := b.pub(pa, rid, events.RunRequested{Scope: "full", TriggeredBy: events.TriggeredByAPI})
	b.pub(pb, "", events.ProjectUpdated{LLMModel: new("n")})
	s3 := b.pub(pa, rid, events.RunStarted{RunnerID: "r", Attempt: 1})
	var last uint64
	for i := range 20 {
		last = b.pub(pb, "", events.ProjectUpdated{LLMModel: new(fmt.Sprint(i))})
	}
	b.wait(last) // the slow subscriber does not block the projector

	want := []Change{
		{ProjectID: pa, RunID: rid, Type: events.TypeRunRequested, Seq: s1},
		{ProjectID: pa, RunID: rid, Type: events.TypeRunStarted, Seq: s3},
	}
	for i, w := range want {
		select {
		case c := <-onlyA:
			if c != w {
				t.Fatalf("change %d = %+v, want %+v", i, c, w)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("change %d not received", i)
		}
	}
	n := 0
	for range slow {
		n++
	}
	if n != 3 {
		t.Fatalf("slow subscriber got %d changes before being dropped, want its buffer (3)", n)
	}
	unsubSlow() // safe after a drop
}

func TestWaitForHonoursContext(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := b.proj.WaitFor(ctx, 1_000_000)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("WaitFor = %v, want DeadlineExceeded", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("WaitFor took %s", d)
	}
	if err := b.proj.WaitFor(t.Context(), 0); err != nil {
		t.Fatalf("WaitFor(0) = %v", err)
	}
}

func TestRunTwice(t *testing.T) {
	t.Parallel()
	b := setup(t)
	deadline := time.Now().Add(5 * time.Second)
	for !b.proj.running.Load() && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if err := b.proj.Run(t.Context()); !errors.Is(err, ErrAlreadyRunning) {
		t.Fatalf("second Run = %v", err)
	}
}

func TestLag(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.halt()
	pid := b.newProject("p")
	b.pub(pid, "", events.ProjectUpdated{Name: new("q")})
	if lag, err := b.proj.Lag(t.Context()); err != nil || lag != 2 {
		t.Fatalf("Lag while stopped = %d, %v; want 2", lag, err)
	}
	b.start()
	b.wait(2)
	if lag, err := b.proj.Lag(t.Context()); err != nil || lag != 0 {
		t.Fatalf("Lag = %d, %v; want 0", lag, err)
	}
}

// TestQueriesWhileProjecting reads concurrently with the projector (for
// the race detector and WAL readers).
func TestQueriesWhileProjecting(t *testing.T) {
	t.Parallel()
	b := setup(t)
	pid := b.newProject("p")
	rid := b.newID()
	b.pub(pid, rid, events.RunRequested{Scope: "full", TriggeredBy: events.TriggeredByAPI})
	b.pub(pid, rid, events.RunStarted{RunnerID: "r", Attempt: 1})
	done := make(chan struct{})
	errc := make(chan error, 1)
	go func() {
		defer close(done)
		for i := 0; ; i++ {
			select {
			case <-errc:
				return
			default:
			}
			if _, _, err := b.store.ListProjects(t.Context(), Page{Limit: 10}); err != nil {
				errc <- err
				return
			}
			if _, err := b.store.CurrentRun(t.Context(), pid); err != nil && !errors.Is(err, ErrNotFound) {
				errc <- err
				return
			}
			if i > 50 && b.proj.Applied() >= 202 {
				return
			}
		}
	}()
	var last uint64
	for i := range 200 {
		last = b.pub(pid, rid, events.RunProgress{Step: StepExtract, Current: i, Total: 200})
	}
	b.wait(last)
	<-done
	select {
	case err := <-errc:
		t.Fatal(err)
	default:
	}
	if r := b.run(pid, rid); r.ProgressCurrent != 199 {
		t.Fatalf("progress = %d", r.ProgressCurrent)
	}
}

// TestPartialStepOnRunRecord: a run cancelled in provisional that kept its
// finished entries says so on the run's steps.
func TestPartialStepOnRunRecord(t *testing.T) {
	t.Parallel()
	b := setup(t)
	pid := b.newProject("partial")
	rid := b.newID()
	b.pub(pid, rid, events.RunRequested{Scope: "from_terms", TriggeredBy: events.TriggeredByAPI})
	b.pub(pid, rid, events.RunStarted{RunnerID: "r1", Attempt: 1})
	b.pub(pid, rid, events.RunStep{Step: StepProvisional, Status: events.StepStarted})
	b.result(pid, rid, StepProvisional, 1, events.StepOutput{
		Entries: []glossary.Entry{{Term: "broker", Definition: "A server.", Confidence: 0.8}},
		Partial: true,
	})
	b.wait(b.pub(pid, rid, events.RunCancelled{Reason: "cancelled by user"}))
	r := b.run(pid, rid)
	if r.Status != StatusCancelled || len(r.Steps) != 1 || !r.Steps[0].Partial || r.Steps[0].Count != 1 {
		t.Fatalf("run = %+v", r)
	}
}

// TestLingerGroupsConcurrentRuns checks the projector's group commit: events
// of several runs arriving back to back share one transaction (with a
// Linger of an hour, the burst is committed only when the batch is full),
// while events of the run that was just applied are each applied at once
// (an hour's linger would time the wait out).
func TestLingerGroupsConcurrentRuns(t *testing.T) {
	t.Parallel()
	const batch = 8
	b := setup(t, Config{BatchSize: batch, Linger: time.Hour, MinBackoff: 10 * time.Millisecond, MaxBackoff: 100 * time.Millisecond})
	pid := b.newProject("linger")
	b.wait(b.pub(pid, "", events.ProjectUpdated{Name: new("linger-2")}))

	before := b.proj.batches.Load()
	rids := make([]string, batch)
	var last uint64
	for i := range rids {
		rids[i] = b.newID()
		last = b.pub(pid, rids[i], events.RunRequested{Scope: "extract", TriggeredBy: events.TriggeredByAPI})
	}
	b.wait(last)
	if got := b.proj.batches.Load() - before; got != 1 {
		t.Errorf("%d run.requested of %d runs took %d transactions, want 1", batch, batch, got)
	}

	rid := rids[batch-1] // the source of the last batch's last event
	before = b.proj.batches.Load()
	steps := []events.Data{
		events.RunStarted{RunnerID: "runner-1", Attempt: 1},
		events.RunStep{Step: StepExtract, Status: events.StepStarted},
		events.RunStep{Step: StepExtract, Status: events.StepCompleted},
	}
	for _, d := range steps {
		b.wait(b.pub(pid, rid, d))
	}
	if got := b.proj.batches.Load() - before; got != uint64(len(steps)) {
		t.Errorf("%d events of one run, each awaited: %d transactions, want %d", len(steps), got, len(steps))
	}
	if r := b.run(pid, rid); r.Status != StatusRunning {
		t.Errorf("run status %q, want running", r.Status)
	}
}

func TestSource(t *testing.T) {
	t.Parallel()
	for subject, want := range map[string]string{
		"gg.P.run.R.started":        "gg.P.run.R",
		"gg.P.run.R.result.extract": "gg.P.run.R",
		"gg.P.project.created":      "gg.P.project",
		"gg.P.doc.D.added":          "gg.P.doc",
		"gg.P.run":                  "gg.P.run",
		"gg":                        "gg",
		"":                          "",
	} {
		if got := source(subject); got != want {
			t.Errorf("source(%q) = %q, want %q", subject, got, want)
		}
	}
}
