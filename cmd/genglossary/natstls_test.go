package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// testPKI writes a CA and a certificate signed by it for 127.0.0.1 (server
// and client use), returning the file names.
func testPKI(t *testing.T) (caFile, certFile, keyFile string, ca *x509.Certificate) {
	t.Helper()
	dir := t.TempDir()
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test CA"}, NotBefore: time.Now().Add(-time.Hour),
		NotAfter: time.Now().Add(time.Hour), IsCA: true, KeyUsage: x509.KeyUsageCertSign, BasicConstraintsValid: true}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, _ = x509.ParseCertificate(caDER)
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "127.0.0.1"}, NotBefore: time.Now().Add(-time.Hour),
		NotAfter: time.Now().Add(time.Hour), IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, _ := x509.MarshalECPrivateKey(key)
	write := func(name, typ string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: b}), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	return write("ca.pem", "CERTIFICATE", caDER), write("cert.pem", "CERTIFICATE", der), write("key.pem", "EC PRIVATE KEY", keyDER), ca
}

// TestRunnerNATSTLS: against an external NATS that requires TLS with client
// certificates, a runner connects with --nats-tls-ca, --nats-tls-cert and
// --nats-tls-key, and keeps retrying (saying why) without them.
func TestRunnerNATSTLS(t *testing.T) {
	t.Parallel()
	caFile, certFile, keyFile, ca := testPKI(t)
	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(ca)
	ns, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: t.TempDir(), NoSigs: true, NoLog: true,
		TLS: true, TLSVerify: true, TLSConfig: &tls.Config{Certificates: []tls.Certificate{cert}, ClientCAs: pool, ClientAuth: tls.RequireAndVerifyClientCert, MinVersion: tls.VersionTLS12}})
	if err != nil {
		t.Fatal(err)
	}
	go ns.Start()
	t.Cleanup(func() { ns.Shutdown(); ns.WaitForShutdown() })
	if !ns.ReadyForConnections(10 * time.Second) {
		t.Fatal("nats-server not ready")
	}
	url := "tls://" + ns.Addr().String()

	runVerb := func(wait time.Duration, args ...string) (string, string) {
		ctx, cancel := context.WithCancel(context.Background())
		var stdout, stderr syncBuffer
		done := make(chan error, 1)
		go func() {
			done <- run(ctx, append([]string{"runner", "--nats-url", url}, args...), noEnv, nil, &stdout, &stderr)
		}()
		deadline := time.Now().Add(wait)
		for time.Now().Before(deadline) && !strings.Contains(stdout.String(), "connected to") {
			time.Sleep(50 * time.Millisecond)
		}
		cancel()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Error("runner did not stop")
		}
		return stdout.String(), stderr.String()
	}
	out, errOut := runVerb(20*time.Second, "--nats-tls-ca", caFile, "--nats-tls-cert", certFile, "--nats-tls-key", keyFile)
	if !strings.Contains(out, "connected to") {
		t.Fatalf("runner with TLS flags did not connect:\n%s\n%s", out, errOut)
	}
	out, errOut = runVerb(2*time.Second, "--nats-tls-ca", caFile)
	if strings.Contains(out, "connected to") || !strings.Contains(errOut, "retrying") {
		t.Errorf("runner without a client certificate:\n%s\n%s", out, errOut)
	}
	out, errOut = runVerb(2 * time.Second)
	if strings.Contains(out, "connected to") || !strings.Contains(errOut, "retrying") {
		t.Errorf("runner without the CA:\n%s\n%s", out, errOut)
	}
}
