package events

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// ErrNoDirectGet is returned (wrapped) by [ReadDirect] and [GetObjectDirect]
// when no server answers direct gets for the stream (a stream created
// without AllowDirect, or a server too old for batched direct gets).
// Callers fall back to a consumer.
var ErrNoDirectGet = errors.New("events: direct get not available")

// directBatch is how many messages one batched direct get asks for.
const directBatch = 512

// numPendingHeader is set by the server on every message of a batched
// direct get and on its end-of-batch status; a server too old for batches
// answers with one message without it.
const numPendingHeader = "Nats-Num-Pending"

// ErrTooManyResults is returned (wrapped) by [LastMessages] when more
// subjects match than the server answers in one request (1024, or fewer
// when their messages pass the server's byte limit).
var ErrTooManyResults = errors.New("events: too many subjects for one request")

// multiLastMax is how many messages nats-server answers to one multi_last
// direct get (its maxAllowedResponses).
const multiLastMax = 1024

// ReadDirect calls fn, in stream order, with every message of stream
// whose subject matches filter (wildcards allowed) and whose sequence is
// in [from, upTo] (upTo 0: up to the stream's end at the time of each
// batch). It reads with batched direct gets ($JS.API.DIRECT.GET.<stream>
// with next_by_subj and batch), answered by the stream itself: unlike a
// consumer, nothing is created on the server and nothing goes through the
// serialised JetStream API queue, so a read costs one round trip per 512
// messages. The server finds the next message of a literal subject through
// its per-subject index, but scans for a wildcard filter: prefer literal
// subjects on large streams. Errors wrap [ErrNoDirectGet], the request
// error, or fn's.
func ReadDirect(ctx context.Context, js jetstream.JetStream, stream, filter string, from, upTo uint64, fn func(*jetstream.RawStreamMsg) error, opts ...ReadOption) error {
	return ReadDirectAll(ctx, js, stream, []string{filter}, from, upTo, func(_ int, m *jetstream.RawStreamMsg) error { return fn(m) }, opts...)
}

// ReadDirectAll is [ReadDirect] of several filters at once, over one
// subscription: the first batch of every filter is requested before any
// reply is read. fn gets the index of the filter a message matched; the
// messages of one filter come in stream order, those of different filters
// interleaved. fn is called from one goroutine.
func ReadDirectAll(ctx context.Context, js jetstream.JetStream, stream string, filters []string, from, upTo uint64, fn func(filter int, m *jetstream.RawStreamMsg) error, opts ...ReadOption) error {
	if len(filters) == 0 {
		return nil
	}
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, cmp.Or(js.Options().DefaultTimeout, 5*time.Second))
		defer cancel()
	}
	nc := js.Conn()
	// Room for every reply that can be in flight: one batch and its
	// end-of-batch status per filter (the next batch of a filter is asked
	// for only after its status). A full channel would drop replies
	// and lose events (caught below by the Nats-Last-Sequence check).
	rt, err := newRoute(nc, readOpts(opts), len(filters)*(directBatch+1))
	if err != nil {
		return fmt.Errorf("events: read %s: %w", filters[0], err)
	}
	defer rt.close()
	inbox, ch := rt.base, rt.ch
	subject := apiPrefix(js) + "DIRECT.GET." + stream
	type state struct {
		next    uint64 // sequence the current batch started at
		last    uint64 // last sequence delivered in the current batch
		more    bool   // the current batch continues an earlier one
		drained bool   // past upTo: ignore the rest
	}
	st := make([]state, len(filters))
	request := func(i int, seq uint64) error {
		st[i] = state{next: seq, more: seq > max(from, 1)}
		body, err := json.Marshal(struct {
			Seq     uint64 `json:"seq"`
			NextFor string `json:"next_by_subj"`
			Batch   int    `json:"batch"`
		}{seq, filters[i], directBatch})
		if err != nil {
			return err
		}
		if err := nc.PublishRequest(subject, inbox+"."+strconv.Itoa(i), body); err != nil {
			return fmt.Errorf("events: read %s: %w", filters[i], err)
		}
		return nil
	}
	open := 0
	for i := range filters {
		if err := request(i, max(from, 1)); err != nil {
			return err
		}
		open++
	}
	for open > 0 {
		var m *nats.Msg
		select {
		case m = <-ch:
		case <-ctx.Done():
			return fmt.Errorf("events: read %s: %w", filters[0], ctx.Err())
		}
		i, err := strconv.Atoi(m.Subject[len(inbox)+1:])
		if err != nil || i < 0 || i >= len(filters) {
			continue
		}
		s := &st[i]
		if len(m.Data) == 0 && m.Header.Get("Status") != "" {
			switch status := m.Header.Get("Status"); status {
			case "503":
				return fmt.Errorf("%w: %w", ErrNoDirectGet, nats.ErrNoResponders)
			case "404":
				if s.more {
					// The end of the previous batch said more matched.
					return fmt.Errorf("events: read %s: messages from seq %d vanished while reading", filters[i], s.next)
				}
				open-- // nothing matches
			case "204": // end of batch
				pending, _ := strconv.ParseUint(m.Header.Get(numPendingHeader), 10, 64)
				if pending > 0 && s.last > 0 && !s.drained && (upTo == 0 || s.last < upTo) {
					if err := request(i, s.last+1); err != nil {
						return err
					}
				} else {
					open--
				}
			default:
				return fmt.Errorf("events: read %s from seq %d: direct get: status %s %s", filters[i], s.next, status, m.Header.Get("Description"))
			}
			continue
		}
		if m.Header.Get(numPendingHeader) == "" {
			return fmt.Errorf("%w: the server does not answer batched direct gets", ErrNoDirectGet)
		}
		seq, err := strconv.ParseUint(m.Header.Get(jetstream.SequenceHeader), 10, 64)
		if err != nil {
			return fmt.Errorf("events: read %s: direct get: bad %s header %q", filters[i], jetstream.SequenceHeader, m.Header.Get(jetstream.SequenceHeader))
		}
		if s.drained {
			continue
		}
		// Each message of a batch names the one sent before it (0 for the
		// first): any other value is a reply lost on the way.
		if prev, err := strconv.ParseUint(m.Header.Get(jetstream.LastSequenceHeader), 10, 64); err != nil || prev != s.last {
			return fmt.Errorf("events: read %s: direct get replies lost after seq %d", filters[i], s.last)
		}
		if upTo > 0 && seq > upTo {
			s.drained = true
			continue
		}
		s.last = seq
		raw := &jetstream.RawStreamMsg{Subject: m.Header.Get(jetstream.SubjectHeader), Sequence: seq, Header: m.Header, Data: m.Data}
		if err := fn(i, raw); err != nil {
			return err
		}
	}
	return nil
}

// LastMessages returns the last message of every subject of stream that
// matches one of filters (wildcards allowed), with a sequence up to upTo
// (0: the stream's end), in stream order: one direct get with multi_last,
// which the server answers from its per-subject index without scanning.
// Errors wrap [ErrTooManyResults] when more than 1024 subjects match,
// [ErrNoDirectGet], or the request error.
func LastMessages(ctx context.Context, js jetstream.JetStream, stream string, filters []string, upTo uint64, opts ...ReadOption) ([]*jetstream.RawStreamMsg, error) {
	return lastMessages(ctx, js, stream, filters, upTo, 0, opts...)
}

// lastMessages is LastMessages with the request's max_bytes (0: the
// server's MaxPending, 64 MB by default).
func lastMessages(ctx context.Context, js jetstream.JetStream, stream string, filters []string, upTo uint64, maxBytes int, opts ...ReadOption) ([]*jetstream.RawStreamMsg, error) {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, cmp.Or(js.Options().DefaultTimeout, 5*time.Second))
		defer cancel()
	}
	nc := js.Conn()
	// Room for every reply: at most multiLastMax messages and a status
	// (a full channel would drop replies).
	rt, err := newRoute(nc, readOpts(opts), multiLastMax+2)
	if err != nil {
		return nil, fmt.Errorf("events: last messages of %v: %w", filters, err)
	}
	defer rt.close()
	inbox, ch := rt.base+".0", rt.ch
	body, err := json.Marshal(struct {
		MultiLast []string `json:"multi_last"`
		UpToSeq   uint64   `json:"up_to_seq,omitempty"`
		MaxBytes  int      `json:"max_bytes,omitempty"`
	}{filters, upTo, maxBytes})
	if err != nil {
		return nil, err
	}
	if err := nc.PublishRequest(apiPrefix(js)+"DIRECT.GET."+stream, inbox, body); err != nil {
		return nil, fmt.Errorf("events: last messages of %v: %w", filters, err)
	}
	var out []*jetstream.RawStreamMsg
	for {
		var m *nats.Msg
		select {
		case m = <-ch:
		case <-ctx.Done():
			return nil, fmt.Errorf("events: last messages of %v: %w", filters, ctx.Err())
		}
		if len(m.Data) == 0 && m.Header.Get("Status") != "" {
			switch status := m.Header.Get("Status"); status {
			case "204":
				// The server stops at its byte limit and says how many
				// subjects it left out: the caller must not take the
				// rest for none.
				if pending, _ := strconv.ParseUint(m.Header.Get(numPendingHeader), 10, 64); pending > 0 {
					return nil, fmt.Errorf("events: last messages of %v: %d left out: %w", filters, pending, ErrTooManyResults)
				}
				return out, nil
			case "404":
				// "No Results" is an empty answer; anything else (a message
				// that failed to load) is not.
				if len(out) > 0 || m.Header.Get("Description") != "No Results" {
					return nil, fmt.Errorf("events: last messages of %v: direct get: status 404 %s", filters, m.Header.Get("Description"))
				}
				return nil, nil
			case "413":
				return nil, fmt.Errorf("events: last messages of %v: %w", filters, ErrTooManyResults)
			case "503":
				return nil, fmt.Errorf("%w: %w", ErrNoDirectGet, nats.ErrNoResponders)
			default:
				return nil, fmt.Errorf("events: last messages of %v: direct get: status %s %s", filters, status, m.Header.Get("Description"))
			}
		}
		seq, err := strconv.ParseUint(m.Header.Get(jetstream.SequenceHeader), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("events: last messages of %v: direct get: bad %s header", filters, jetstream.SequenceHeader)
		}
		out = append(out, &jetstream.RawStreamMsg{Subject: m.Header.Get(jetstream.SubjectHeader), Sequence: seq, Header: m.Header, Data: m.Data})
	}
}

// GetObjectDirect returns the bytes of object name in bucket, read with
// direct gets: its meta message, then its chunks in one batch, checked
// against the meta's size and SHA-256 digest. [jetstream.ObjectStore]'s Get
// creates and deletes an ordered consumer per object (two requests through
// the JetStream API queue); this path creates nothing. Errors wrap
// [jetstream.ErrObjectNotFound], [ErrNoDirectGet] (fall back to the
// object store), or the request error.
func GetObjectDirect(ctx context.Context, js jetstream.JetStream, bucket, name string, opts ...ReadOption) ([]byte, error) {
	stream := "OBJ_" + bucket
	metaSubj := "$O." + bucket + ".M." + base64.URLEncoding.EncodeToString([]byte(name))
	raw, err := directLast(ctx, js, stream, metaSubj)
	switch {
	case errors.Is(err, nats.ErrNoResponders):
		return nil, fmt.Errorf("%w: %w", ErrNoDirectGet, err)
	case errors.Is(err, jetstream.ErrMsgNotFound):
		return nil, fmt.Errorf("events: object %s: %w", name, jetstream.ErrObjectNotFound)
	case err != nil:
		return nil, fmt.Errorf("events: object %s: %w", name, err)
	}
	var info jetstream.ObjectInfo
	if err := json.Unmarshal(raw.Data, &info); err != nil {
		return nil, fmt.Errorf("events: object %s: %w", name, jetstream.ErrBadObjectMeta)
	}
	switch {
	case info.Deleted:
		return nil, fmt.Errorf("events: object %s: %w", name, jetstream.ErrObjectNotFound)
	case info.Opts != nil && info.Opts.Link != nil:
		return nil, fmt.Errorf("%w: object %s is a link", ErrNoDirectGet, name)
	case info.NUID == "":
		return nil, fmt.Errorf("events: object %s: %w", name, jetstream.ErrBadObjectMeta)
	case info.Size == 0:
		return []byte{}, nil
	}
	buf := make([]byte, 0, info.Size)
	h := sha256.New()
	err = ReadDirect(ctx, js, stream, "$O."+bucket+".C."+info.NUID, 0, 0, func(m *jetstream.RawStreamMsg) error {
		buf = append(buf, m.Data...)
		h.Write(m.Data)
		return nil
	}, opts...)
	if err != nil {
		return nil, err
	}
	if uint64(len(buf)) != info.Size {
		return nil, fmt.Errorf("events: object %s: read %d of %d bytes: %w", name, len(buf), info.Size, jetstream.ErrDigestMismatch)
	}
	want, err := base64.URLEncoding.DecodeString(strings.TrimPrefix(info.Digest, "SHA-256="))
	if err != nil || !bytes.Equal(want, h.Sum(nil)) {
		return nil, fmt.Errorf("events: object %s: %w", name, jetstream.ErrDigestMismatch)
	}
	return buf, nil
}

// LastSequence returns the stream sequence of the last message of stream
// matching filter, 0 when none does, with one direct get. Errors wrap
// [ErrNoDirectGet] (fall back to the stream API) or the request error.
func LastSequence(ctx context.Context, js jetstream.JetStream, stream, filter string) (uint64, error) {
	raw, err := directLast(ctx, js, stream, filter)
	switch {
	case errors.Is(err, nats.ErrNoResponders):
		return 0, fmt.Errorf("%w: %w", ErrNoDirectGet, err)
	case errors.Is(err, jetstream.ErrMsgNotFound):
		return 0, nil
	case err != nil:
		return 0, fmt.Errorf("events: last sequence of %s: %w", filter, err)
	}
	return raw.Sequence, nil
}

// HasMessage reports whether stream still holds the message at seq (not
// discarded by a limit, deleted or purged), with one direct get. Errors
// wrap [ErrNoDirectGet] (fall back to the stream API) or the request error.
func HasMessage(ctx context.Context, js jetstream.JetStream, stream string, seq uint64) (bool, error) {
	_, err := directGet(ctx, js, stream, struct {
		Seq uint64 `json:"seq"`
	}{seq})
	switch {
	case errors.Is(err, nats.ErrNoResponders):
		return false, fmt.Errorf("%w: %w", ErrNoDirectGet, err)
	case errors.Is(err, jetstream.ErrMsgNotFound):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("events: message %d of %s: %w", seq, stream, err)
	}
	return true, nil
}
