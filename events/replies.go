package events

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/nats-io/nats.go"
)

// Replies receives the replies of many direct reads ([ReadDirectAll],
// [LastMessages], [GetObjectDirect] with [Via]) on one long-lived
// subscription. Without it each read subscribes to an inbox and
// unsubscribes after, and each of those costs the server an update of its
// subscription index and a sweep of its match cache: a runner that loads a
// project per run paid that three times per run. Safe for concurrent use;
// Close it when done.
type Replies struct {
	nc     *nats.Conn
	prefix string // replies arrive on prefix.<route>.<i>
	sub    *nats.Subscription

	mu     sync.Mutex
	next   uint64
	routes map[string]chan *nats.Msg
}

// NewReplies subscribes to a fresh inbox of nc for direct-read replies.
func NewReplies(nc *nats.Conn) (*Replies, error) {
	r := &Replies{nc: nc, prefix: nc.NewInbox(), routes: map[string]chan *nats.Msg{}}
	sub, err := nc.Subscribe(r.prefix+".*.*", r.dispatch)
	if err != nil {
		return nil, fmt.Errorf("events: replies subscription: %w", err)
	}
	// Replies come fast and in bursts; the per-route channels, sized for
	// every reply a request can get, are the buffer that matters.
	_ = sub.SetPendingLimits(-1, -1)
	r.sub = sub
	return r, nil
}

// Close unsubscribes; reads in flight then end with their context.
func (r *Replies) Close() error { return r.sub.Unsubscribe() }

// dispatch hands a reply to its route without ever blocking: a full route
// channel drops it, as a slow subscription would, and the reader notices
// the gap (see [ReadDirectAll]).
func (r *Replies) dispatch(m *nats.Msg) {
	rest := m.Subject[len(r.prefix)+1:]
	key, _, _ := strings.Cut(rest, ".")
	r.mu.Lock()
	ch := r.routes[key]
	r.mu.Unlock()
	if ch == nil {
		return
	}
	select {
	case ch <- m:
	default:
	}
}

// replyRoute is where one read's replies arrive: replies to base.<i> come
// on ch with their full subject.
type replyRoute struct {
	base  string
	ch    <-chan *nats.Msg
	close func()
}

func (r *Replies) open(capacity int) replyRoute {
	ch := make(chan *nats.Msg, capacity)
	r.mu.Lock()
	r.next++
	key := strconv.FormatUint(r.next, 36)
	r.routes[key] = ch
	r.mu.Unlock()
	return replyRoute{base: r.prefix + "." + key, ch: ch, close: func() {
		r.mu.Lock()
		delete(r.routes, key)
		r.mu.Unlock()
	}}
}

// newRoute opens a route on o's Replies when it belongs to nc, else on a
// subscription of its own for this one read.
func newRoute(nc *nats.Conn, o readOptions, capacity int) (replyRoute, error) {
	if o.replies != nil && o.replies.nc == nc {
		return o.replies.open(capacity), nil
	}
	inbox := nc.NewInbox()
	ch := make(chan *nats.Msg, capacity)
	sub, err := nc.ChanSubscribe(inbox+".*", ch)
	if err != nil {
		return replyRoute{}, err
	}
	return replyRoute{base: inbox, ch: ch, close: func() { _ = sub.Unsubscribe() }}, nil
}

// ReadOption configures a direct read.
type ReadOption func(*readOptions)

type readOptions struct {
	replies *Replies
}

// Via receives the read's replies on r's subscription (when r belongs to
// the read's connection) instead of subscribing for this read alone.
func Via(r *Replies) ReadOption {
	return func(o *readOptions) { o.replies = r }
}

func readOpts(opts []ReadOption) readOptions {
	var o readOptions
	for _, opt := range opts {
		opt(&o)
	}
	return o
}
