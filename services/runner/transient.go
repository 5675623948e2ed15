package runner

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
)

// publishBudget bounds the retries of one publish of the emitter: long
// enough to ride out a JetStream leader election or a NATS node restart.
const publishBudget = 30 * time.Second

// JetStream API error codes of a cluster that is electing a leader or has
// lost a node; another try soon may succeed.
const (
	jsErrClusterNoPeers   jetstream.ErrorCode = 10005
	jsErrClusterNotAvail  jetstream.ErrorCode = 10008
	jsErrClusterNotLeader jetstream.ErrorCode = 10009
	jsErrStreamOffline    jetstream.ErrorCode = 10118
)

// errStoreUnavailable marks (wrapped, by storeErr) a run's failure to read
// or write the event store that a later attempt may not meet; the run is
// handed back for another attempt rather than failed.
var errStoreUnavailable = errors.New("event store unavailable")

// storeErr wraps err with errStoreUnavailable when it is transient (see
// isTransient); other errors are returned as they are.
func storeErr(err error) error {
	if isTransient(err) {
		return fmt.Errorf("%w: %w", errStoreUnavailable, err)
	}
	return err
}

// isTransient reports whether err is a failure of the event store that a
// later try may not see: a timeout, no responder (a stream without a
// leader), a connection that is reconnecting, or a JetStream cluster that
// is electing a leader. A stream limit, a missing stream or a conflict is
// not transient.
func isTransient(err error) bool {
	if err == nil {
		return false
	}
	var apiErr *jetstream.APIError
	if errors.As(err, &apiErr) {
		switch apiErr.ErrorCode {
		case jsErrClusterNoPeers, jsErrClusterNotAvail, jsErrClusterNotLeader, jsErrStreamOffline:
			return true
		}
		return false
	}
	return errors.Is(err, context.DeadlineExceeded) ||
		errors.Is(err, nats.ErrTimeout) ||
		errors.Is(err, nats.ErrNoResponders) ||
		errors.Is(err, jetstream.ErrNoStreamResponse) ||
		errors.Is(err, jetstream.ErrNoHeartbeat) ||
		errors.Is(err, nats.ErrConnectionReconnecting) ||
		errors.Is(err, nats.ErrDisconnected)
}

// publishRetrying publishes env and waits for its ack, retrying transient
// failures with backoff for up to publishBudget. A retry sends the same
// envelope, so its Nats-Msg-Id makes JetStream store it at most once even
// when an earlier try was stored but its ack lost.
func publishRetrying(base context.Context, js jetstream.JetStream, env events.Envelope) (*jetstream.PubAck, error) {
	return retryTransient(base, func(ctx context.Context) (*jetstream.PubAck, error) {
		return events.Publish(ctx, js, env)
	})
}

// retryTransient calls publish (one try of one envelope) until it succeeds
// or fails for good, retrying transient failures with backoff for up to
// publishBudget.
func retryTransient(base context.Context, publish func(context.Context) (*jetstream.PubAck, error)) (*jetstream.PubAck, error) {
	deadline := time.Now().Add(publishBudget)
	backoff := 100 * time.Millisecond
	for {
		ctx, cancel := context.WithTimeout(base, publishTimeout)
		ack, err := publish(ctx)
		cancel()
		if err == nil || !isTransient(err) || time.Now().Add(backoff).After(deadline) {
			return ack, err
		}
		select {
		case <-base.Done():
			return nil, err
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, 2*time.Second)
	}
}
