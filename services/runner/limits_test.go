package runner

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/genglossary/genglossary/events"
)

// TestLogLineCap: a log.line message longer than MaxLogLine is cut on a
// rune boundary and ends with TruncatedMarker; shorter ones are kept whole.
func TestLogLineCap(t *testing.T) {
	t.Parallel()
	em, js := newTestEmitter(t)
	em.maxLine = 300
	long := strings.Repeat("語", 5000) // 15000 bytes
	em.line(events.LevelInfo, "%s", long)
	em.line(events.LevelInfo, "short line")
	em.maxLine = 0 // the default
	em.line(events.LevelWarning, "%s", strings.Repeat("x", 10*DefaultMaxLogLine))
	subj, err := events.LogSubject(em.projectID, em.runID)
	if err != nil {
		t.Fatal(err)
	}
	evs := readEvents(t, js, subj)
	if len(evs) != 3 {
		t.Fatalf("%d log events, want 3", len(evs))
	}
	msg := func(i int) string {
		l, err := events.DecodeData[events.LogLine](evs[i])
		if err != nil {
			t.Fatal(err)
		}
		return l.Message
	}
	if m := msg(0); len(m) > 300 || !strings.HasSuffix(m, TruncatedMarker) || !utf8.ValidString(m) || !strings.HasPrefix(m, "語語") {
		t.Errorf("capped line: %d bytes, %q...", len(m), m[:min(len(m), 40)])
	}
	if m := msg(1); m != "short line" {
		t.Errorf("short line = %q", m)
	}
	if m := msg(2); len(m) > DefaultMaxLogLine || !strings.HasSuffix(m, TruncatedMarker) {
		t.Errorf("default cap: %d bytes", len(m))
	}
	for _, tc := range []struct {
		in    string
		limit int
		want  string
	}{
		{"abc", 10, "abc"},
		{strings.Repeat("a", 30), 20, "aaaaa" + TruncatedMarker},
		{"ééééééééééé", 18, "é" + TruncatedMarker},
	} {
		if got := capLine(tc.in, tc.limit); got != tc.want || len(got) > tc.limit {
			t.Errorf("capLine(%q, %d) = %q, want %q", tc.in, tc.limit, got, tc.want)
		}
	}
}
