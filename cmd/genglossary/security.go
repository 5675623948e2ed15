package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"strings"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/genglossary/genglossary/internal/natsembed"
	"github.com/genglossary/genglossary/services/api"
	"github.com/genglossary/genglossary/services/runner"
)

// listFlag is a repeatable flag whose values may also be comma-separated.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

// Set implements flag.Value.
func (l *listFlag) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

// securityFlags are serve's flags for authentication, CORS and request
// limits.
type securityFlags struct {
	token, tokenFile *string
	insecure         *bool
	corsOrigins      *listFlag
	maxRequest       *int64
	maxFile          *int64
	maxFiles         *int
	maxFilesPerReq   *int
	maxSSE           *int
	maxSSEPerIP      *int
}

func addSecurityFlags(fs *flag.FlagSet, getenv func(string) string) *securityFlags {
	cors := &listFlag{}
	_ = cors.Set(getenv("GENGLOSSARY_CORS_ORIGINS"))
	fs.Var(cors, "cors-origin", "browser `ORIGIN` (https://host[:port]) allowed to call the API cross-origin; repeatable or comma-separated; default none [GENGLOSSARY_CORS_ORIGINS]")
	return &securityFlags{
		token:          fs.String("auth-token", "", "bearer `TOKEN` required on /api/ and /metrics (at least 16 characters; prefer the file or the environment, which ps does not show) [GENGLOSSARY_AUTH_TOKEN]"),
		tokenFile:      fs.String("auth-token-file", getenv("GENGLOSSARY_AUTH_TOKEN_FILE"), "read the bearer token from `FILE` [GENGLOSSARY_AUTH_TOKEN_FILE]"),
		insecure:       fs.Bool("insecure", false, "allow --listen on a non-loopback address without a token, and --nats-listen on one without NATS credentials"),
		corsOrigins:    cors,
		maxRequest:     fs.Int64("max-request-bytes", int64(envInt(getenv, "GENGLOSSARY_MAX_REQUEST_BYTES", api.DefaultMaxRequestSize)), "largest request body (uploads) [GENGLOSSARY_MAX_REQUEST_BYTES]"),
		maxFile:        fs.Int64("max-file-bytes", int64(envInt(getenv, "GENGLOSSARY_MAX_FILE_BYTES", api.DefaultMaxFileSize)), "largest document [GENGLOSSARY_MAX_FILE_BYTES]"),
		maxFiles:       fs.Int("max-files", envInt(getenv, "GENGLOSSARY_MAX_FILES", api.DefaultMaxFilesPerProject), "documents per project [GENGLOSSARY_MAX_FILES]"),
		maxFilesPerReq: fs.Int("max-files-per-request", envInt(getenv, "GENGLOSSARY_MAX_FILES_PER_REQUEST", api.DefaultMaxFilesPerRequest), "documents per bulk upload [GENGLOSSARY_MAX_FILES_PER_REQUEST]"),
		maxSSE:         fs.Int("max-sse-clients", envInt(getenv, "GENGLOSSARY_MAX_SSE_CLIENTS", api.DefaultMaxSSEClients), "open SSE streams in total; more get 503 [GENGLOSSARY_MAX_SSE_CLIENTS]"),
		maxSSEPerIP:    fs.Int("max-sse-clients-per-ip", envInt(getenv, "GENGLOSSARY_MAX_SSE_CLIENTS_PER_IP", api.DefaultMaxSSEClientsPerIP), "open SSE streams per client address; more get 429 [GENGLOSSARY_MAX_SSE_CLIENTS_PER_IP]"),
	}
}

// limits returns the API limits of the flags.
func (f *securityFlags) limits() api.Limits {
	return api.Limits{
		MaxRequestSize: *f.maxRequest, MaxFileSize: *f.maxFile, MaxFilesPerProject: *f.maxFiles,
		MaxFilesPerRequest: *f.maxFilesPerReq, MaxSSEClients: *f.maxSSE, MaxSSEClientsPerIP: *f.maxSSEPerIP,
	}
}

// resolve reads the token (flag, file or GENGLOSSARY_AUTH_TOKEN), checks
// the limits, and refuses a non-loopback --listen without a token (or a
// non-loopback --nats-listen of the embedded server without NATS
// credentials) unless --insecure. The error is one line naming the flags.
func (f *securityFlags) resolve(ctx context.Context, getenv func(string) string, listen, natsListen string, nf *natsFlags) (api.Security, error) {
	var sec api.Security
	token := *f.token
	if token == "" {
		token = getenv("GENGLOSSARY_AUTH_TOKEN")
	}
	if *f.tokenFile != "" {
		if token != "" {
			return sec, errors.New("give the token with --auth-token (GENGLOSSARY_AUTH_TOKEN) or --auth-token-file, not both")
		}
		b, err := os.ReadFile(*f.tokenFile)
		if err != nil {
			return sec, fmt.Errorf("--auth-token-file: %w", err)
		}
		if token = strings.TrimSpace(string(b)); token == "" {
			return sec, fmt.Errorf("--auth-token-file %s is empty", *f.tokenFile)
		}
	}
	sec.AuthToken = token
	sec.CORSOrigins = *f.corsOrigins
	if err := sec.Validate(); err != nil {
		return sec, fmt.Errorf("%w (--auth-token, --cors-origin)", err)
	}
	for name, v := range map[string]int64{"--max-request-bytes": *f.maxRequest, "--max-file-bytes": *f.maxFile, "--max-files": int64(*f.maxFiles),
		"--max-files-per-request": int64(*f.maxFilesPerReq), "--max-sse-clients": int64(*f.maxSSE), "--max-sse-clients-per-ip": int64(*f.maxSSEPerIP)} {
		if v < 1 {
			return sec, fmt.Errorf("%s must be at least 1, got %d", name, v)
		}
	}
	loop, err := isLoopback(ctx, listen)
	if err != nil {
		return sec, fmt.Errorf("--listen %s: %w", listen, err)
	}
	switch {
	case token == "" && !loop && !*f.insecure:
		return sec, fmt.Errorf("refusing to serve on %s without authentication: set --auth-token or --auth-token-file (GENGLOSSARY_AUTH_TOKEN), listen on a loopback address, or pass --insecure", listen)
	case token == "" && loop && !*f.insecure:
		// Loopback without a token: only loopback host names, so a web
		// page cannot reach the API through DNS rebinding.
		sec.AllowedHosts = []string{"localhost", "127.0.0.1", "::1"}
	}
	if err := nf.auth.validate(*nf.url != ""); err != nil {
		return sec, err
	}
	if *nf.url == "" && natsListen != "" && !*f.insecure && !nf.auth.any() {
		loop, err := isLoopback(ctx, natsListen)
		if err != nil {
			return sec, fmt.Errorf("--nats-listen %s: %w", natsListen, err)
		}
		if !loop {
			return sec, fmt.Errorf("refusing to open the embedded NATS port on %s without credentials: set --nats-user and --nats-password or --nats-nkey-seed, listen on a loopback address, or pass --insecure", natsListen)
		}
	}
	return sec, nil
}

// isLoopback reports whether the host of addr is a loopback address (or a
// name resolving only to loopback addresses). An empty host means every
// interface: not loopback.
func isLoopback(ctx context.Context, addr string) (bool, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false, err
	}
	if host == "" {
		return false, nil
	}
	if ip := net.ParseIP(strings.Trim(host, "[]")); ip != nil {
		return ip.IsLoopback(), nil
	}
	if strings.EqualFold(host, "localhost") {
		return true, nil
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	ips, err := net.DefaultResolver.LookupIPAddr(ctx, host)
	if err != nil || len(ips) == 0 {
		return false, nil
	}
	for _, ip := range ips {
		if !ip.IP.IsLoopback() {
			return false, nil
		}
	}
	return true, nil
}

// natsAuthFlags are the NATS credentials and TLS options shared by serve,
// runner and reproject: for the embedded server they are what clients must
// present; with --nats-url they are what this process presents.
type natsAuthFlags struct {
	user, password, nkeySeed *string
	tlsCA, tlsCert, tlsKey   *string
}

// envSecretFlag defines a string flag whose value, when the flag is not
// given, comes from the environment variable env. Unlike a default, it is
// never printed by -h.
func envSecretFlag(fs *flag.FlagSet, getenv func(string) string, name, env, usage string) *string {
	v := new(string)
	*v = getenv(env)
	fs.Func(name, usage, func(s string) error { *v = s; return nil })
	return v
}

func addNATSAuthFlags(fs *flag.FlagSet, getenv func(string) string) *natsAuthFlags {
	return &natsAuthFlags{
		user:     fs.String("nats-user", getenv("GENGLOSSARY_NATS_USER"), "NATS user: required from clients of the embedded server, or sent to --nats-url [GENGLOSSARY_NATS_USER]"),
		password: envSecretFlag(fs, getenv, "nats-password", "GENGLOSSARY_NATS_PASSWORD", "password of --nats-user (prefer the environment) [GENGLOSSARY_NATS_PASSWORD]"),
		nkeySeed: fs.String("nats-nkey-seed", getenv("GENGLOSSARY_NATS_NKEY_SEED"), "user nkey seed `FILE` (SU...): accepted by the embedded server, or used with --nats-url [GENGLOSSARY_NATS_NKEY_SEED]"),
		tlsCA:    fs.String("nats-tls-ca", getenv("GENGLOSSARY_NATS_TLS_CA"), "CA certificate `FILE` to verify --nats-url servers [GENGLOSSARY_NATS_TLS_CA]"),
		tlsCert:  fs.String("nats-tls-cert", getenv("GENGLOSSARY_NATS_TLS_CERT"), "client certificate `FILE` for --nats-url (with --nats-tls-key) [GENGLOSSARY_NATS_TLS_CERT]"),
		tlsKey:   fs.String("nats-tls-key", getenv("GENGLOSSARY_NATS_TLS_KEY"), "client key `FILE` for --nats-tls-cert [GENGLOSSARY_NATS_TLS_KEY]"),
	}
}

// any reports whether any NATS credential is set.
func (a *natsAuthFlags) any() bool {
	return *a.user != "" || *a.nkeySeed != ""
}

// clientOptions are the nats.Options of the credential and TLS flags, for
// connections to --nats-url.
func (a *natsAuthFlags) clientOptions() ([]nats.Option, error) {
	var opts []nats.Option
	if err := a.validate(true); err != nil {
		return nil, err
	}
	if *a.user != "" {
		opts = append(opts, nats.UserInfo(*a.user, *a.password))
	}
	if *a.nkeySeed != "" {
		o, err := nats.NkeyOptionFromSeed(*a.nkeySeed)
		if err != nil {
			return nil, fmt.Errorf("--nats-nkey-seed: %w", err)
		}
		opts = append(opts, o)
	}
	if *a.tlsCA != "" {
		if _, err := os.Stat(*a.tlsCA); err != nil {
			return nil, fmt.Errorf("--nats-tls-ca: %w", err)
		}
		opts = append(opts, nats.RootCAs(*a.tlsCA))
	}
	if *a.tlsCert != "" {
		opts = append(opts, nats.ClientCert(*a.tlsCert, *a.tlsKey))
	}
	return opts, nil
}

// validate checks that the flags go together; the TLS flags need an
// external server.
func (a *natsAuthFlags) validate(external bool) error {
	switch {
	case (*a.user == "") != (*a.password == ""):
		return errors.New("--nats-user and --nats-password go together")
	case (*a.tlsCert == "") != (*a.tlsKey == ""):
		return errors.New("--nats-tls-cert and --nats-tls-key go together")
	case !external && (*a.tlsCA != "" || *a.tlsCert != ""):
		return errors.New("--nats-tls-ca, --nats-tls-cert and --nats-tls-key apply to --nats-url only")
	}
	return nil
}

// embedded sets the embedded server's authentication from the flags.
func (a *natsAuthFlags) embedded(cfg *natsembed.Config) error {
	if err := a.validate(false); err != nil {
		return err
	}
	cfg.Username, cfg.Password = *a.user, *a.password
	if *a.nkeySeed != "" {
		b, err := os.ReadFile(*a.nkeySeed)
		if err != nil {
			return fmt.Errorf("--nats-nkey-seed: %w", err)
		}
		cfg.NkeySeed = string(b)
	}
	return nil
}

// runLimitFlags are the runner limits shared by serve and runner.
type runLimitFlags struct {
	maxLogLine     *int
	maxRunDuration *time.Duration
}

func addRunLimitFlags(fs *flag.FlagSet, getenv func(string) string) *runLimitFlags {
	return &runLimitFlags{
		maxLogLine:     fs.Int("max-log-line", envInt(getenv, "GENGLOSSARY_MAX_LOG_LINE", runner.DefaultMaxLogLine), "longest run log line in bytes; longer ones are cut and marked [GENGLOSSARY_MAX_LOG_LINE]"),
		maxRunDuration: fs.Duration("max-run-duration", envDuration(getenv, "GENGLOSSARY_MAX_RUN_DURATION", runner.DefaultMaxRunDuration), "a run attempt running longer fails with a message saying so [GENGLOSSARY_MAX_RUN_DURATION]"),
	}
}
