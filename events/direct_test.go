package events_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/natstest"
)

// TestReadDirect checks batched direct reads against what was published:
// order, filtering by wildcard, the from/upTo bounds, reads longer than
// one batch, an empty result, and fn's error returned.
func TestReadDirect(t *testing.T) {
	t.Parallel()
	_, _, js := natstest.Start(t, natstest.InProcessOnly())
	ctx := t.Context()
	p, other := events.NewID(), events.NewID()
	var seqs []uint64 // of project p's events, in order
	for i := range 1100 {
		pid := p
		if i%3 == 2 {
			pid = other
		}
		ack, err := events.Publish(ctx, js, newRunRequested(t, pid))
		if err != nil {
			t.Fatal(err)
		}
		if pid == p {
			seqs = append(seqs, ack.Sequence)
		}
	}
	filter := events.SubjectRoot + "." + p + ".>"
	read := func(from, upTo uint64) ([]uint64, error) {
		var got []uint64
		err := events.ReadDirect(ctx, js, events.EventsStream, filter, from, upTo, func(m *jetstream.RawStreamMsg) error {
			if !strings.HasPrefix(m.Subject, events.SubjectRoot+"."+p+".") {
				return fmt.Errorf("subject %s does not match", m.Subject)
			}
			if _, err := events.Decode(m.Data); err != nil {
				return err
			}
			got = append(got, m.Sequence)
			return nil
		})
		return got, err
	}
	cases := []struct {
		name       string
		from, upTo uint64
		want       []uint64
	}{
		{"all", 0, 0, seqs},
		{"up to a bound inside the second batch", 0, seqs[600], seqs[:601]},
		{"from the middle", seqs[300], 0, seqs[300:]},
		{"a window", seqs[10] + 1, seqs[20], seqs[11:21]},
		{"past the end", seqs[len(seqs)-1] + 1000, 0, nil},
	}
	for _, tc := range cases {
		got, err := read(tc.from, tc.upTo)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s: read %d sequences %v..., want %d", tc.name, len(got), head(got), len(tc.want))
		}
	}
	stop := errors.New("stop")
	if err := events.ReadDirect(ctx, js, events.EventsStream, filter, 0, 0, func(*jetstream.RawStreamMsg) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("fn's error: got %v", err)
	}
}

func head(s []uint64) []uint64 { return s[:min(len(s), 5)] }

// TestReadDirectWithoutDirectGet checks that a stream that does not answer
// direct gets yields ErrNoDirectGet, for callers to fall back.
func TestReadDirectWithoutDirectGet(t *testing.T) {
	t.Parallel()
	_, _, js := natstest.Start(t, natstest.InProcessOnly(), natstest.WithoutSetup())
	ctx := t.Context()
	cfg := events.EventsStreamConfig(events.SetupConfig{})
	cfg.AllowDirect = false
	if _, err := js.CreateStream(ctx, cfg); err != nil {
		t.Fatal(err)
	}
	err := events.ReadDirect(ctx, js, events.EventsStream, events.SubjectRoot+".>", 0, 0, func(*jetstream.RawStreamMsg) error { return nil })
	if !errors.Is(err, events.ErrNoDirectGet) {
		t.Fatalf("err = %v, want ErrNoDirectGet", err)
	}
	if _, err := events.GetObjectDirect(ctx, js, "no-such-bucket", "x"); !errors.Is(err, events.ErrNoDirectGet) {
		t.Fatalf("missing bucket: err = %v, want ErrNoDirectGet", err)
	}
}

// TestGetObjectDirect checks that objects read by direct gets equal what
// the object store stored (empty, one chunk, many chunks), that missing
// and deleted objects are ErrObjectNotFound, and that a corrupted chunk is
// caught by the digest.
func TestGetObjectDirect(t *testing.T) {
	t.Parallel()
	_, _, js := natstest.Start(t, natstest.InProcessOnly())
	ctx := t.Context()
	obs, err := js.ObjectStore(ctx, events.DocsBucket)
	if err != nil {
		t.Fatal(err)
	}
	big := bytes.Repeat([]byte("0123456789abcdef"), 50_000) // 800 kB: 7 chunks
	for name, data := range map[string][]byte{
		"empty.md":         {},
		"small.md":         []byte("# Title\n\nSome text.\n"),
		"big.md":           big,
		"日本語/ファイル.md":      []byte("用語集のテスト。\n"),
		"name with spaces": []byte("x"),
	} {
		if _, err := obs.PutBytes(ctx, name, data); err != nil {
			t.Fatal(err)
		}
		got, err := events.GetObjectDirect(ctx, js, events.DocsBucket, name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(got, data) {
			t.Errorf("%s: got %d bytes, want %d", name, len(got), len(data))
		}
	}
	if _, err := events.GetObjectDirect(ctx, js, events.DocsBucket, "missing.md"); !errors.Is(err, jetstream.ErrObjectNotFound) {
		t.Errorf("missing: err = %v", err)
	}
	if err := obs.Delete(ctx, "small.md"); err != nil {
		t.Fatal(err)
	}
	if _, err := events.GetObjectDirect(ctx, js, events.DocsBucket, "small.md"); !errors.Is(err, jetstream.ErrObjectNotFound) {
		t.Errorf("deleted: err = %v", err)
	}

	// Corrupt a chunk: replace the object's only chunk message in place.
	if _, err := obs.PutBytes(ctx, "victim.md", []byte("original content")); err != nil {
		t.Fatal(err)
	}
	info, err := obs.GetInfo(ctx, "victim.md")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := js.Publish(ctx, "$O."+events.DocsBucket+".C."+info.NUID, []byte("tampered content")); err != nil {
		t.Fatal(err)
	}
	if _, err := events.GetObjectDirect(ctx, js, events.DocsBucket, "victim.md"); !errors.Is(err, jetstream.ErrDigestMismatch) {
		t.Errorf("tampered: err = %v, want ErrDigestMismatch", err)
	}
}

// TestReadDirectAllAndLastMessages checks several filters read at once
// (literal and wildcard, one longer than a batch, one empty) against
// single reads, and LastMessages (the last message per run subject, bounded
// by up_to_seq; nothing matching; too many subjects).
func TestReadDirectAllAndLastMessages(t *testing.T) {
	t.Parallel()
	_, _, js := natstest.Start(t, natstest.InProcessOnly())
	ctx := t.Context()
	p := events.NewID()
	runs := []string{events.NewID(), events.NewID(), events.NewID()}
	lastOfRun := map[string]uint64{}
	var bound uint64
	for i := range 700 {
		r := runs[i%len(runs)]
		ack, err := events.Publish(ctx, js, runRequestedIn(t, p, r))
		if err != nil {
			t.Fatal(err)
		}
		lastOfRun[r] = ack.Sequence
		if i == 400 {
			bound = ack.Sequence
		}
	}
	subj := func(r string) string { return events.SubjectRoot + "." + p + ".run." + r + ".requested" }
	filters := []string{subj(runs[0]), events.SubjectRoot + "." + p + ".run.*.requested", subj(events.NewID())}
	got := make([][]uint64, len(filters))
	if err := events.ReadDirectAll(ctx, js, events.EventsStream, filters, 0, 0, func(i int, m *jetstream.RawStreamMsg) error {
		got[i] = append(got[i], m.Sequence)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for i, f := range filters {
		var want []uint64
		if err := events.ReadDirect(ctx, js, events.EventsStream, f, 0, 0, func(m *jetstream.RawStreamMsg) error {
			want = append(want, m.Sequence)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got[i]) != fmt.Sprint(want) {
			t.Errorf("filter %s: ReadDirectAll read %d, ReadDirect %d", f, len(got[i]), len(want))
		}
	}
	if len(got[1]) != 700 || len(got[2]) != 0 {
		t.Errorf("read %d and %d messages, want 700 and 0", len(got[1]), len(got[2]))
	}

	last, err := events.LastMessages(ctx, js, events.EventsStream, []string{events.SubjectRoot + "." + p + ".run.*.requested"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(last) != len(runs) {
		t.Fatalf("LastMessages: %d messages, want %d", len(last), len(runs))
	}
	for _, m := range last {
		_, r, _, err := events.ParseSubject(m.Subject)
		if err != nil || m.Sequence != lastOfRun[r] {
			t.Errorf("LastMessages: %s seq %d, want seq %d (%v)", m.Subject, m.Sequence, lastOfRun[r], err)
		}
	}
	upTo, err := events.LastMessages(ctx, js, events.EventsStream, []string{events.SubjectRoot + "." + p + ".run.*.requested"}, bound)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range upTo {
		if m.Sequence > bound {
			t.Errorf("LastMessages up to %d returned seq %d", bound, m.Sequence)
		}
	}
	if none, err := events.LastMessages(ctx, js, events.EventsStream, []string{events.SubjectRoot + "." + events.NewID() + ".>"}, 0); err != nil || len(none) != 0 {
		t.Errorf("nothing matching: %d messages, err %v", len(none), err)
	}
	for i := range 1100 {
		if _, err := events.Publish(ctx, js, runRequestedIn(t, p, events.NewID())); err != nil {
			t.Fatalf("publish %d: %v", i, err)
		}
	}
	if _, err := events.LastMessages(ctx, js, events.EventsStream, []string{events.SubjectRoot + "." + p + ".run.*.requested"}, 0); !errors.Is(err, events.ErrTooManyResults) {
		t.Errorf("1100 subjects: err = %v, want ErrTooManyResults", err)
	}
}

func runRequestedIn(t *testing.T, p, r string) events.Envelope {
	t.Helper()
	env, err := events.NewEnvelope(p, r, events.RunRequested{Scope: "full", TriggeredBy: events.TriggeredByAPI})
	if err != nil {
		t.Fatal(err)
	}
	return env
}

// TestReadDirectAllSlowReader checks that no reply is lost when the
// reader is slower than the server: eight filters each longer than a batch
// are requested at once while fn stalls on the first message (a reply
// channel too small would drop replies as a slow consumer).
func TestReadDirectAllSlowReader(t *testing.T) {
	t.Parallel()
	_, _, js := natstest.Start(t, natstest.InProcessOnly())
	ctx := t.Context()
	p := events.NewID()
	var filters []string
	for range 8 {
		r := events.NewID()
		filters = append(filters, events.SubjectRoot+"."+p+".run."+r+".requested")
		for range 600 {
			m, err := events.Msg(runRequestedIn(t, p, r))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := js.PublishMsgAsync(m); err != nil {
				t.Fatal(err)
			}
		}
	}
	select {
	case <-js.PublishAsyncComplete():
	case <-ctx.Done():
		t.Fatal(ctx.Err())
	}
	got := make([]int, len(filters))
	first := true
	if err := events.ReadDirectAll(ctx, js, events.EventsStream, filters, 0, 0, func(i int, _ *jetstream.RawStreamMsg) error {
		if first {
			first = false
			time.Sleep(300 * time.Millisecond)
		}
		got[i]++
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for i, n := range got {
		if n != 600 {
			t.Errorf("filter %d: read %d messages, want 600", i, n)
		}
	}
}

// TestHasMessage checks that a stored message is held, and that a deleted
// one, one discarded by a purge, one past the end and one on a stream that
// does not answer direct gets are told apart.
func TestHasMessage(t *testing.T) {
	t.Parallel()
	_, _, js := natstest.Start(t, natstest.InProcessOnly())
	ctx := t.Context()
	var seqs []uint64
	for range 4 {
		ack, err := events.Publish(ctx, js, newRunRequested(t, events.NewID()))
		if err != nil {
			t.Fatal(err)
		}
		seqs = append(seqs, ack.Sequence)
	}
	st, err := js.Stream(ctx, events.EventsStream)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteMsg(ctx, seqs[1]); err != nil {
		t.Fatal(err)
	}
	if err := st.Purge(ctx, jetstream.WithPurgeSequence(seqs[1])); err != nil { // drops seqs[0]
		t.Fatal(err)
	}
	cases := []struct {
		name string
		seq  uint64
		want bool
	}{
		{"purged", seqs[0], false},
		{"deleted", seqs[1], false},
		{"held", seqs[2], true},
		{"last", seqs[3], true},
		{"past the end", seqs[3] + 1, false},
	}
	for _, tc := range cases {
		got, err := events.HasMessage(ctx, js, events.EventsStream, tc.seq)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got != tc.want {
			t.Errorf("%s (seq %d): held = %v, want %v", tc.name, tc.seq, got, tc.want)
		}
	}

	cfg := events.EventsStreamConfig(events.SetupConfig{})
	cfg.Name, cfg.Subjects, cfg.AllowDirect = "NODIRECT", []string{"nodirect.>"}, false
	if _, err := js.CreateStream(ctx, cfg); err != nil {
		t.Fatal(err)
	}
	if _, err := events.HasMessage(ctx, js, "NODIRECT", 1); !errors.Is(err, events.ErrNoDirectGet) {
		t.Errorf("stream without direct gets: err = %v, want ErrNoDirectGet", err)
	}
}

// TestReadsViaReplies checks that reads through one shared Replies
// subscription, from many goroutines at once, return exactly what reads
// with their own subscription return, and that a Replies of another
// connection is not used (the read subscribes on its own).
func TestReadsViaReplies(t *testing.T) {
	t.Parallel()
	srv, nc, js := natstest.Start(t, natstest.InProcessOnly())
	ctx := t.Context()
	p := events.NewID()
	runs := []string{events.NewID(), events.NewID(), events.NewID()}
	for i := range 1200 {
		if _, err := events.Publish(ctx, js, runRequestedIn(t, p, runs[i%len(runs)])); err != nil {
			t.Fatal(err)
		}
	}
	obs, err := js.ObjectStore(ctx, events.DocsBucket)
	if err != nil {
		t.Fatal(err)
	}
	doc := bytes.Repeat([]byte("用語 glossary\n"), 40_000) // several chunks
	if _, err := obs.PutBytes(ctx, "doc.md", doc); err != nil {
		t.Fatal(err)
	}
	filters := []string{
		events.SubjectRoot + "." + p + ".run." + runs[0] + ".requested",
		events.SubjectRoot + "." + p + ".run.*.requested",
		events.SubjectRoot + "." + events.NewID() + ".>",
	}
	read := func(opts ...events.ReadOption) (string, error) {
		got := make([][]uint64, len(filters))
		if err := events.ReadDirectAll(ctx, js, events.EventsStream, filters, 0, 0, func(i int, m *jetstream.RawStreamMsg) error {
			got[i] = append(got[i], m.Sequence)
			return nil
		}, opts...); err != nil {
			return "", err
		}
		last, err := events.LastMessages(ctx, js, events.EventsStream, filters[1:2], 0, opts...)
		if err != nil {
			return "", err
		}
		var lastSeqs []uint64
		for _, m := range last {
			lastSeqs = append(lastSeqs, m.Sequence)
		}
		b, err := events.GetObjectDirect(ctx, js, events.DocsBucket, "doc.md", opts...)
		if err != nil {
			return "", err
		}
		if !bytes.Equal(b, doc) {
			return "", fmt.Errorf("object: %d bytes, want %d", len(b), len(doc))
		}
		return fmt.Sprint(len(got[0]), len(got[1]), len(got[2]), got[0][:3], lastSeqs), nil
	}
	want, err := read()
	if err != nil {
		t.Fatal(err)
	}

	replies, err := events.NewReplies(nc)
	if err != nil {
		t.Fatal(err)
	}
	defer replies.Close()
	errs := make(chan error, 8)
	for range cap(errs) {
		go func() {
			for range 5 {
				got, err := read(events.Via(replies))
				if err == nil && got != want {
					err = fmt.Errorf("via replies: %s, want %s", got, want)
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range cap(errs) {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}

	other, err := srv.Connect()
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	foreign, err := events.NewReplies(other)
	if err != nil {
		t.Fatal(err)
	}
	defer foreign.Close()
	if got, err := read(events.Via(foreign)); err != nil || got != want {
		t.Errorf("replies of another connection: %s, %v; want %s", got, err, want)
	}
}
