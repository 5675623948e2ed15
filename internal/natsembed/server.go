package natsembed

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nkeys"
)

// ErrAddrInUse is returned (wrapped) by [Start] when the client listen
// address is already taken by another process or listener.
var ErrAddrInUse = errors.New("natsembed: address already in use")

// ErrInvalidConfig is returned (wrapped) by [Start] when a [Config] field is
// invalid; the message names the field.
var ErrInvalidConfig = errors.New("natsembed: invalid config")

// DefaultReadyTimeout is how long [Start] waits for the server to be ready
// when [Config.ReadyTimeout] is zero.
const DefaultReadyTimeout = 10 * time.Second

// Config configures an embedded server. The zero value is not valid: StoreDir
// is required.
type Config struct {
	// StoreDir is the directory under which JetStream keeps its file store.
	// Required.
	StoreDir string

	// Listen is the client listen address as host:port. Empty means no TCP
	// listener at all (in-process connections only, via [Server.Connect]).
	// Port -1 picks a random free port (see [Server.ClientURL]); port 0
	// means the NATS default port 4222. An empty host listens on all
	// interfaces.
	Listen string

	// ServerName is the server's name as shown by the nats CLI. Default:
	// "genglossary".
	ServerName string

	// Username and Password, when both set, require clients to authenticate
	// with them. [Server.Connect] adds them automatically. Default: no auth.
	Username string
	Password string

	// NkeySeed, when set, is a user nkey seed ("SU..."): clients may also
	// authenticate with this nkey (the nats CLI's --nkey, a runner's
	// --nats-nkey-seed), and [Server.Connect] signs with it. Default: none.
	NkeySeed string

	// JetStreamMaxMemory limits JetStream memory storage in bytes. Zero
	// means the server default (a share of system memory).
	JetStreamMaxMemory int64

	// JetStreamMaxStore limits JetStream file storage in bytes. Zero means
	// the server default (a share of the disk).
	JetStreamMaxStore int64

	// ReadyTimeout bounds how long [Start] waits for the server to be ready
	// for connections. Default: [DefaultReadyTimeout].
	ReadyTimeout time.Duration

	// Logger receives the server's log lines (notices at Info, warnings at
	// Warn, errors and fatal errors at Error; debug and trace are dropped).
	// Default: nil, the server logs nothing.
	Logger *slog.Logger
}

// WithDefaults returns a copy of c with zero fields set to their defaults.
func (c Config) WithDefaults() Config {
	c.ServerName = cmp.Or(c.ServerName, "genglossary")
	c.ReadyTimeout = cmp.Or(c.ReadyTimeout, DefaultReadyTimeout)
	return c
}

func (c Config) validate() error {
	if c.StoreDir == "" {
		return fmt.Errorf("%w: StoreDir is required", ErrInvalidConfig)
	}
	if (c.Username == "") != (c.Password == "") {
		return fmt.Errorf("%w: Username and Password must be set together", ErrInvalidConfig)
	}
	if c.NkeySeed != "" {
		if _, err := nkeyUser(c.NkeySeed); err != nil {
			return fmt.Errorf("%w: NkeySeed: %w", ErrInvalidConfig, err)
		}
	}
	if c.ReadyTimeout < 0 {
		return fmt.Errorf("%w: ReadyTimeout must not be negative", ErrInvalidConfig)
	}
	if c.JetStreamMaxMemory < 0 || c.JetStreamMaxStore < 0 {
		return fmt.Errorf("%w: JetStreamMaxMemory and JetStreamMaxStore must not be negative", ErrInvalidConfig)
	}
	return nil
}

// Server is a running embedded nats-server. Its methods are safe for
// concurrent use.
type Server struct {
	ns        *server.Server
	cfg       Config
	clientURL string

	shutdownOnce sync.Once
	done         chan struct{}
}

// Start starts an embedded nats-server with JetStream and waits until it is
// ready for connections (or ctx ends, or cfg.ReadyTimeout passes).
//
// Errors: a wrapped [ErrInvalidConfig] for a bad cfg, a wrapped
// [ErrAddrInUse] when cfg.Listen is taken, otherwise an error describing why
// the server could not start. On error nothing is left running.
func Start(ctx context.Context, cfg Config) (*Server, error) {
	cfg = cfg.WithDefaults()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	opts := &server.Options{
		ServerName:         cfg.ServerName,
		JetStream:          true,
		StoreDir:           cfg.StoreDir,
		JetStreamMaxMemory: cfg.JetStreamMaxMemory,
		JetStreamMaxStore:  cfg.JetStreamMaxStore,
		NoSigs:             true,
		NoLog:              cfg.Logger == nil,
		Username:           cfg.Username,
		Password:           cfg.Password,
	}
	if cfg.NkeySeed != "" {
		kp, _ := nkeyUser(cfg.NkeySeed)
		pub, _ := kp.PublicKey()
		opts.Nkeys = []*server.NkeyUser{{Nkey: pub}}
		if cfg.Username != "" {
			// Both ways in: nats-server takes users and nkeys together.
			opts.Users = []*server.User{{Username: cfg.Username, Password: cfg.Password}}
			opts.Username, opts.Password = "", ""
		}
	}
	if cfg.Listen == "" {
		opts.DontListen = true
	} else {
		host, port, err := splitListen(cfg.Listen)
		if err != nil {
			return nil, err
		}
		opts.Host, opts.Port = host, port
		// nats-server reports listen errors asynchronously (a fatal log
		// line from its accept loop), so probe the address first for a
		// clear, typed error. The capture logger below catches the rare
		// race where the port is taken between probe and start.
		if port > 0 {
			if err := probeListen(host, port); err != nil {
				return nil, err
			}
		}
	}

	ns, err := server.NewServer(opts)
	if err != nil {
		return nil, fmt.Errorf("natsembed: new server: %w", err)
	}
	logs := &captureLogger{log: cfg.Logger, fatal: make(chan error, 1)}
	ns.SetLoggerV2(logs, false, false, false)

	go ns.Start()

	s := &Server{ns: ns, cfg: cfg, done: make(chan struct{})}
	if err := s.waitReady(ctx, logs.fatal); err != nil {
		ns.Shutdown()
		ns.WaitForShutdown()
		return nil, err
	}
	if !opts.DontListen {
		if addr, ok := ns.Addr().(*net.TCPAddr); ok {
			host := opts.Host
			if host == "" || host == "0.0.0.0" || host == "::" {
				host = "127.0.0.1"
			}
			s.clientURL = "nats://" + net.JoinHostPort(host, strconv.Itoa(addr.Port))
		}
	}
	return s, nil
}

func (s *Server) waitReady(ctx context.Context, fatal <-chan error) error {
	deadline := time.Now().Add(s.cfg.ReadyTimeout)
	for {
		select {
		case err := <-fatal:
			return err
		default:
		}
		if s.ns.ReadyForConnections(20*time.Millisecond) && s.ns.JetStreamEnabled() {
			// A fatal error may have been logged right before readiness
			// (for example JetStream failing after the listener started).
			select {
			case err := <-fatal:
				return err
			default:
			}
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("natsembed: server not ready after %s", s.cfg.ReadyTimeout)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("natsembed: waiting for server: %w", ctx.Err())
		case err := <-fatal:
			return err
		case <-time.After(5 * time.Millisecond):
		}
	}
}

// ClientURL returns the nats:// URL that external clients (the nats CLI,
// runners on other hosts) use, or "" when the server has no TCP listener.
// A wildcard listen host is reported as 127.0.0.1.
func (s *Server) ClientURL() string { return s.clientURL }

// NATSServer returns the underlying nats-server, for monitoring or
// advanced use. Do not call Shutdown on it directly; use [Server.Shutdown].
func (s *Server) NATSServer() *server.Server { return s.ns }

// Connect returns a client connection to the server over an in-process
// pipe (no TCP), adding the configured credentials. opts are applied after
// those defaults and can override them (for example a connection name).
func (s *Server) Connect(opts ...nats.Option) (*nats.Conn, error) {
	all := []nats.Option{nats.InProcessServer(s.ns), nats.Name("genglossary-inprocess")}
	switch {
	case s.cfg.Username != "":
		all = append(all, nats.UserInfo(s.cfg.Username, s.cfg.Password))
	case s.cfg.NkeySeed != "":
		kp, _ := nkeyUser(s.cfg.NkeySeed)
		pub, _ := kp.PublicKey()
		all = append(all, nats.Nkey(pub, kp.Sign))
	}
	all = append(all, opts...)
	nc, err := nats.Connect("", all...)
	if err != nil {
		return nil, fmt.Errorf("natsembed: connect: %w", err)
	}
	return nc, nil
}

// Shutdown stops the server, closing client connections and flushing
// JetStream to disk, and waits until it has stopped or ctx ends. It returns
// ctx's error if ctx ends first (the shutdown then carries on in the
// background). Calling it more than once is safe.
func (s *Server) Shutdown(ctx context.Context) error {
	s.shutdownOnce.Do(func() {
		go func() {
			s.ns.Shutdown()
			s.ns.WaitForShutdown()
			close(s.done)
		}()
	})
	select {
	case <-s.done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("natsembed: shutdown: %w", ctx.Err())
	}
}

func splitListen(listen string) (string, int, error) {
	host, portStr, err := net.SplitHostPort(listen)
	if err != nil {
		return "", 0, fmt.Errorf("%w: Listen %q: %w", ErrInvalidConfig, listen, err)
	}
	port, err := strconv.Atoi(portStr)
	if err != nil || port < -1 || port > 65535 {
		return "", 0, fmt.Errorf("%w: Listen %q: port must be -1..65535", ErrInvalidConfig, listen)
	}
	if port == 0 {
		port = server.DEFAULT_PORT
	}
	return host, port, nil
}

func probeListen(host string, port int) error {
	addr := net.JoinHostPort(host, strconv.Itoa(port))
	l, err := net.Listen("tcp", addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return fmt.Errorf("%w: %s: %w", ErrAddrInUse, addr, err)
		}
		return fmt.Errorf("natsembed: listen %s: %w", addr, err)
	}
	return l.Close()
}

// captureLogger forwards nats-server log lines to an optional slog.Logger
// and turns Fatalf calls into an error on the fatal channel instead of
// exiting the process.
type captureLogger struct {
	log   *slog.Logger
	fatal chan error
}

func (l *captureLogger) Noticef(format string, v ...any) { l.emit(slog.LevelInfo, format, v) }
func (l *captureLogger) Warnf(format string, v ...any)   { l.emit(slog.LevelWarn, format, v) }
func (l *captureLogger) Errorf(format string, v ...any)  { l.emit(slog.LevelError, format, v) }
func (l *captureLogger) Debugf(string, ...any)           {}
func (l *captureLogger) Tracef(string, ...any)           {}

func (l *captureLogger) Fatalf(format string, v ...any) {
	l.emit(slog.LevelError, format, v)
	err := fmt.Errorf("natsembed: server failed: "+format, v...)
	for _, a := range v {
		if e, ok := a.(error); ok && errors.Is(e, syscall.EADDRINUSE) {
			err = fmt.Errorf("%w: %w", ErrAddrInUse, err)
			break
		}
	}
	select {
	case l.fatal <- err:
	default:
	}
}

func (l *captureLogger) emit(level slog.Level, format string, v []any) {
	if l.log == nil {
		return
	}
	l.log.Log(context.Background(), level, fmt.Sprintf(format, v...), slog.String("component", "nats-server"))
}

// nkeyUser parses a user nkey seed.
func nkeyUser(seed string) (nkeys.KeyPair, error) {
	kp, err := nkeys.FromSeed([]byte(strings.TrimSpace(seed)))
	if err != nil {
		return nil, fmt.Errorf("not an nkey seed: %w", err)
	}
	if pub, err := kp.PublicKey(); err != nil || !nkeys.IsValidPublicUserKey(pub) {
		return nil, errors.New("not a user nkey seed (SU...)")
	}
	return kp, nil
}
