package natstest_test

import (
	"testing"

	"github.com/nats-io/nats.go"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/natstest"
)

func TestStartSetsUpStreams(t *testing.T) {
	t.Parallel()
	srv, nc, js := natstest.Start(t)
	if srv.ClientURL() == "" {
		t.Fatal("default Start has no TCP listener")
	}
	for _, name := range []string{events.EventsStream, events.LogsStream} {
		if _, err := js.Stream(t.Context(), name); err != nil {
			t.Errorf("stream %s: %v", name, err)
		}
	}
	if _, err := js.Consumer(t.Context(), events.EventsStream, events.RunnersConsumer); err != nil {
		t.Errorf("consumer: %v", err)
	}
	if !nc.IsConnected() {
		t.Fatal("connection not connected")
	}
	tcp, err := nats.Connect(srv.ClientURL())
	if err != nil {
		t.Fatalf("TCP connect: %v", err)
	}
	tcp.Close()
}

func TestInProcessOnlyWithoutSetup(t *testing.T) {
	t.Parallel()
	srv, _, js := natstest.Start(t, natstest.InProcessOnly(), natstest.WithoutSetup())
	if srv.ClientURL() != "" {
		t.Fatalf("ClientURL = %q, want empty", srv.ClientURL())
	}
	if _, err := js.Stream(t.Context(), events.EventsStream); err == nil {
		t.Fatal("stream exists without setup")
	}
}
