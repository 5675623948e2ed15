package events_test

import (
	"errors"
	"testing"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/natstest"
)

// TestLastEventWithoutDirectGet checks the fallback of LastEvent to the
// stream API when the stream does not answer direct gets (a stream made
// by an older version or by hand), and its errors when the stream is
// missing.
func TestLastEventWithoutDirectGet(t *testing.T) {
	t.Parallel()
	_, _, js := natstest.Start(t, natstest.InProcessOnly(), natstest.WithoutSetup())
	ctx := t.Context()
	p := events.NewID()
	filter, _ := events.ProjectRunsFilter(p)
	if _, _, err := events.LastEvent(ctx, js, filter); err == nil || errors.Is(err, events.ErrNoEvents) {
		t.Fatalf("missing stream: err %v, want a stream error", err)
	}

	cfg := events.EventsStreamConfig(events.SetupConfig{})
	cfg.AllowDirect = false
	if _, err := js.CreateStream(ctx, cfg); err != nil {
		t.Fatal(err)
	}
	if _, seq, err := events.LastEvent(ctx, js, filter); !errors.Is(err, events.ErrNoEvents) || seq != 0 {
		t.Fatalf("empty: seq %d err %v, want 0, ErrNoEvents", seq, err)
	}
	req := newRunRequested(t, p)
	ack, err := events.Publish(ctx, js, req)
	if err != nil {
		t.Fatal(err)
	}
	last, seq, err := events.LastEvent(ctx, js, filter)
	if err != nil || seq != ack.Sequence || last.ID != req.ID {
		t.Fatalf("LastEvent = %s seq %d err %v, want %s seq %d", last.ID, seq, err, req.ID, ack.Sequence)
	}
}

// TestLastEventFromLeader reads what LastEvent reads, through the stream's
// API: nothing, then the last event of the filter, not another project's.
func TestLastEventFromLeader(t *testing.T) {
	t.Parallel()
	_, _, js := natstest.Start(t, natstest.InProcessOnly())
	ctx := t.Context()
	p, other := events.NewID(), events.NewID()
	filter, _ := events.ProjectRunsFilter(p)
	if _, seq, err := events.LastEventFromLeader(ctx, js, filter); !errors.Is(err, events.ErrNoEvents) || seq != 0 {
		t.Fatalf("empty: seq %d err %v, want 0, ErrNoEvents", seq, err)
	}
	req := newRunRequested(t, p)
	ack, err := events.Publish(ctx, js, req)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := events.Publish(ctx, js, newRunRequested(t, other)); err != nil {
		t.Fatal(err)
	}
	last, seq, err := events.LastEventFromLeader(ctx, js, filter)
	if err != nil || seq != ack.Sequence || last.ID != req.ID {
		t.Fatalf("LastEventFromLeader = %s seq %d err %v, want %s seq %d", last.ID, seq, err, req.ID, ack.Sequence)
	}
	direct, dseq, err := events.LastEvent(ctx, js, filter)
	if err != nil || dseq != seq || direct.ID != last.ID {
		t.Fatalf("LastEvent = %s seq %d err %v, want what the leader says (%s, %d)", direct.ID, dseq, err, last.ID, seq)
	}
}
