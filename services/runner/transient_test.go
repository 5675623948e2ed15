package runner

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
)

// TestIsTransient: failures a leader election or a lost node cause are
// retried; limits, conflicts and missing streams are not.
func TestIsTransient(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want bool
	}{
		{nil, false},
		{fmt.Errorf("load project: %w", context.DeadlineExceeded), true},
		{fmt.Errorf("publish: %w", nats.ErrNoResponders), true},
		{nats.ErrTimeout, true},
		{jetstream.ErrNoStreamResponse, true},
		{nats.ErrConnectionReconnecting, true},
		{&jetstream.APIError{Code: 503, ErrorCode: 10008, Description: "JetStream system temporarily unavailable"}, true},
		{&jetstream.APIError{Code: 500, ErrorCode: 10118, Description: "stream is offline"}, true},
		{&jetstream.APIError{Code: 400, ErrorCode: 10077, Description: "maximum messages exceeded"}, false},
		{jetstream.ErrStreamNotFound, false},
		{fmt.Errorf("claim: %w", events.ErrConflict), false},
		{context.Canceled, false},
		{errors.New("engine failed"), false},
	} {
		if got := isTransient(tt.err); got != tt.want {
			t.Errorf("isTransient(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}

// TestStoreErr: only transient errors are marked for another attempt.
func TestStoreErr(t *testing.T) {
	if err := storeErr(fmt.Errorf("load project: %w", context.DeadlineExceeded)); !errors.Is(err, errStoreUnavailable) || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("transient: %v", err)
	}
	if err := storeErr(errors.New("bad")); errors.Is(err, errStoreUnavailable) {
		t.Errorf("not transient but marked: %v", err)
	}
	if storeErr(nil) != nil {
		t.Error("storeErr(nil) != nil")
	}
}
