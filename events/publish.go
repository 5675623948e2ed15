package events

import (
	"context"
	"errors"
	"fmt"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Message headers.
const (
	// HeaderType carries the envelope's type, so consumers can filter
	// without decoding the body.
	HeaderType = "Gg-Type"
	// HeaderMsgID is JetStream's de-duplication header; it carries the
	// envelope's id.
	HeaderMsgID = jetstream.MsgIDHeader
)

// Msg returns the NATS message for env: its subject, its encoded body, and
// the Nats-Msg-Id and Gg-Type headers. Errors as for [Envelope.Encode].
func Msg(env Envelope) (*nats.Msg, error) {
	body, err := env.Encode()
	if err != nil {
		return nil, err
	}
	subj, err := env.Subject()
	if err != nil {
		return nil, err
	}
	m := nats.NewMsg(subj)
	m.Data = body
	m.Header.Set(HeaderMsgID, env.ID)
	m.Header.Set(HeaderType, env.Type)
	return m, nil
}

// Publish publishes env on its subject and waits for the stream's ack.
// Publishing the same envelope again within [DuplicateWindow] stores
// nothing new and returns an ack with Duplicate set. opts are extra
// jetstream publish options. Errors: those of [Envelope.Encode], or the
// publish error wrapped.
func Publish(ctx context.Context, js jetstream.JetStream, env Envelope, opts ...jetstream.PublishOpt) (*jetstream.PubAck, error) {
	m, err := Msg(env)
	if err != nil {
		return nil, err
	}
	ack, err := js.PublishMsg(ctx, m, opts...)
	if err != nil {
		return nil, fmt.Errorf("events: publish %s on %s: %w", env.Type, m.Subject, err)
	}
	return ack, nil
}

// PublishExpect publishes env only if the last message on filter (a
// subject, possibly with wildcards, such as [ProjectRunsFilter]'s
// gg.<p>.run.>) has sequence lastSeq, 0 meaning no message at all. It is
// optimistic concurrency: read lastSeq with [LastEvent], decide, then
// PublishExpect; of concurrent writers with the same lastSeq exactly one
// succeeds. A rejected expectation returns an error wrapping [ErrConflict];
// re-read and decide again.
//
// nats-server checks the expectation before de-duplication, so a retry of
// an envelope that was already stored would be rejected. PublishExpect
// therefore, on a rejection, looks at the last message on env's own
// subject: when it is this very envelope (same id) it returns that
// message's ack with Duplicate set instead of a conflict, so a retried
// publish is safe.
func PublishExpect(ctx context.Context, js jetstream.JetStream, env Envelope, lastSeq uint64, filter string) (*jetstream.PubAck, error) {
	if filter == "" {
		return nil, fmt.Errorf("%w: empty filter", ErrInvalidSubject)
	}
	m, err := Msg(env)
	if err != nil {
		return nil, err
	}
	ack, err := js.PublishMsg(ctx, m, jetstream.WithExpectLastSequenceForSubject(lastSeq, filter))
	if err == nil {
		return ack, nil
	}
	if !isWrongLastSequence(err) {
		return nil, fmt.Errorf("events: publish %s on %s: %w", env.Type, m.Subject, err)
	}
	if dup, ok := alreadyStored(ctx, js, env, m.Subject); ok {
		return dup, nil
	}
	return nil, fmt.Errorf("%w: %s on %s: last sequence of %s is not %d: %w", ErrConflict, env.Type, m.Subject, filter, lastSeq, err)
}

// alreadyStored reports whether the last message on subject is env itself,
// returning a duplicate ack for it.
func alreadyStored(ctx context.Context, js jetstream.JetStream, env Envelope, subject string) (*jetstream.PubAck, bool) {
	name := StreamFor(subject)
	st, err := js.Stream(ctx, name)
	if err != nil {
		return nil, false
	}
	raw, err := st.GetLastMsgForSubject(ctx, subject)
	if err != nil || raw.Header.Get(HeaderMsgID) != env.ID {
		return nil, false
	}
	return &jetstream.PubAck{Stream: name, Sequence: raw.Sequence, Duplicate: true}, true
}

// isWrongLastSequence recognises JetStream's "wrong last sequence" (10071)
// and its replicated-stream variant (10164).
func isWrongLastSequence(err error) bool {
	var apiErr *jetstream.APIError
	if !errors.As(err, &apiErr) {
		return false
	}
	return apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequence ||
		apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequenceConstant
}

// LastEvent returns the last event matching filter (a subject, possibly
// with wildcards, such as gg.<p>.run.>) and its stream sequence, using a
// direct get of the last message for the filter. With no match it returns
// seq 0 and an error wrapping [ErrNoEvents]. A message that is not a valid
// envelope gives an error wrapping [ErrInvalidEnvelope] (with its seq).
func LastEvent(ctx context.Context, js jetstream.JetStream, filter string) (Envelope, uint64, error) {
	name := StreamFor(filter)
	st, err := js.Stream(ctx, name)
	if err != nil {
		return Envelope{}, 0, fmt.Errorf("events: last event on %s: stream %s: %w", filter, name, err)
	}
	return LastEventIn(ctx, st, filter)
}

// LastEventIn is [LastEvent] on a stream handle the caller already holds,
// saving the stream info request.
func LastEventIn(ctx context.Context, st jetstream.Stream, filter string) (Envelope, uint64, error) {
	raw, err := st.GetLastMsgForSubject(ctx, filter)
	if err != nil {
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			return Envelope{}, 0, fmt.Errorf("%w: %s", ErrNoEvents, filter)
		}
		return Envelope{}, 0, fmt.Errorf("events: last event on %s: %w", filter, err)
	}
	env, err := Decode(raw.Data)
	if err != nil {
		return Envelope{}, raw.Sequence, fmt.Errorf("events: last event on %s (seq %d): %w", filter, raw.Sequence, err)
	}
	return env, raw.Sequence, nil
}
