package events

import (
	"cmp"
	"context"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// JetStream resource names, defined once for the whole module.
const (
	// EventsStream holds every domain event (project, doc, run, term),
	// kept forever by default.
	EventsStream = "GG_EVENTS"
	// LogsStream holds run log lines, with age and size limits.
	LogsStream = "GG_LOGS"
	// RunnersConsumer is the durable pull consumer on EventsStream that
	// all runners share; it delivers run.requested events.
	RunnersConsumer = "gg-runners"
	// DocsBucket is the object store holding document contents.
	DocsBucket = "gg-docs"
	// ArtifactsBucket is the object store holding large step results.
	ArtifactsBucket = "gg-artifacts"
)

// Defaults of [SetupConfig] and stream settings.
const (
	// DuplicateWindow is how long JetStream remembers Nats-Msg-Id values
	// to drop duplicates.
	DuplicateWindow = 2 * time.Minute
	// DefaultLogMaxAge is how long log lines are kept.
	DefaultLogMaxAge = 7 * 24 * time.Hour
	// DefaultLogMaxBytes caps the log stream's size (1 GiB).
	DefaultLogMaxBytes int64 = 1 << 30
	// DefaultAckWait is how long a runner may hold a run.requested message
	// without acking or heartbeating (InProgress) before redelivery.
	DefaultAckWait = 30 * time.Second
	// DefaultMaxAttempts is how many times a run is attempted.
	DefaultMaxAttempts = 3
	// MaxInlineResult is the largest step result carried inline in a
	// [RunResult]; larger results go to ArtifactsBucket (claim check).
	MaxInlineResult = 256 << 10
)

// SetupConfig configures [Setup]. The zero value means all defaults.
type SetupConfig struct {
	// Replicas of every stream, consumer and object store. Default 1; use
	// 3 on a NATS cluster.
	Replicas int
	// LogMaxAge is how long LogsStream keeps messages. Default
	// [DefaultLogMaxAge]; negative means forever.
	LogMaxAge time.Duration
	// LogMaxBytes caps LogsStream, discarding the oldest messages. Default
	// [DefaultLogMaxBytes]; negative means unlimited.
	LogMaxBytes int64
	// AckWait of RunnersConsumer. Default [DefaultAckWait].
	AckWait time.Duration
	// MaxAttempts is how many times a run is attempted. The consumer's
	// MaxDeliver is MaxAttempts+1: the extra delivery lets a runner see
	// that the attempts are used up and end the run failed. Default
	// [DefaultMaxAttempts].
	MaxAttempts int
}

// WithDefaults returns a copy of c with zero fields set to their defaults.
func (c SetupConfig) WithDefaults() SetupConfig {
	c.Replicas = cmp.Or(c.Replicas, 1)
	c.LogMaxAge = cmp.Or(c.LogMaxAge, DefaultLogMaxAge)
	c.LogMaxBytes = cmp.Or(c.LogMaxBytes, DefaultLogMaxBytes)
	c.AckWait = cmp.Or(c.AckWait, DefaultAckWait)
	c.MaxAttempts = cmp.Or(c.MaxAttempts, DefaultMaxAttempts)
	return c
}

func (c SetupConfig) validate() error {
	switch {
	case c.Replicas < 1 || c.Replicas > 5:
		return fmt.Errorf("%w: Replicas must be 1..5, got %d", ErrInvalidConfig, c.Replicas)
	case c.AckWait < time.Second:
		return fmt.Errorf("%w: AckWait must be at least 1s, got %s", ErrInvalidConfig, c.AckWait)
	case c.MaxAttempts < 1:
		return fmt.Errorf("%w: MaxAttempts must be >= 1, got %d", ErrInvalidConfig, c.MaxAttempts)
	}
	return nil
}

// EventsStreamConfig returns the configuration of [EventsStream]: file
// storage, limits retention with no limits (kept forever), a
// [DuplicateWindow] de-duplication window and direct gets allowed.
func EventsStreamConfig(c SetupConfig) jetstream.StreamConfig {
	c = c.WithDefaults()
	return jetstream.StreamConfig{
		Name:        EventsStream,
		Description: "GenGlossary domain events",
		Subjects:    []string{ProjectSubjects, DocSubjects, RunSubjects, TermSubjects},
		Retention:   jetstream.LimitsPolicy,
		Storage:     jetstream.FileStorage,
		Discard:     jetstream.DiscardOld,
		MaxAge:      0,
		MaxBytes:    -1,
		MaxMsgs:     -1,
		Duplicates:  DuplicateWindow,
		Replicas:    c.Replicas,
		AllowDirect: true,
	}
}

// LogsStreamConfig returns the configuration of [LogsStream]: file
// storage, limits retention by c.LogMaxAge and c.LogMaxBytes discarding the
// oldest, a [DuplicateWindow] de-duplication window and direct gets
// allowed.
func LogsStreamConfig(c SetupConfig) jetstream.StreamConfig {
	c = c.WithDefaults()
	return jetstream.StreamConfig{
		Name:        LogsStream,
		Description: "GenGlossary run logs",
		Subjects:    []string{LogSubjects},
		Retention:   jetstream.LimitsPolicy,
		Storage:     jetstream.FileStorage,
		Discard:     jetstream.DiscardOld,
		MaxAge:      max(c.LogMaxAge, 0),
		MaxBytes:    max(c.LogMaxBytes, -1),
		MaxMsgs:     -1,
		Duplicates:  DuplicateWindow,
		Replicas:    c.Replicas,
		AllowDirect: true,
	}
}

// RunnersConsumerConfig returns the configuration of [RunnersConsumer]:
// durable, pull, filtered on [RunRequestedSubjects], explicit acks,
// c.AckWait and MaxDeliver c.MaxAttempts+1.
func RunnersConsumerConfig(c SetupConfig) jetstream.ConsumerConfig {
	c = c.WithDefaults()
	return jetstream.ConsumerConfig{
		Durable:       RunnersConsumer,
		Description:   "GenGlossary runners: run.requested work queue",
		FilterSubject: RunRequestedSubjects,
		DeliverPolicy: jetstream.DeliverAllPolicy,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       c.AckWait,
		MaxDeliver:    c.MaxAttempts + 1,
		ReplayPolicy:  jetstream.ReplayInstantPolicy,
		Replicas:      c.Replicas,
	}
}

// DocsObjectStoreConfig returns the configuration of [DocsBucket].
func DocsObjectStoreConfig(c SetupConfig) jetstream.ObjectStoreConfig {
	c = c.WithDefaults()
	return jetstream.ObjectStoreConfig{
		Bucket:      DocsBucket,
		Description: "GenGlossary document contents",
		Storage:     jetstream.FileStorage,
		Replicas:    c.Replicas,
	}
}

// ArtifactsObjectStoreConfig returns the configuration of
// [ArtifactsBucket].
func ArtifactsObjectStoreConfig(c SetupConfig) jetstream.ObjectStoreConfig {
	c = c.WithDefaults()
	return jetstream.ObjectStoreConfig{
		Bucket:      ArtifactsBucket,
		Description: "GenGlossary large step results (claim check)",
		Storage:     jetstream.FileStorage,
		Replicas:    c.Replicas,
	}
}

// Setup creates or updates, idempotently, both streams, the runners'
// consumer and both object stores. Running it again with the same config is
// a no-op; with a changed config it applies the change (within what
// JetStream allows to update). Errors wrap [ErrInvalidConfig] or name the
// resource that failed.
func Setup(ctx context.Context, js jetstream.JetStream, c SetupConfig) error {
	c = c.WithDefaults()
	if err := c.validate(); err != nil {
		return err
	}
	for _, sc := range []jetstream.StreamConfig{EventsStreamConfig(c), LogsStreamConfig(c)} {
		if _, err := js.CreateOrUpdateStream(ctx, sc); err != nil {
			return fmt.Errorf("events: setup stream %s: %w", sc.Name, err)
		}
	}
	if _, err := js.CreateOrUpdateConsumer(ctx, EventsStream, RunnersConsumerConfig(c)); err != nil {
		return fmt.Errorf("events: setup consumer %s: %w", RunnersConsumer, err)
	}
	for _, oc := range []jetstream.ObjectStoreConfig{DocsObjectStoreConfig(c), ArtifactsObjectStoreConfig(c)} {
		if _, err := js.CreateOrUpdateObjectStore(ctx, oc); err != nil {
			return fmt.Errorf("events: setup object store %s: %w", oc.Bucket, err)
		}
	}
	return nil
}
