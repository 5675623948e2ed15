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

// ReadDirect calls fn, in stream order, with every message of stream
// whose subject matches filter (wildcards allowed) and whose sequence is
// in [from, upTo] (upTo 0: up to the stream's end at the time of each
// batch). It reads with batched direct gets ($JS.API.DIRECT.GET.<stream>
// with next_by_subj and batch), answered by the stream itself: unlike a
// consumer, nothing is created on the server and nothing goes through the
// serialised JetStream API queue, so a read costs one round trip per 512
// messages. Errors wrap [ErrNoDirectGet], the request error, or fn's.
func ReadDirect(ctx context.Context, js jetstream.JetStream, stream, filter string, from, upTo uint64, fn func(*jetstream.RawStreamMsg) error) error {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, cmp.Or(js.Options().DefaultTimeout, 5*time.Second))
		defer cancel()
	}
	nc := js.Conn()
	inbox := nc.NewRespInbox()
	ch := make(chan *nats.Msg, directBatch+1)
	sub, err := nc.ChanSubscribe(inbox, ch)
	if err != nil {
		return fmt.Errorf("events: read %s: %w", filter, err)
	}
	defer func() { _ = sub.Unsubscribe() }()
	subject := apiPrefix(js) + "DIRECT.GET." + stream
	seq := max(from, 1)
	for upTo == 0 || seq <= upTo {
		body, err := json.Marshal(struct {
			Seq     uint64 `json:"seq"`
			NextFor string `json:"next_by_subj"`
			Batch   int    `json:"batch"`
		}{seq, filter, directBatch})
		if err != nil {
			return err
		}
		if err := nc.PublishRequest(subject, inbox, body); err != nil {
			return fmt.Errorf("events: read %s: %w", filter, err)
		}
		more, next, err := readBatch(ctx, ch, upTo, fn)
		if err != nil {
			return fmt.Errorf("events: read %s from seq %d: %w", filter, seq, err)
		}
		if !more {
			return nil
		}
		seq = next
	}
	return nil
}

// readBatch consumes one batched direct get reply: messages, then an
// end-of-batch status. It reports whether matching messages remain after
// the batch and the sequence to continue from.
func readBatch(ctx context.Context, ch <-chan *nats.Msg, upTo uint64, fn func(*jetstream.RawStreamMsg) error) (more bool, next uint64, err error) {
	var last uint64
	done := false // fn saw the bound; drain the batch
	for {
		var m *nats.Msg
		select {
		case m = <-ch:
		case <-ctx.Done():
			return false, 0, ctx.Err()
		}
		if len(m.Data) == 0 && m.Header.Get("Status") != "" {
			switch status := m.Header.Get("Status"); status {
			case "503":
				return false, 0, fmt.Errorf("%w: %w", ErrNoDirectGet, nats.ErrNoResponders)
			case "404":
				// Nothing matches from the requested sequence on.
				return false, 0, nil
			case "204": // end of batch
				pending, _ := strconv.ParseUint(m.Header.Get(numPendingHeader), 10, 64)
				return pending > 0 && last > 0 && !done, last + 1, nil
			default:
				return false, 0, fmt.Errorf("direct get: status %s %s", status, m.Header.Get("Description"))
			}
		}
		if m.Header.Get(numPendingHeader) == "" {
			return false, 0, fmt.Errorf("%w: the server does not answer batched direct gets", ErrNoDirectGet)
		}
		seq, err := strconv.ParseUint(m.Header.Get(jetstream.SequenceHeader), 10, 64)
		if err != nil {
			return false, 0, fmt.Errorf("direct get: bad %s header %q", jetstream.SequenceHeader, m.Header.Get(jetstream.SequenceHeader))
		}
		if done || (upTo > 0 && seq > upTo) {
			done = true
			continue
		}
		last = seq
		raw := &jetstream.RawStreamMsg{Subject: m.Header.Get(jetstream.SubjectHeader), Sequence: seq, Header: m.Header, Data: m.Data}
		if err := fn(raw); err != nil {
			return false, 0, err
		}
	}
}

// GetObjectDirect returns the bytes of object name in bucket, read with
// direct gets: its meta message, then its chunks in one batch, checked
// against the meta's size and SHA-256 digest. [jetstream.ObjectStore]'s Get
// creates and deletes an ordered consumer per object (two requests through
// the JetStream API queue); this path creates nothing. Errors wrap
// [jetstream.ErrObjectNotFound], [ErrNoDirectGet] (fall back to the
// object store), or the request error.
func GetObjectDirect(ctx context.Context, js jetstream.JetStream, bucket, name string) ([]byte, error) {
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
	})
	if err != nil {
		return nil, err
	}
	if uint64(len(buf)) != info.Size {
		return nil, fmt.Errorf("events: object %s: read %d of %d bytes: %w", name, len(buf), info.Size, jetstream.ErrDigestMismatch)
	}
	want, err := base64.URLEncoding.DecodeString(trimDigestType(info.Digest))
	if err != nil || !bytes.Equal(want, h.Sum(nil)) {
		return nil, fmt.Errorf("events: object %s: %w", name, jetstream.ErrDigestMismatch)
	}
	return buf, nil
}

// trimDigestType removes the "SHA-256=" prefix of an object digest.
func trimDigestType(d string) string {
	const prefix = "SHA-256="
	if len(d) >= len(prefix) && d[:len(prefix)] == prefix {
		return d[len(prefix):]
	}
	return d
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
