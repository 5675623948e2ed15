package events

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

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
//
// It asks the stream directly (a direct get, which the streams of [Setup]
// allow) rather than through the JetStream API, so that it costs one round
// trip and no stream info request; where direct gets are not answered it
// falls back to the stream's API.
func LastEvent(ctx context.Context, js jetstream.JetStream, filter string) (Envelope, uint64, error) {
	name := StreamFor(filter)
	raw, err := directLast(ctx, js, name, filter)
	if errors.Is(err, nats.ErrNoResponders) {
		st, err := js.Stream(ctx, name)
		if err != nil {
			return Envelope{}, 0, fmt.Errorf("events: last event on %s: stream %s: %w", filter, name, err)
		}
		return LastEventIn(ctx, st, filter)
	}
	return lastEventFrom(raw, err, filter)
}

// LastEventFromLeader is [LastEvent] read from the stream's leader through
// the JetStream API (STREAM.MSG.GET), never from a direct get. A direct get
// may be answered by any replica of a replicated stream, which may not yet
// have the newest messages (just after a leader change); a decision that
// refuses a request on what it read (a run said to be active) confirms it
// here first. It costs a round trip through the API, so it is kept for such
// rare cases.
func LastEventFromLeader(ctx context.Context, js jetstream.JetStream, filter string) (Envelope, uint64, error) {
	name := StreamFor(filter)
	body, err := json.Marshal(struct {
		LastBySubject string `json:"last_by_subj"`
	}{filter})
	if err != nil {
		return Envelope{}, 0, err
	}
	ctx, cancel := withAPITimeout(ctx, js)
	defer cancel()
	resp, err := js.Conn().RequestWithContext(ctx, apiPrefix(js)+"STREAM.MSG.GET."+name, body)
	if err != nil {
		return Envelope{}, 0, fmt.Errorf("events: last event on %s from the leader: %w", filter, err)
	}
	var out struct {
		Message *struct {
			Subject  string `json:"subject"`
			Sequence uint64 `json:"seq"`
			Data     []byte `json:"data"`
		} `json:"message"`
		Error *jetstream.APIError `json:"error"`
	}
	if err := json.Unmarshal(resp.Data, &out); err != nil {
		return Envelope{}, 0, fmt.Errorf("events: last event on %s from the leader: %w", filter, err)
	}
	if out.Error != nil {
		if out.Error.ErrorCode == jetstream.JSErrCodeMessageNotFound {
			return lastEventFrom(nil, jetstream.ErrMsgNotFound, filter)
		}
		return lastEventFrom(nil, out.Error, filter)
	}
	if out.Message == nil {
		return lastEventFrom(nil, errors.New("empty answer"), filter)
	}
	return lastEventFrom(&jetstream.RawStreamMsg{Subject: out.Message.Subject, Sequence: out.Message.Sequence, Data: out.Message.Data}, nil, filter)
}

// directLast fetches the last message of stream matching filter with a
// direct get request ($JS.API.DIRECT.GET.<stream>). It returns
// nats.ErrNoResponders when no server answers direct gets for the stream,
// and jetstream.ErrMsgNotFound when nothing matches.
func directLast(ctx context.Context, js jetstream.JetStream, stream, filter string) (*jetstream.RawStreamMsg, error) {
	return directGet(ctx, js, stream, struct {
		LastBySubject string `json:"last_by_subj"`
	}{filter})
}

// directGet sends one direct get request (req, marshalled) to stream; see
// directLast for its errors.
func directGet(ctx context.Context, js jetstream.JetStream, stream string, req any) (*jetstream.RawStreamMsg, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	ctx, cancel := withAPITimeout(ctx, js)
	defer cancel()
	resp, err := js.Conn().RequestWithContext(ctx, apiPrefix(js)+"DIRECT.GET."+stream, body)
	if err != nil {
		return nil, err
	}
	if len(resp.Data) == 0 {
		switch status := resp.Header.Get("Status"); status {
		case "404":
			return nil, jetstream.ErrMsgNotFound
		case "":
		default:
			return nil, fmt.Errorf("direct get: status %s %s", status, resp.Header.Get("Description"))
		}
	}
	seq, err := strconv.ParseUint(resp.Header.Get(jetstream.SequenceHeader), 10, 64)
	if err != nil {
		return nil, fmt.Errorf("direct get: bad %s header %q", jetstream.SequenceHeader, resp.Header.Get(jetstream.SequenceHeader))
	}
	return &jetstream.RawStreamMsg{Subject: resp.Header.Get(jetstream.SubjectHeader), Sequence: seq, Header: resp.Header, Data: resp.Data}, nil
}

// withAPITimeout bounds a raw request to the JetStream API by js's default
// timeout (5s when unset) when ctx has no deadline of its own.
func withAPITimeout(ctx context.Context, js jetstream.JetStream) (context.Context, context.CancelFunc) {
	if _, ok := ctx.Deadline(); ok {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, cmp.Or(js.Options().DefaultTimeout, 5*time.Second))
}

// apiPrefix returns the JetStream API subject prefix js uses, ending in a
// dot.
func apiPrefix(js jetstream.JetStream) string {
	o := js.Options()
	p := o.APIPrefix
	if o.Domain != "" {
		p = "$JS." + o.Domain + ".API"
	}
	p = cmp.Or(p, jetstream.DefaultAPIPrefix)
	if !strings.HasSuffix(p, ".") {
		p += "."
	}
	return p
}

// LastEventIn is [LastEvent] on a stream handle the caller already holds,
// saving the stream info request.
func LastEventIn(ctx context.Context, st jetstream.Stream, filter string) (Envelope, uint64, error) {
	raw, err := st.GetLastMsgForSubject(ctx, filter)
	return lastEventFrom(raw, err, filter)
}

// lastEventFrom decodes the result of a last-message lookup.
func lastEventFrom(raw *jetstream.RawStreamMsg, err error, filter string) (Envelope, uint64, error) {
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
