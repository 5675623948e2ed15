package events

import (
	"fmt"
	"strings"
)

// Subject scheme constants. All subjects start with SubjectRoot followed by
// the project id.
const (
	// SubjectRoot is the first token of every GenGlossary subject.
	SubjectRoot = "gg"

	// ProjectSubjects matches every project.* event of every project.
	ProjectSubjects = "gg.*.project.>"
	// DocSubjects matches every doc.* event of every project.
	DocSubjects = "gg.*.doc.>"
	// RunSubjects matches every run event of every project.
	RunSubjects = "gg.*.run.>"
	// TermSubjects matches every term.* user-edit event of every project
	// (gg.<p>.term.<kind>).
	TermSubjects = "gg.*.term.>"
	// LogSubjects matches every run log subject (gg.<p>.log.<r>).
	LogSubjects = "gg.*.log.>"
	// RunRequestedSubjects matches every run.requested event; it is the
	// filter of the gg-runners consumer.
	RunRequestedSubjects = "gg.*.run.*.requested"
)

// KindLog is the kind [ParseSubject] returns for a log subject
// gg.<p>.log.<r>; the log event type itself is in the Gg-Type header and
// the envelope.
const KindLog = "log"

// Subject returns the subject an event of eventType is published on:
// gg.<p>.project.<x>, gg.<p>.doc.<x>, gg.<p>.term.<x>, gg.<p>.run.<r>.<x>
// or, for every log.* type, gg.<p>.log.<r>. runID is required for run.* and
// log.* types and must be empty otherwise.
//
// Errors wrap [ErrInvalidID] for a bad id and [ErrInvalidSubject] for a type
// outside the scheme.
func Subject(projectID, runID, eventType string) (string, error) {
	if err := CheckID("project_id", projectID); err != nil {
		return "", err
	}
	fam, rest, _ := strings.Cut(eventType, ".")
	switch fam {
	case FamilyRun, FamilyLog:
		if err := CheckID("run_id", runID); err != nil {
			return "", err
		}
	default:
		if runID != "" {
			return "", fmt.Errorf("%w: %s events carry no run_id", ErrInvalidSubject, eventType)
		}
	}
	if err := checkKind(eventType); err != nil {
		return "", err
	}
	switch fam {
	case FamilyRun:
		return SubjectRoot + "." + projectID + ".run." + runID + "." + rest, nil
	case FamilyLog:
		return LogSubject(projectID, runID)
	default:
		return SubjectRoot + "." + projectID + "." + eventType, nil
	}
}

// RunSubject returns gg.<p>.run.<r>.<x> for a run.* event type such as
// [TypeRunRequested] ("run.requested" gives gg.<p>.run.<r>.requested).
// Errors wrap [ErrInvalidID] or [ErrInvalidSubject].
func RunSubject(projectID, runID, kind string) (string, error) {
	if family(kind) != FamilyRun {
		return "", fmt.Errorf("%w: %q is not a run event type", ErrInvalidSubject, kind)
	}
	return Subject(projectID, runID, kind)
}

// LogSubject returns gg.<p>.log.<r>, the subject of all of a run's log
// events. Errors wrap [ErrInvalidID].
func LogSubject(projectID, runID string) (string, error) {
	if err := CheckID("project_id", projectID); err != nil {
		return "", err
	}
	if err := CheckID("run_id", runID); err != nil {
		return "", err
	}
	return SubjectRoot + "." + projectID + ".log." + runID, nil
}

// ProjectFilter returns gg.<p>.>, every subject of one project (both
// streams). Errors wrap [ErrInvalidID].
func ProjectFilter(projectID string) (string, error) {
	if err := CheckID("project_id", projectID); err != nil {
		return "", err
	}
	return SubjectRoot + "." + projectID + ".>", nil
}

// ProjectRunsFilter returns gg.<p>.run.>, every run event of a project: the
// filter [PublishExpect] guards to keep one active run per project. Errors
// wrap [ErrInvalidID].
func ProjectRunsFilter(projectID string) (string, error) {
	if err := CheckID("project_id", projectID); err != nil {
		return "", err
	}
	return SubjectRoot + "." + projectID + ".run.>", nil
}

// RunFilter returns gg.<p>.run.<r>.>, every event of one run. Errors wrap
// [ErrInvalidID].
func RunFilter(projectID, runID string) (string, error) {
	if err := CheckID("project_id", projectID); err != nil {
		return "", err
	}
	if err := CheckID("run_id", runID); err != nil {
		return "", err
	}
	return SubjectRoot + "." + projectID + ".run." + runID + ".>", nil
}

// ParseSubject splits a concrete subject of the scheme. kind is the event
// type the subject carries ("project.created", "run.requested",
// "term.<x>") or [KindLog] for gg.<p>.log.<r>; runID is empty for subjects
// outside a run. Errors wrap [ErrInvalidSubject] or [ErrInvalidID].
func ParseSubject(subject string) (projectID, runID, kind string, err error) {
	tok := strings.Split(subject, ".")
	if len(tok) < 4 || tok[0] != SubjectRoot {
		return "", "", "", fmt.Errorf("%w: %q", ErrInvalidSubject, subject)
	}
	projectID = tok[1]
	if err := CheckID("project_id", projectID); err != nil {
		return "", "", "", err
	}
	switch tok[2] {
	case FamilyRun:
		if len(tok) != 5 {
			return "", "", "", fmt.Errorf("%w: %q", ErrInvalidSubject, subject)
		}
		runID, kind = tok[3], FamilyRun+"."+tok[4]
	case FamilyLog:
		if len(tok) != 4 {
			return "", "", "", fmt.Errorf("%w: %q", ErrInvalidSubject, subject)
		}
		runID, kind = tok[3], KindLog
	default:
		if len(tok) != 4 {
			return "", "", "", fmt.Errorf("%w: %q", ErrInvalidSubject, subject)
		}
		kind = tok[2] + "." + tok[3]
	}
	if tok[2] == FamilyRun || tok[2] == FamilyLog {
		// Also when empty: "gg.<p>.log." has no run (found by
		// FuzzParseSubject).
		if err := CheckID("run_id", runID); err != nil {
			return "", "", "", err
		}
	}
	if kind != KindLog {
		if err := checkKind(kind); err != nil {
			return "", "", "", err
		}
	}
	return projectID, runID, kind, nil
}

// checkKind accepts <family>.<token> where family is project, doc, run,
// term or log and token is lower-case letters, digits and underscores. The
// catalogue's types all have this shape; accepting any such token lets old
// code route and skip types added later.
func checkKind(eventType string) error {
	fam, rest, _ := strings.Cut(eventType, ".")
	switch fam {
	case FamilyProject, FamilyDoc, FamilyRun, FamilyTerm, FamilyLog:
		if validToken(rest) {
			return nil
		}
	}
	return fmt.Errorf("%w: bad event type %q", ErrInvalidSubject, eventType)
}

func validToken(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

// StreamFor returns the stream that stores subject, which may be a filter
// with wildcards: [LogsStream] for gg.<p>.log.<r> subjects, else
// [EventsStream].
func StreamFor(subject string) string {
	tok := strings.Split(subject, ".")
	if len(tok) >= 3 && tok[2] == FamilyLog {
		return LogsStream
	}
	return EventsStream
}
