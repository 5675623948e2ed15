package runner

import (
	"errors"
	"fmt"
	"time"
	"unicode/utf8"
)

// Defaults of the limits in [Config].
const (
	// DefaultMaxLogLine is the default cap of a log.line message, in bytes.
	DefaultMaxLogLine = 4096
	// DefaultMaxRunDuration is the default cap of one attempt of a run:
	// generous, since large corpora with a slow model take hours.
	DefaultMaxRunDuration = 6 * time.Hour
	// TruncatedMarker ends a log.line message that was cut at MaxLogLine.
	TruncatedMarker = " …[truncated]"
)

// minLogLine is the smallest MaxLogLine accepted.
const minLogLine = 256

// errRunTooLong: the run's context is cancelled with it when the attempt
// exceeds MaxRunDuration.
var errRunTooLong = errors.New("maximum run duration exceeded")

// capLine cuts s to at most limit bytes (DefaultMaxLogLine when limit <= 0)
// on a rune boundary, ending a cut message with TruncatedMarker.
func capLine(s string, limit int) string {
	if limit <= 0 {
		limit = DefaultMaxLogLine
	}
	if len(s) <= limit {
		return s
	}
	cut := limit - len(TruncatedMarker)
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + TruncatedMarker
}

// limitDuration cancels the run with errRunTooLong once MaxRunDuration has
// passed; the returned func stops the timer.
func (x *execution) limitDuration() (stop func()) {
	t := time.AfterFunc(x.r.cfg.MaxRunDuration, func() {
		x.log.Warn("run exceeded its maximum duration; cancelling it", "max_run_duration", x.r.cfg.MaxRunDuration.String())
		x.cancel(errRunTooLong)
	})
	return func() { t.Stop() }
}

// tooLongMessage is the error_message of a run stopped by MaxRunDuration.
func (x *execution) tooLongMessage() string {
	return fmt.Sprintf("the run took longer than the maximum run duration of %s and was stopped (raise --max-run-duration to allow longer runs)", x.r.cfg.MaxRunDuration)
}
