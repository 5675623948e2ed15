package projections

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
)

// replayBatchSize is the most events [Reproject] applies per transaction:
// a replay has nobody waiting on each event, so it commits far less often
// than the live projector.
const replayBatchSize = 4096

// Reproject rebuilds the read model at path from the GG_EVENTS stream: it
// projects every event from sequence 1 up to the stream's last sequence
// (read when it starts) into path+".tmp", then renames that file over path
// (removing path's -wal and -shm files first). No [Store] may be open on
// path meanwhile. On error path is left as it was. log may be nil.
func Reproject(ctx context.Context, path string, js jetstream.JetStream, log *slog.Logger) error {
	if log == nil {
		log = discardLogger()
	}
	tmp := path + ".tmp"
	if err := removeDB(tmp); err != nil {
		return fmt.Errorf("projections: reproject: remove old %s: %w", tmp, err)
	}
	st, err := js.Stream(ctx, events.EventsStream)
	if err != nil {
		return fmt.Errorf("projections: reproject: stream %s: %w", events.EventsStream, err)
	}
	state := st.CachedInfo().State
	target := state.LastSeq

	s, err := openReplay(ctx, tmp)
	if err != nil {
		return fmt.Errorf("projections: reproject: %w", err)
	}
	p := NewProjector(s, js, Config{Logger: log, BatchSize: replayBatchSize})
	if state.Msgs > 0 && target > 0 {
		err = p.catchUp(ctx, target)
	}
	if err == nil {
		err = s.endReplay(ctx)
	}
	if err == nil {
		err = s.detach(ctx)
	}
	err = errors.Join(err, s.Close())
	if err == nil {
		// openReplay's commits do not fsync: make the file durable before
		// it replaces path.
		err = syncFile(tmp)
	}
	if err != nil {
		_ = removeDB(tmp)
		return fmt.Errorf("projections: reproject: %w", err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("projections: reproject: %w", err)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("projections: reproject: %w", err)
	}
	syncDir(filepath.Dir(path))
	log.Info("read model rebuilt", "path", path, "applied", p.Applied(), "stream_last_seq", target)
	return nil
}

// removeDB removes a database file and its -wal, -shm and -journal files.
func removeDB(path string) error {
	var errs []error
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// syncFile flushes a file's contents to stable storage.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	return errors.Join(f.Sync(), f.Close())
}

// syncDir makes a rename durable where the platform allows it.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}
