package natsembed_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nkeys"

	"github.com/genglossary/genglossary/internal/natsembed"
)

// TestNkeyAuth: with NkeySeed, TCP clients need that nkey (or the
// user/password when both are set); Connect authenticates by itself.
func TestNkeyAuth(t *testing.T) {
	t.Parallel()
	kp, err := nkeys.CreateUser()
	if err != nil {
		t.Fatal(err)
	}
	seed, _ := kp.Seed()
	seedFile := filepath.Join(t.TempDir(), "user.nk")
	if err := os.WriteFile(seedFile, seed, 0o600); err != nil {
		t.Fatal(err)
	}
	other, _ := nkeys.CreateUser()
	otherSeed, _ := other.Seed()
	otherFile := filepath.Join(t.TempDir(), "other.nk")
	_ = os.WriteFile(otherFile, otherSeed, 0o600)

	for _, withUser := range []bool{false, true} {
		cfg := natsembed.Config{Listen: "127.0.0.1:-1", NkeySeed: string(seed)}
		if withUser {
			cfg.Username, cfg.Password = "gg", "secret-password"
		}
		s := start(t, cfg)
		nc, err := s.Connect()
		if err != nil {
			t.Fatalf("in-process connect (user %v): %v", withUser, err)
		}
		nc.Close()
		if nc, err := nats.Connect(s.ClientURL()); err == nil {
			nc.Close()
			t.Fatalf("TCP connect without credentials succeeded (user %v)", withUser)
		}
		bad, _ := nats.NkeyOptionFromSeed(otherFile)
		if nc, err := nats.Connect(s.ClientURL(), bad); err == nil {
			nc.Close()
			t.Fatalf("TCP connect with another nkey succeeded (user %v)", withUser)
		}
		good, err := nats.NkeyOptionFromSeed(seedFile)
		if err != nil {
			t.Fatal(err)
		}
		nc, err = nats.Connect(s.ClientURL(), good)
		if err != nil {
			t.Fatalf("TCP connect with the nkey (user %v): %v", withUser, err)
		}
		nc.Close()
		if withUser {
			nc, err = nats.Connect(s.ClientURL(), nats.UserInfo("gg", "secret-password"))
			if err != nil {
				t.Fatalf("TCP connect with user and password next to an nkey: %v", err)
			}
			nc.Close()
		}
	}
	if _, err := natsembed.Start(t.Context(), natsembed.Config{StoreDir: t.TempDir(), NkeySeed: "SUnope"}); !errors.Is(err, natsembed.ErrInvalidConfig) {
		t.Errorf("bad seed: %v, want ErrInvalidConfig", err)
	}
	// An operator or account seed is not a user seed.
	acc, _ := nkeys.CreateAccount()
	accSeed, _ := acc.Seed()
	if _, err := natsembed.Start(t.Context(), natsembed.Config{StoreDir: t.TempDir(), NkeySeed: string(accSeed)}); !errors.Is(err, natsembed.ErrInvalidConfig) {
		t.Errorf("account seed: %v, want ErrInvalidConfig", err)
	}
}
