package natsembed_test

import (
	"context"
	"errors"
	"net"
	"strconv"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/internal/natsembed"
)

func start(t *testing.T, cfg natsembed.Config) *natsembed.Server {
	t.Helper()
	if cfg.StoreDir == "" {
		cfg.StoreDir = t.TempDir()
	}
	s, err := natsembed.Start(t.Context(), cfg)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := s.Shutdown(ctx); err != nil {
			t.Errorf("Shutdown: %v", err)
		}
	})
	return s
}

func TestStartInProcessOnly(t *testing.T) {
	t.Parallel()
	s := start(t, natsembed.Config{})
	if got := s.ClientURL(); got != "" {
		t.Fatalf("ClientURL = %q, want empty without a listener", got)
	}
	nc, err := s.Connect()
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := js.AccountInfo(t.Context()); err != nil {
		t.Fatalf("JetStream not usable: %v", err)
	}
}

func TestStartRandomPortAndTCPClient(t *testing.T) {
	t.Parallel()
	s := start(t, natsembed.Config{Listen: "127.0.0.1:-1"})
	url := s.ClientURL()
	if url == "" {
		t.Fatal("ClientURL empty with a listener")
	}
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatalf("TCP connect to %s: %v", url, err)
	}
	defer nc.Close()
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}
}

func TestStartAddrInUse(t *testing.T) {
	t.Parallel()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	port := l.Addr().(*net.TCPAddr).Port

	_, err = natsembed.Start(t.Context(), natsembed.Config{
		StoreDir: t.TempDir(),
		Listen:   net.JoinHostPort("127.0.0.1", strconv.Itoa(port)),
	})
	if !errors.Is(err, natsembed.ErrAddrInUse) {
		t.Fatalf("err = %v, want ErrAddrInUse", err)
	}
}

func TestStartAddrInUseByAnotherServer(t *testing.T) {
	t.Parallel()
	first := start(t, natsembed.Config{Listen: "127.0.0.1:-1"})
	_, port, _ := net.SplitHostPort(first.ClientURL()[len("nats://"):])
	_, err := natsembed.Start(t.Context(), natsembed.Config{
		StoreDir: t.TempDir(),
		Listen:   "127.0.0.1:" + port,
	})
	if !errors.Is(err, natsembed.ErrAddrInUse) {
		t.Fatalf("err = %v, want ErrAddrInUse", err)
	}
}

func TestAuth(t *testing.T) {
	t.Parallel()
	s := start(t, natsembed.Config{Listen: "127.0.0.1:-1", Username: "gg", Password: "secret"})
	nc, err := s.Connect()
	if err != nil {
		t.Fatalf("in-process connect with configured credentials: %v", err)
	}
	nc.Close()
	if nc, err := nats.Connect(s.ClientURL()); err == nil {
		nc.Close()
		t.Fatal("TCP connect without credentials succeeded")
	}
	nc, err = nats.Connect(s.ClientURL(), nats.UserInfo("gg", "secret"))
	if err != nil {
		t.Fatalf("TCP connect with credentials: %v", err)
	}
	nc.Close()
}

func TestInvalidConfig(t *testing.T) {
	t.Parallel()
	for name, cfg := range map[string]natsembed.Config{
		"no store dir":  {},
		"bad listen":    {StoreDir: t.TempDir(), Listen: "nope"},
		"bad port":      {StoreDir: t.TempDir(), Listen: "127.0.0.1:99999"},
		"half of auth":  {StoreDir: t.TempDir(), Username: "u"},
		"negative mems": {StoreDir: t.TempDir(), JetStreamMaxMemory: -2},
	} {
		if _, err := natsembed.Start(t.Context(), cfg); !errors.Is(err, natsembed.ErrInvalidConfig) {
			t.Errorf("%s: err = %v, want ErrInvalidConfig", name, err)
		}
	}
}

func TestRestartKeepsJetStreamData(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ctx := t.Context()
	s, err := natsembed.Start(ctx, natsembed.Config{StoreDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	nc, err := s.Connect()
	if err != nil {
		t.Fatal(err)
	}
	js, _ := jetstream.New(nc)
	if _, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: "T", Subjects: []string{"t.>"}, Storage: jetstream.FileStorage}); err != nil {
		t.Fatal(err)
	}
	if _, err := js.Publish(ctx, "t.1", []byte("x")); err != nil {
		t.Fatal(err)
	}
	nc.Close()
	if err := s.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.Shutdown(ctx); err != nil {
		t.Fatalf("second Shutdown: %v", err)
	}

	s2 := start(t, natsembed.Config{StoreDir: dir})
	nc2, err := s2.Connect()
	if err != nil {
		t.Fatal(err)
	}
	defer nc2.Close()
	js2, _ := jetstream.New(nc2)
	st, err := js2.Stream(ctx, "T")
	if err != nil {
		t.Fatal(err)
	}
	if n := st.CachedInfo().State.Msgs; n != 1 {
		t.Fatalf("msgs after restart = %d, want 1", n)
	}
}

func TestShutdownHonoursContext(t *testing.T) {
	t.Parallel()
	s, err := natsembed.Start(t.Context(), natsembed.Config{StoreDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	// Either it was fast enough or it reports the context error; both are fine,
	// but it must not block.
	if err := s.Shutdown(ctx); err != nil && !errors.Is(err, context.Canceled) {
		t.Fatalf("Shutdown: %v", err)
	}
	if err := s.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
}
