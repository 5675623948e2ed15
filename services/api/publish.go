package api

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"golang.org/x/text/unicode/norm"

	"github.com/genglossary/genglossary/events"
)

// errUnavailable is answered when NATS cannot take a write.
var errUnavailable = errStatus(http.StatusServiceUnavailable, "the event store is unavailable; try again shortly")

// publish stores env and waits until the projector has applied it, so the
// caller's next read sees it.
func (s *server) publish(ctx context.Context, env events.Envelope) (uint64, error) {
	ack, err := events.Publish(ctx, s.JS, env)
	if err != nil {
		s.Logger.Error("publish failed", "type", env.Type, "project_id", env.ProjectID, "err", err)
		return 0, errUnavailable
	}
	return ack.Sequence, s.wait(ctx, ack.Sequence)
}

// publishExpect is publish with optimistic concurrency on filter; a lost
// race returns an error wrapping events.ErrConflict.
func (s *server) publishExpect(ctx context.Context, env events.Envelope, lastSeq uint64, filter string) (uint64, error) {
	ack, err := events.PublishExpect(ctx, s.JS, env, lastSeq, filter)
	if err != nil {
		if errors.Is(err, events.ErrConflict) {
			return 0, err
		}
		s.Logger.Error("publish failed", "type", env.Type, "project_id", env.ProjectID, "err", err)
		return 0, errUnavailable
	}
	return ack.Sequence, s.wait(ctx, ack.Sequence)
}

func (s *server) wait(ctx context.Context, seq uint64) error {
	if err := s.Projector.WaitFor(ctx, seq); err != nil {
		if ctx.Err() != nil {
			return errStatus(http.StatusServiceUnavailable, "the request was stored but the read model did not catch up in time")
		}
		return fmt.Errorf("wait for projection of seq %d: %w", seq, err)
	}
	return nil
}

func newEnvelope(projectID, runID string, data events.Data) (events.Envelope, error) {
	env, err := events.NewEnvelope(projectID, runID, data)
	if err != nil {
		return events.Envelope{}, fmt.Errorf("build %s event: %w", data.Type(), err)
	}
	return env, nil
}

// Project names are unique. The names bucket is a JetStream key-value store
// used as a lock table: creating a key is atomic across API replicas, so two
// concurrent creates of one name cannot both win. Keys are hashes of the
// normalised name; values are the owning project id.
const namesBucket = "gg-names"

// errNameTaken is answered when a project of that name exists.
var errNameTaken = errStatus(http.StatusConflict, "a project with this name already exists")

func nameKey(name string) string {
	sum := sha256.Sum256([]byte(strings.ToLower(norm.NFC.String(strings.TrimSpace(name)))))
	return "n" + hex.EncodeToString(sum[:16])
}

func (s *server) names(ctx context.Context) (jetstream.KeyValue, error) {
	kv, err := s.JS.KeyValue(ctx, namesBucket)
	if errors.Is(err, jetstream.ErrBucketNotFound) {
		kv, err = s.JS.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: namesBucket, Description: "GenGlossary project name reservations", Replicas: s.replicas(ctx)})
	}
	if err != nil {
		s.Logger.Error("names bucket", "err", err)
		return nil, errUnavailable
	}
	return kv, nil
}

// replicas copies the events stream's replica count for the names bucket.
func (s *server) replicas(ctx context.Context) int {
	st, err := s.JS.Stream(ctx, events.EventsStream)
	if err != nil {
		return 1
	}
	return max(st.CachedInfo().Config.Replicas, 1)
}

// staleReservation is how old a reservation whose project does not exist
// must be before another create may take it over (a create in flight on
// another replica is younger).
const staleReservation = time.Minute

// reserveName claims name for projectID. A reservation left by a create
// that never completed (its project does not exist) is taken over.
func (s *server) reserveName(ctx context.Context, name, projectID string) error {
	kv, err := s.names(ctx)
	if err != nil {
		return err
	}
	key := nameKey(name)
	if _, err := kv.Create(ctx, key, []byte(projectID)); err == nil {
		return nil
	} else if !errors.Is(err, jetstream.ErrKeyExists) {
		s.Logger.Error("reserve name", "err", err)
		return errUnavailable
	}
	entry, err := kv.Get(ctx, key)
	if err != nil {
		if errors.Is(err, jetstream.ErrKeyNotFound) {
			return s.reserveName(ctx, name, projectID)
		}
		return errUnavailable
	}
	owner := string(entry.Value())
	if owner == projectID {
		return nil
	}
	if _, err := s.Store.GetProject(ctx, owner); err == nil || time.Since(entry.Created()) < staleReservation {
		return errNameTaken
	}
	// The owner never came to exist: take the reservation over.
	if _, err := kv.Update(ctx, key, []byte(projectID), entry.Revision()); err != nil {
		return errNameTaken
	}
	return nil
}

// releaseName frees name if projectID holds it.
func (s *server) releaseName(ctx context.Context, name, projectID string) {
	kv, err := s.names(ctx)
	if err != nil {
		return
	}
	key := nameKey(name)
	entry, err := kv.Get(ctx, key)
	if err != nil || string(entry.Value()) != projectID {
		return
	}
	if err := kv.Delete(ctx, key, jetstream.LastRevision(entry.Revision())); err != nil {
		s.Logger.Warn("release name", "project_id", projectID, "err", err)
	}
}
