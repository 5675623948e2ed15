package projections

import (
	"context"
	"net/url"
	"path/filepath"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/natsembed"
	"github.com/genglossary/genglossary/internal/natstest"
)

// TestProjectorSurvivesServerRestart stops the NATS server under a running
// projector and starts it again on the same store and port: the projector
// recovers and applies what is published afterwards.
func TestProjectorSurvivesServerRestart(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("restarts a NATS server")
	}
	ctx := t.Context()
	dir := t.TempDir()
	srv, err := natsembed.Start(ctx, natsembed.Config{StoreDir: dir, Listen: "127.0.0.1:-1"})
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(srv.ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	listen := u.Host
	t.Cleanup(func() { _ = srv.Shutdown(context.Background()) })

	nc, err := nats.Connect(srv.ClientURL(), nats.MaxReconnects(-1), nats.ReconnectWait(50*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	if err := events.Setup(ctx, js, events.SetupConfig{}); err != nil {
		t.Fatal(err)
	}
	b := &testBundle{t: t, js: js, nc: nc, path: filepath.Join(t.TempDir(), "read.db"), ids: events.NewIDGen(nil),
		clock: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	b.open()
	b.start()
	t.Cleanup(func() {
		b.halt()
		b.store.Close()
	})

	pid := b.newProject("p")
	b.wait(1)

	if err := srv.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	srv, err = natsembed.Start(ctx, natsembed.Config{StoreDir: dir, Listen: listen})
	if err != nil {
		t.Fatalf("restart: %v", err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for !nc.IsConnected() && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	var seq uint64
	for time.Now().Before(deadline) { // JetStream may need a moment after a restart
		env, err := events.NewEnvelope(pid, "", events.ProjectUpdated{Name: new("after restart")})
		if err != nil {
			t.Fatal(err)
		}
		ack, err := events.Publish(ctx, js, env)
		if err == nil {
			seq = ack.Sequence
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if seq == 0 {
		t.Fatal("could not publish after the restart")
	}
	b.wait(seq)
	if p := b.project(pid); p.Name != "after restart" {
		t.Fatalf("project = %+v", p)
	}
}

// TestProjectorRetriesUntilStreamExists starts the projector before the
// streams exist: it retries with backoff and applies events once they do.
func TestProjectorRetriesUntilStreamExists(t *testing.T) {
	t.Parallel()
	_, nc, js := natstest.Start(t, natstest.InProcessOnly(), natstest.WithoutSetup())
	b := &testBundle{t: t, js: js, nc: nc, path: filepath.Join(t.TempDir(), "read.db"), ids: events.NewIDGen(nil),
		clock: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	b.open()
	b.start()
	t.Cleanup(func() {
		b.halt()
		b.store.Close()
	})
	time.Sleep(100 * time.Millisecond) // let a few attempts fail
	if err := events.Setup(t.Context(), js, events.SetupConfig{}); err != nil {
		t.Fatal(err)
	}
	pid := b.newProject("late")
	b.wait(1)
	if p := b.project(pid); p.Name != "late" {
		t.Fatalf("project = %+v", p)
	}
}
