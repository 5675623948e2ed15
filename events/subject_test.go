package events_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/genglossary/genglossary/events"
)

func TestSubjects(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		run, typ, want, kind string
	}{
		{"", events.TypeProjectCreated, "gg." + projectID + ".project.created", "project.created"},
		{"", events.TypeDocRemoved, "gg." + projectID + ".doc.removed", "doc.removed"},
		{runID, events.TypeRunRequested, "gg." + projectID + ".run." + runID + ".requested", "run.requested"},
		{runID, events.TypeRunCancelRequested, "gg." + projectID + ".run." + runID + ".cancel_requested", "run.cancel_requested"},
		{runID, events.TypeLogLine, "gg." + projectID + ".log." + runID, events.KindLog},
		{runID, events.TypeLogEnd, "gg." + projectID + ".log." + runID, events.KindLog},
		{"", "term.excluded", "gg." + projectID + ".term.excluded", "term.excluded"},
	} {
		got, err := events.Subject(projectID, tc.run, tc.typ)
		if err != nil || got != tc.want {
			t.Errorf("Subject(%q) = %q, %v; want %q", tc.typ, got, err, tc.want)
			continue
		}
		p, r, kind, err := events.ParseSubject(got)
		if err != nil || p != projectID || r != tc.run || kind != tc.kind {
			t.Errorf("ParseSubject(%q) = %q %q %q %v", got, p, r, kind, err)
		}
	}
	s, err := events.RunSubject(projectID, runID, events.TypeRunStarted)
	if err != nil || s != "gg."+projectID+".run."+runID+".started" {
		t.Errorf("RunSubject = %q, %v", s, err)
	}
	if _, err := events.RunSubject(projectID, runID, events.TypeDocAdded); !errors.Is(err, events.ErrInvalidSubject) {
		t.Errorf("RunSubject(doc.added): %v", err)
	}
	if f, _ := events.ProjectRunsFilter(projectID); f != "gg."+projectID+".run.>" {
		t.Errorf("ProjectRunsFilter = %q", f)
	}
	if f, _ := events.RunFilter(projectID, runID); f != "gg."+projectID+".run."+runID+".>" {
		t.Errorf("RunFilter = %q", f)
	}
	if f, _ := events.ProjectFilter(projectID); f != "gg."+projectID+".>" {
		t.Errorf("ProjectFilter = %q", f)
	}
	if got := events.StreamFor("gg." + projectID + ".log." + runID); got != events.LogsStream {
		t.Errorf("StreamFor(log) = %q", got)
	}
	if got := events.StreamFor("gg." + projectID + ".run.>"); got != events.EventsStream {
		t.Errorf("StreamFor(run) = %q", got)
	}
}

func TestSubjectBuildersRejectBadIDs(t *testing.T) {
	t.Parallel()
	bad := []string{
		"", "*", ">", "a.b", projectID + ".x", strings.ToLower(projectID),
		projectID[:25], projectID + "A", "01JAAAAAAAAAAAAAAAAAAAAAA*", "01JAAAAAAAAAAAAAAAAAAAAA.A",
		"01JAAAAAAAAAAAAAAAAAAAAAA ", "8ZZZZZZZZZZZZZZZZZZZZZZZZZ", // overflows 128 bits
		"01JAAAAAAAAAAAAAAAAAAAAAAU", // U is not Crockford base32
	}
	for _, id := range bad {
		if events.ValidID(id) {
			t.Errorf("ValidID(%q) = true", id)
		}
		if _, err := events.Subject(id, "", events.TypeProjectCreated); !errors.Is(err, events.ErrInvalidID) {
			t.Errorf("Subject(project %q): %v", id, err)
		}
		if _, err := events.RunSubject(projectID, id, events.TypeRunRequested); !errors.Is(err, events.ErrInvalidID) {
			t.Errorf("RunSubject(run %q): %v", id, err)
		}
		if _, err := events.LogSubject(id, runID); !errors.Is(err, events.ErrInvalidID) {
			t.Errorf("LogSubject(%q): %v", id, err)
		}
		if _, err := events.ProjectRunsFilter(id); !errors.Is(err, events.ErrInvalidID) {
			t.Errorf("ProjectRunsFilter(%q): %v", id, err)
		}
	}
	for _, typ := range []string{"run.>", "run.*", "run.a.b", "run.", "bogus.created", "project.Created", "term.x y", ""} {
		if _, err := events.Subject(projectID, runID, typ); err == nil {
			t.Errorf("Subject(type %q) succeeded", typ)
		}
	}
}

func TestParseSubjectRejects(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"", "gg", "gg." + projectID, "xx." + projectID + ".project.created",
		"gg.*.project.created", "gg." + projectID + ".run.>", "gg." + projectID + ".run." + runID + ".*",
		"gg." + projectID + ".run." + runID, "gg." + projectID + ".run." + runID + ".requested.x",
		"gg." + projectID + ".log." + runID + ".x", "gg." + projectID + ".log.bad",
		"gg." + projectID + ".project.created.x", "gg." + projectID + ".other.x",
	} {
		if p, r, k, err := events.ParseSubject(s); err == nil {
			t.Errorf("ParseSubject(%q) = %q %q %q, want error", s, p, r, k)
		}
	}
}

func TestIDGenMonotonic(t *testing.T) {
	t.Parallel()
	at := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	g := events.NewIDGen(func() time.Time { return at })
	prev := ""
	for range 1000 {
		id := g.New()
		if !events.ValidID(id) {
			t.Fatalf("invalid id %q", id)
		}
		if id <= prev {
			t.Fatalf("ids not increasing within one millisecond: %q after %q", id, prev)
		}
		prev = id
	}
	if !events.ValidID(events.NewID()) {
		t.Fatal("NewID not valid")
	}
	if err := events.CheckID("run_id", "x"); !errors.Is(err, events.ErrInvalidID) || !strings.Contains(err.Error(), "run_id") {
		t.Fatalf("CheckID = %v", err)
	}
}
