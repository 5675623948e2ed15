package events

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// TestLastMessagesCutByByteLimit: the server stops a multi_last answer at
// its byte limit and reports how many subjects it left out; LastMessages
// must say so (ErrTooManyResults, for the caller to fall back) instead of
// returning the first part as if it were all. (An internal test: the
// limit is the request's max_bytes, and natstest imports this package.)
func TestLastMessagesCutByByteLimit(t *testing.T) {
	t.Parallel()
	srv, err := server.NewServer(&server.Options{JetStream: true, StoreDir: t.TempDir(), DontListen: true, NoLog: true, NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	srv.Start()
	t.Cleanup(srv.Shutdown)
	if !srv.ReadyForConnections(10 * time.Second) {
		t.Fatal("server not ready")
	}
	nc, err := nats.Connect("", nats.InProcessServer(srv))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	if err := Setup(ctx, js, SetupConfig{}); err != nil {
		t.Fatal(err)
	}
	p := NewID()
	note := strings.Repeat("x", 1000)
	for range 50 {
		env, err := NewEnvelope(p, NewID(), RunFailed{ErrorMessage: note})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Publish(ctx, js, env); err != nil {
			t.Fatal(err)
		}
	}
	filters := []string{SubjectRoot + "." + p + ".run.*.failed"}
	all, err := lastMessages(ctx, js, EventsStream, filters, 0, 0)
	if err != nil || len(all) != 50 {
		t.Fatalf("without a byte limit: %d messages, err %v", len(all), err)
	}
	if _, err := lastMessages(ctx, js, EventsStream, filters, 0, 16*1024); !errors.Is(err, ErrTooManyResults) {
		t.Fatalf("cut at 16 kB: err = %v, want ErrTooManyResults", err)
	}
}

// TestRepliesRoutes checks the Replies dispatcher: a reply reaches only its
// route, a full route drops instead of blocking the shared subscription,
// replies to a closed or unknown route are ignored, and closing a route
// forgets it.
func TestRepliesRoutes(t *testing.T) {
	t.Parallel()
	r := &Replies{prefix: "_INBOX.x", routes: map[string]chan *nats.Msg{}}
	a, b := r.open(2), r.open(1)
	for range 3 {
		r.dispatch(&nats.Msg{Subject: a.base + ".0"}) // the third is dropped
	}
	r.dispatch(&nats.Msg{Subject: b.base + ".7"})
	r.dispatch(&nats.Msg{Subject: r.prefix + ".unknown.0"})
	if len(a.ch) != 2 || len(b.ch) != 1 {
		t.Fatalf("route a holds %d, b %d; want 2 and 1", len(a.ch), len(b.ch))
	}
	if m := <-b.ch; m.Subject != b.base+".7" {
		t.Errorf("route b got %s", m.Subject)
	}
	a.close()
	b.close()
	r.dispatch(&nats.Msg{Subject: a.base + ".0"})
	if len(r.routes) != 0 {
		t.Errorf("%d routes left after close", len(r.routes))
	}
}
