package projectstate

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/document"
	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
	"github.com/genglossary/genglossary/internal/termedits"
)

// ErrProjectNotFound is returned (wrapped) by [Load] when the project has no
// events at all.
var ErrProjectNotFound = errors.New("projectstate: project not found")

// ErrProjectDeleted is returned (wrapped) by [Load] when the project has a
// project.deleted event.
var ErrProjectDeleted = errors.New("projectstate: project deleted")

// docFetchConcurrency bounds parallel reads from the documents object store.
const docFetchConcurrency = 8

// Project is a project as its events describe it: the input of a run.
type Project struct {
	// ID is the project id.
	ID string
	// Name, LLMProvider, LLMModel and LLMBaseURL are the project settings
	// from project.created and later project.updated events. API keys are
	// never part of them.
	Name, LLMProvider, LLMModel, LLMBaseURL string
	// Docs are the project's current documents, sorted by path.
	Docs []glossary.Document
	// DocPaths maps each current document's id to its path in Docs.
	DocPaths map[string]string
	// Problems describes documents whose content could not be loaded (a
	// missing object, content that no longer parses); they are left out of
	// Docs.
	Problems []string
	// State is the pipeline state: each step's output is the last run.result
	// of that step (partial results of cancelled steps included) or the
	// output a project.cloned imported, with the term.* user edits
	// applied: Terms without deleted or excluded terms and with hand-added
	// and required ones, notes and categories; Provisional with edited
	// definitions; Rules and Synonyms for the steps to honour.
	State pipeline.State
	// Edits are the project's user edits as folded from its term.* events.
	Edits termedits.Edits
	// LastSeq is the stream sequence of the last event folded in.
	LastSeq uint64
}

// Option adjusts [Load].
type Option func(*options)

type options struct {
	replicas int
	via      []events.ReadOption
}

// KnownReplicas tells [Load] the replica count of the project's streams
// (events and documents), which it otherwise asks the server for on each
// call. A caller that loads often (a runner) reads it once.
func KnownReplicas(n int) Option { return func(o *options) { o.replicas = n } }

// ReadVia receives [Load]'s direct reads on r's subscription instead of
// subscribing per read (see [events.Replies]). A caller that loads often
// (a runner) keeps one.
func ReadVia(r *events.Replies) Option {
	return func(o *options) { o.via = []events.ReadOption{events.Via(r)} }
}

// Load rebuilds project projectID from its events in [events.EventsStream],
// up to the last matching sequence at the time of the call. Document
// contents are read from the [events.DocsBucket] object store and parsed
// with [document.ParseStored]; results carried by claim check are read from the
// [events.ArtifactsBucket] object store.
//
// On streams with one replica it reads with direct gets (no consumer, no
// JetStream API request, cost independent of the stream's size). On
// replicated streams it reads through a consumer, which the stream's
// leader serves: any replica answers direct gets, and a follower that lags
// would hand a run a state without the latest documents or edits.
//
// Errors wrap [ErrProjectNotFound], [ErrProjectDeleted],
// [events.ErrInvalidID], [events.ErrInvalidEnvelope] or
// [events.ErrUnsupportedVersion] (an event this build cannot fold), or the
// JetStream error.
func Load(ctx context.Context, js jetstream.JetStream, projectID string, opts ...Option) (*Project, error) {
	if err := events.CheckID("project_id", projectID); err != nil {
		return nil, err
	}
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	if o.replicas == 0 {
		st, err := js.Stream(ctx, events.EventsStream)
		if err != nil {
			return nil, fmt.Errorf("projectstate: stream %s: %w", events.EventsStream, err)
		}
		o.replicas = max(st.CachedInfo().Config.Replicas, 1)
	}
	direct := o.replicas == 1
	filters := subjectFilters(projectID)
	f := newFolder(projectID)
	var bound uint64
	err := events.ErrNoDirectGet
	if direct {
		bound, err = readDirect(ctx, js, projectID, f.apply, o.via)
	}
	if errors.Is(err, events.ErrNoDirectGet) {
		bound, err = readConsumer(ctx, js, filters, f.apply)
	}
	if err != nil {
		return nil, err
	}
	if bound == 0 {
		return nil, fmt.Errorf("%w: %s", ErrProjectNotFound, projectID)
	}
	if f.deleted {
		return nil, fmt.Errorf("%w: %s", ErrProjectDeleted, projectID)
	}
	if !f.created {
		return nil, fmt.Errorf("%w: %s has no project.created event", ErrProjectNotFound, projectID)
	}
	p := &f.project
	p.LastSeq = bound
	if err := f.loadDocs(ctx, js, direct, o.via); err != nil {
		return nil, err
	}
	if err := f.loadResults(ctx, js); err != nil {
		return nil, err
	}
	p.Edits = f.edits
	ps := &p.State
	ps.Rules = f.edits.Rules()
	ps.Synonyms = f.edits.Synonyms()
	ps.Terms = f.edits.Terms(ps.Terms)
	ps.Provisional = f.edits.Provisional(ps.Provisional)
	return p, nil
}

// subjectFilters returns the subjects Load folds: settings, documents, user
// edits and step results. Other run events (progress, steps, ...) are many
// and not needed.
func subjectFilters(projectID string) []string {
	base := events.SubjectRoot + "." + projectID + "."
	return []string{
		base + events.FamilyProject + ".>",
		base + events.FamilyDoc + ".>",
		base + events.FamilyTerm + ".>",
		base + events.FamilyRun + ".*." + kindOf(events.TypeRunResult),
	}
}

// kindOf returns the part of an event type after its family.
func kindOf(eventType string) string {
	_, kind, _ := strings.Cut(eventType, ".")
	return kind
}

// readDirect folds the project's events with direct gets that the server
// answers from its per-subject index, so a load costs about the project's
// own events however many other events the stream holds (a wildcard read
// of gg.<p>.> makes the server scan every message after the project's
// first, which dominated the throughput bench's CPU):
//
//   - the project's last sequence bounds every read, so they are one
//     snapshot;
//   - project.*, doc.* and term.* are literal subjects (gg.<p>.<type>),
//     read all at once;
//   - run results: the last result of each run (multi_last), then, newest
//     run first, the results of as many runs as it takes for every step to
//     have its latest output. Older results would be overwritten by these
//     (see folder.result), so they are not read.
//
// The events are folded in stream order. It returns the sequence of the
// last event folded in, 0 when none matched. Errors wrap
// [events.ErrNoDirectGet] when the stream does not answer direct gets.
func readDirect(ctx context.Context, js jetstream.JetStream, projectID string, apply func(events.Envelope) error, via []events.ReadOption) (uint64, error) {
	base := events.SubjectRoot + "." + projectID + "."
	bound, err := events.LastSequence(ctx, js, events.EventsStream, base+">")
	if err != nil || bound == 0 {
		return 0, err
	}
	type msg struct {
		seq uint64
		env events.Envelope
	}
	var msgs []msg
	collect := func(m *jetstream.RawStreamMsg) (events.Envelope, error) {
		env, err := events.Decode(m.Data)
		if err != nil {
			return env, fmt.Errorf("projectstate: event on %s (seq %d): %w", m.Subject, m.Sequence, err)
		}
		msgs = append(msgs, msg{m.Sequence, env})
		return env, nil
	}
	literal, err := presentSubjects(ctx, js, base, via)
	if err != nil {
		return 0, err
	}
	if err := events.ReadDirectAll(ctx, js, events.EventsStream, literal, 0, bound, func(_ int, m *jetstream.RawStreamMsg) error {
		_, err := collect(m)
		return err
	}, via...); err != nil {
		return 0, fmt.Errorf("projectstate: read events: %w", err)
	}
	if err := readResults(ctx, js, base, bound, collect, via); err != nil {
		return 0, err
	}
	sort.Slice(msgs, func(i, j int) bool { return msgs[i].seq < msgs[j].seq })
	var last uint64
	for _, m := range msgs {
		if err := apply(m.env); err != nil {
			return 0, fmt.Errorf("projectstate: event %s (seq %d): %w", m.env.Type, m.seq, err)
		}
		last = m.seq
	}
	return last, nil
}

// presentSubjects returns the literal subjects of the project's settings,
// documents and edits (gg.<p>.<type>) that hold at least one event, from one
// multi_last request, instead of one read per event type (most projects
// have two or three of the sixteen). The request asks for the stream's
// last messages, not for those up to the load's bound: nats-server answers
// a bounded multi_last by walking its blocks back from the bound when a
// subject's last message is in the bound's block, and an earlier bounded
// version made runs dearer (docs/benchmarks.md). A subject whose last
// event is past the bound is still read, up to the bound. When the request
// fails every literal subject is returned.
func presentSubjects(ctx context.Context, js jetstream.JetStream, base string, via []events.ReadOption) ([]string, error) {
	var literal []string
	for _, t := range events.Types() {
		if fam := kindFamily(t); fam == events.FamilyProject || fam == events.FamilyDoc || fam == events.FamilyTerm {
			literal = append(literal, base+t)
		}
	}
	lasts, err := events.LastMessages(ctx, js, events.EventsStream,
		[]string{base + events.FamilyProject + ".>", base + events.FamilyDoc + ".>", base + events.FamilyTerm + ".>"}, 0, via...)
	if errors.Is(err, events.ErrNoDirectGet) {
		return nil, err
	}
	if err != nil {
		return literal, nil
	}
	present := make(map[string]bool, len(lasts))
	for _, m := range lasts {
		present[m.Subject] = true
	}
	out := literal[:0]
	for _, subj := range literal {
		if present[subj] {
			out = append(out, subj)
		}
	}
	return out, nil
}

// resultRunsPerRead is how many runs' results readResults asks for at once.
const resultRunsPerRead = 8

// readResults collects the run.result events that decide each step's
// latest output, newest run first (see readDirect). A project with more
// runs with results than one multi_last answers is read with a wildcard
// scan of its results.
func readResults(ctx context.Context, js jetstream.JetStream, base string, bound uint64, collect func(*jetstream.RawStreamMsg) (events.Envelope, error), via []events.ReadOption) error {
	filter := base + events.FamilyRun + ".*." + kindOf(events.TypeRunResult)
	lasts, err := events.LastMessages(ctx, js, events.EventsStream, []string{filter}, bound, via...)
	if errors.Is(err, events.ErrTooManyResults) {
		err = events.ReadDirect(ctx, js, events.EventsStream, filter, 0, bound, func(m *jetstream.RawStreamMsg) error {
			_, err := collect(m)
			return err
		}, via...)
		if err != nil {
			return fmt.Errorf("projectstate: read results: %w", err)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("projectstate: read results: %w", err)
	}
	sort.Slice(lasts, func(i, j int) bool { return lasts[i].Sequence > lasts[j].Sequence })
	covered := map[string]bool{}
	for len(lasts) > 0 && len(covered) < len(pipeline.Steps) {
		n := min(resultRunsPerRead, len(lasts))
		subjects := make([]string, n)
		for i, m := range lasts[:n] {
			subjects[i] = m.Subject
		}
		lasts = lasts[n:]
		err := events.ReadDirectAll(ctx, js, events.EventsStream, subjects, 0, bound, func(_ int, m *jetstream.RawStreamMsg) error {
			env, err := collect(m)
			if err != nil {
				return err
			}
			if res, err := events.DecodeData[events.RunResult](env); err == nil && isStep(pipeline.Step(res.Step)) {
				covered[res.Step] = true
			}
			return nil
		}, via...)
		if err != nil {
			return fmt.Errorf("projectstate: read results: %w", err)
		}
	}
	return nil
}

// readConsumer folds the project's events matching filters with an
// ordered consumer: the path for streams that do not answer direct gets.
// It returns the last matching sequence, 0 when none matched.
func readConsumer(ctx context.Context, js jetstream.JetStream, filters []string, apply func(events.Envelope) error) (uint64, error) {
	st, err := js.Stream(ctx, events.EventsStream)
	if err != nil {
		return 0, fmt.Errorf("projectstate: stream %s: %w", events.EventsStream, err)
	}
	bound, err := lastSequence(ctx, st, filters)
	if err != nil || bound == 0 {
		return 0, err
	}
	return bound, readEvents(ctx, js, filters, bound, apply)
}

// getDoc reads a document's content from [events.DocsBucket], by direct
// gets when asked to and the bucket's stream answers them.
func getDoc(ctx context.Context, js jetstream.JetStream, key string, direct bool, via []events.ReadOption) ([]byte, error) {
	if direct {
		b, err := events.GetObjectDirect(ctx, js, events.DocsBucket, key, via...)
		if !errors.Is(err, events.ErrNoDirectGet) {
			return b, err
		}
	}
	obs, err := js.ObjectStore(ctx, events.DocsBucket)
	if err != nil {
		return nil, fmt.Errorf("object store %s: %w", events.DocsBucket, err)
	}
	return obs.GetBytes(ctx, key)
}

// lastSequence returns the highest stream sequence of a message matching
// any of filters, 0 when none matches.
func lastSequence(ctx context.Context, st jetstream.Stream, filters []string) (uint64, error) {
	var last uint64
	for _, f := range filters {
		raw, err := st.GetLastMsgForSubject(ctx, f)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return 0, fmt.Errorf("projectstate: last message on %s: %w", f, err)
		}
		last = max(last, raw.Sequence)
	}
	return last, nil
}

// readEvents delivers every event matching filters with a stream sequence
// up to bound, in stream order, to apply.
func readEvents(ctx context.Context, js jetstream.JetStream, filters []string, bound uint64, apply func(events.Envelope) error) error {
	cons, err := js.OrderedConsumer(ctx, events.EventsStream, jetstream.OrderedConsumerConfig{
		FilterSubjects:    filters,
		DeliverPolicy:     jetstream.DeliverAllPolicy,
		InactiveThreshold: 30 * time.Second,
	})
	if err != nil {
		return fmt.Errorf("projectstate: ordered consumer: %w", err)
	}
	// Stopping an ordered consumer leaves its server-side consumer until
	// the inactivity threshold; a busy runner would pile them up.
	defer func() {
		if info := cons.CachedInfo(); info != nil {
			dctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			_ = js.DeleteConsumer(dctx, events.EventsStream, info.Name)
			cancel()
		}
	}()
	it, err := cons.Messages(jetstream.PullMaxMessages(512))
	if err != nil {
		return fmt.Errorf("projectstate: read events: %w", err)
	}
	defer it.Stop()
	for {
		msg, err := it.Next(jetstream.NextContext(ctx))
		if err != nil {
			return fmt.Errorf("projectstate: read events: %w", err)
		}
		md, err := msg.Metadata()
		if err != nil {
			return fmt.Errorf("projectstate: event metadata: %w", err)
		}
		seq := md.Sequence.Stream
		if seq > bound {
			return nil
		}
		env, err := events.Decode(msg.Data())
		if err != nil {
			return fmt.Errorf("projectstate: event on %s (seq %d): %w", msg.Subject(), seq, err)
		}
		if err := apply(env); err != nil {
			return fmt.Errorf("projectstate: event %s (seq %d): %w", env.Type, seq, err)
		}
		if seq == bound || md.NumPending == 0 {
			return nil
		}
	}
}

// docRef is a current document as doc.added described it.
type docRef struct {
	id, name, key string
}

// folder accumulates a project's events.
type folder struct {
	project Project
	created bool
	deleted bool
	docs    map[string]docRef // by doc id
	results map[pipeline.Step]events.RunResult
	edits   termedits.Edits
}

func newFolder(projectID string) *folder {
	return &folder{
		project: Project{ID: projectID},
		docs:    map[string]docRef{},
		results: map[pipeline.Step]events.RunResult{},
	}
}

// apply folds one event into the project.
func (f *folder) apply(env events.Envelope) error {
	switch env.Type {
	case events.TypeProjectCreated:
		d, err := events.DecodeData[events.ProjectCreated](env)
		if err != nil {
			return err
		}
		f.created = true
		p := &f.project
		p.Name, p.LLMProvider, p.LLMModel, p.LLMBaseURL = d.Name, d.LLMProvider, d.LLMModel, d.LLMBaseURL
	case events.TypeProjectUpdated:
		d, err := events.DecodeData[events.ProjectUpdated](env)
		if err != nil {
			return err
		}
		p := &f.project
		setIf(&p.Name, d.Name)
		setIf(&p.LLMProvider, d.LLMProvider)
		setIf(&p.LLMModel, d.LLMModel)
		setIf(&p.LLMBaseURL, d.LLMBaseURL)
	case events.TypeProjectDeleted:
		f.deleted = true
	case events.TypeDocAdded:
		d, err := events.DecodeData[events.DocAdded](env)
		if err != nil {
			return err
		}
		// A document added again under the same name replaces the old one.
		for id, ref := range f.docs {
			if ref.name == d.FileName {
				delete(f.docs, id)
			}
		}
		key := d.ObjectKey
		if key == "" {
			if key, err = events.DocObjectKey(env.ProjectID, d.DocID); err != nil {
				return err
			}
		}
		f.docs[d.DocID] = docRef{id: d.DocID, name: d.FileName, key: key}
	case events.TypeDocRemoved:
		d, err := events.DecodeData[events.DocRemoved](env)
		if err != nil {
			return err
		}
		delete(f.docs, d.DocID)
	case events.TypeRunResult:
		d, err := events.DecodeData[events.RunResult](env)
		if err != nil {
			return err
		}
		f.result(d)
	case events.TypeProjectCloned:
		d, err := events.DecodeData[events.ProjectCloned](env)
		if err != nil {
			return err
		}
		for _, res := range d.Results {
			f.result(res)
		}
	default:
		if kindFamily(env.Type) == events.FamilyTerm {
			return f.applyTermEdit(env)
		}
	}
	return nil
}

// result records the latest output of a step; the step's earlier
// deletions or definition edits end with it.
func (f *folder) result(res events.RunResult) {
	step := pipeline.Step(res.Step)
	if isStep(step) {
		f.results[step] = res
		f.edits.StepReplaced(res.Step)
	}
}

// applyTermEdit folds a term.* user edit (manual terms, exclusions,
// required terms, notes, categories, synonym groups, provisional edits).
// Types this build does not know are skipped, as are edits the projector
// would skip as invalid.
func (f *folder) applyTermEdit(env events.Envelope) error {
	if _, known := events.Version(env.Type); !known {
		return nil
	}
	d, err := env.Payload()
	if err != nil {
		return err
	}
	if _, err := f.edits.Apply(d); err != nil && !errors.Is(err, termedits.ErrInvalidEdit) {
		return err
	}
	return nil
}

func kindFamily(eventType string) string {
	fam, _, _ := strings.Cut(eventType, ".")
	return fam
}

func isStep(s pipeline.Step) bool {
	for _, k := range pipeline.Steps {
		if s == k {
			return true
		}
	}
	return false
}

func setIf(dst *string, v *string) {
	if v != nil {
		*dst = *v
	}
}

// loadDocs reads and parses the current documents' contents.
func (f *folder) loadDocs(ctx context.Context, js jetstream.JetStream, direct bool, via []events.ReadOption) error {
	p := &f.project
	p.DocPaths = map[string]string{}
	if len(f.docs) == 0 {
		return nil
	}
	refs := make([]docRef, 0, len(f.docs))
	for _, r := range f.docs {
		refs = append(refs, r)
	}
	sort.Slice(refs, func(i, j int) bool { return refs[i].name < refs[j].name })
	type loaded struct {
		doc glossary.Document
		err error
		// fatal marks a fetch that failed for a reason other than a
		// missing object (a timeout during a leader election, a lost
		// connection): the run must not go on without the document.
		fatal bool
	}
	out := make([]loaded, len(refs))
	sem := make(chan struct{}, docFetchConcurrency)
	var wg sync.WaitGroup
	for i, r := range refs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			b, err := getDoc(ctx, js, r.key, direct, via)
			if err != nil {
				out[i].err = fmt.Errorf("get %s: %w", r.key, err)
				out[i].fatal = !errors.Is(err, jetstream.ErrObjectNotFound)
				return
			}
			out[i].doc, out[i].err = document.ParseStored(r.name, b, document.Limits{})
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("projectstate: load documents: %w", err)
	}
	for i, l := range out {
		if l.fatal {
			return fmt.Errorf("projectstate: load document %s: %w", refs[i].name, l.err)
		}
		if l.err != nil {
			p.Problems = append(p.Problems, fmt.Sprintf("document %s (%s) not loaded: %v", refs[i].name, refs[i].id, l.err))
			continue
		}
		p.Docs = append(p.Docs, l.doc)
		p.DocPaths[refs[i].id] = l.doc.Path
	}
	sort.Slice(p.Docs, func(i, j int) bool { return p.Docs[i].Path < p.Docs[j].Path })
	return nil
}

// loadResults decodes the last result of each step into the state.
func (f *folder) loadResults(ctx context.Context, js jetstream.JetStream) error {
	if len(f.results) == 0 {
		return nil
	}
	var artifacts jetstream.ObjectStore
	st := &f.project.State
	for _, step := range pipeline.Steps {
		res, ok := f.results[step]
		if !ok {
			continue
		}
		if res.ObjectKey != "" && artifacts == nil {
			var err error
			if artifacts, err = js.ObjectStore(ctx, events.ArtifactsBucket); err != nil {
				return fmt.Errorf("projectstate: object store %s: %w", events.ArtifactsBucket, err)
			}
		}
		raw, err := res.Payload(ctx, artifacts)
		if err != nil {
			return fmt.Errorf("projectstate: result of step %s: %w", step, err)
		}
		var out events.StepOutput
		if len(raw) > 0 {
			if err := json.Unmarshal(raw, &out); err != nil {
				return fmt.Errorf("projectstate: result of step %s: %w: %w", step, events.ErrInvalidEnvelope, err)
			}
		}
		switch step {
		case pipeline.StepExtract:
			st.Terms, st.AutoExcluded = out.Terms, out.AutoExcluded
		case pipeline.StepProvisional:
			st.Provisional = out.Entries
		case pipeline.StepIssues:
			st.Issues = out.Issues
		case pipeline.StepRefined:
			st.Refined = out.Entries
		}
	}
	return nil
}
