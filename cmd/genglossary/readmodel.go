package main

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/projections"
)

// checkReadModelMissing says in the log when the read model at path does
// not exist although the event stream holds events (it was deleted, or
// this is a new host): the projector replays the stream from sequence 1.
func checkReadModelMissing(ctx context.Context, path string, js jetstream.JetStream, log *slog.Logger) {
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		return
	}
	st, err := js.Stream(ctx, events.EventsStream)
	if err != nil {
		return
	}
	if last := st.CachedInfo().State.LastSeq; last > 0 {
		log.Warn("read model not found; rebuilding it from the streams", "file", filepath.Base(path), "events", last)
	}
}

// announceRebuilt logs, when the read model starts empty (deleted,
// corrupt and set aside, or of another schema version) while the stream
// holds events, once the projector has replayed the stream up to its last
// sequence at start. It gives up quietly when ctx ends.
func announceRebuilt(ctx context.Context, proj *projections.Projector, js jetstream.JetStream, log *slog.Logger) {
	if proj.Applied() != 0 {
		return
	}
	st, err := js.Stream(ctx, events.EventsStream)
	if err != nil {
		return
	}
	last := st.CachedInfo().State.LastSeq
	if last == 0 {
		return
	}
	if err := proj.WaitFor(ctx, last); err == nil {
		log.Info("read model rebuilt from the streams", "events", last)
	}
}
