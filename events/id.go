package events

import (
	"crypto/rand"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/oklog/ulid/v2"
)

// NewID returns a new ULID string for the current time, using crypto/rand
// entropy that is monotonic within a millisecond (via ulid.Make). Safe for
// concurrent use.
func NewID() string { return ulid.Make().String() }

// IDGen generates ULIDs from its own monotonic entropy source, so ids made by
// one generator sort strictly in creation order even within a millisecond.
// The zero value is not usable; create one with [NewIDGen]. Safe for
// concurrent use.
type IDGen struct {
	mu      sync.Mutex
	now     func() time.Time
	entropy *ulid.MonotonicEntropy
}

// NewIDGen returns a generator using crypto/rand entropy. now supplies the
// clock; nil means time.Now.
func NewIDGen(now func() time.Time) *IDGen {
	return newIDGen(now, rand.Reader)
}

func newIDGen(now func() time.Time, r io.Reader) *IDGen {
	if now == nil {
		now = time.Now
	}
	return &IDGen{now: now, entropy: ulid.Monotonic(r, 0)}
}

// New returns the next ULID string. It panics only if the entropy source
// fails or the per-millisecond monotonic space is exhausted, both of which
// practically never happen with crypto/rand.
func (g *IDGen) New() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return ulid.MustNew(ulid.Timestamp(g.now()), g.entropy).String()
}

// ValidID reports whether id is a canonical ULID: 26 upper-case Crockford
// base32 characters. Only canonical ids are accepted in subjects, so one id
// never maps to two subject trees.
func ValidID(id string) bool {
	if len(id) != ulid.EncodedSize || strings.ToUpper(id) != id {
		return false
	}
	_, err := ulid.ParseStrict(id)
	return err == nil
}

// CheckID returns nil when id is a canonical ULID and otherwise an error
// wrapping [ErrInvalidID] that names what (for example "project_id").
func CheckID(what, id string) error {
	if !ValidID(id) {
		return fmt.Errorf("%w: %s %q is not a canonical ULID", ErrInvalidID, what, id)
	}
	return nil
}
