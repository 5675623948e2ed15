package events

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Data is implemented by every event payload. Type returns the payload's
// stable type string (one of the Type* constants), never a Go type name.
type Data interface {
	Type() string
}

// Event type strings. They are stored in every event forever: never rename
// one; a change of shape bumps the type's version instead (see [Version]).
const (
	TypeProjectCreated = "project.created"
	TypeProjectUpdated = "project.updated"
	TypeProjectDeleted = "project.deleted"

	TypeDocAdded   = "doc.added"
	TypeDocRemoved = "doc.removed"

	TypeRunRequested       = "run.requested"
	TypeRunStarted         = "run.started"
	TypeRunStep            = "run.step"
	TypeRunProgress        = "run.progress"
	TypeRunResult          = "run.result"
	TypeRunCancelRequested = "run.cancel_requested"
	TypeRunCompleted       = "run.completed"
	TypeRunFailed          = "run.failed"
	TypeRunCancelled       = "run.cancelled"

	TypeLogLine     = "log.line"
	TypeLogProgress = "log.progress"
	TypeLogStep     = "log.step"
	TypeLogEnd      = "log.end"
)

// Prefixes of the type families; a type's family decides its subject.
const (
	FamilyProject = "project"
	FamilyDoc     = "doc"
	FamilyRun     = "run"
	FamilyTerm    = "term"
	FamilyLog     = "log"
)

// Version returns the current major schema version of an event type and
// whether the type is in the catalogue. Every type is at version 1 today.
func Version(eventType string) (int, bool) {
	if !slices.Contains(Types(), eventType) {
		return 0, false
	}
	return 1, true
}

// Types returns every event type of the catalogue, in a stable order. The
// slice is new on each call.
func Types() []string {
	return []string{
		TypeProjectCreated, TypeProjectUpdated, TypeProjectDeleted,
		TypeDocAdded, TypeDocRemoved,
		TypeRunRequested, TypeRunStarted, TypeRunStep, TypeRunProgress, TypeRunResult,
		TypeRunCancelRequested, TypeRunCompleted, TypeRunFailed, TypeRunCancelled,
		TypeLogLine, TypeLogProgress, TypeLogStep, TypeLogEnd,
		TypeTermAdded, TypeTermUpdated, TypeTermDeleted, TypeTermExcluded, TypeTermUnexcluded,
		TypeTermRequired, TypeTermUnrequired, TypeTermSynonymsSet, TypeTermSynonymsRemoved,
		TypeTermDefinitionEdited, TypeProjectCloned,
	}
}

// IsTerminal reports whether eventType ends a run: run.completed,
// run.failed or run.cancelled. Exactly one terminal event is published per
// run.
func IsTerminal(eventType string) bool {
	switch eventType {
	case TypeRunCompleted, TypeRunFailed, TypeRunCancelled:
		return true
	}
	return false
}

// family returns the part of eventType before its first dot.
func family(eventType string) string {
	f, _, _ := strings.Cut(eventType, ".")
	return f
}

// isRunScoped reports whether events of eventType carry a run id.
func isRunScoped(eventType string) bool {
	f := family(eventType)
	return f == FamilyRun || f == FamilyLog
}

// decodePayload decodes raw as the payload of eventType, returning the
// payload struct by value, or an error wrapping ErrUnknownType. Add new
// types here and to Types.
func decodePayload(eventType string, raw json.RawMessage) (Data, error) {
	switch eventType {
	case TypeProjectCreated:
		return decodeAs[ProjectCreated](raw)
	case TypeProjectUpdated:
		return decodeAs[ProjectUpdated](raw)
	case TypeProjectDeleted:
		return decodeAs[ProjectDeleted](raw)
	case TypeDocAdded:
		return decodeAs[DocAdded](raw)
	case TypeDocRemoved:
		return decodeAs[DocRemoved](raw)
	case TypeRunRequested:
		return decodeAs[RunRequested](raw)
	case TypeRunStarted:
		return decodeAs[RunStarted](raw)
	case TypeRunStep:
		return decodeAs[RunStep](raw)
	case TypeRunProgress:
		return decodeAs[RunProgress](raw)
	case TypeRunResult:
		return decodeAs[RunResult](raw)
	case TypeRunCancelRequested:
		return decodeAs[RunCancelRequested](raw)
	case TypeRunCompleted:
		return decodeAs[RunCompleted](raw)
	case TypeRunFailed:
		return decodeAs[RunFailed](raw)
	case TypeRunCancelled:
		return decodeAs[RunCancelled](raw)
	case TypeLogLine:
		return decodeAs[LogLine](raw)
	case TypeLogProgress:
		return decodeAs[LogProgress](raw)
	case TypeLogStep:
		return decodeAs[LogStep](raw)
	case TypeLogEnd:
		return decodeAs[LogEnd](raw)
	case TypeTermAdded:
		return decodeAs[TermAdded](raw)
	case TypeTermUpdated:
		return decodeAs[TermUpdated](raw)
	case TypeTermDeleted:
		return decodeAs[TermDeleted](raw)
	case TypeTermExcluded:
		return decodeAs[TermExcluded](raw)
	case TypeTermUnexcluded:
		return decodeAs[TermUnexcluded](raw)
	case TypeTermRequired:
		return decodeAs[TermRequired](raw)
	case TypeTermUnrequired:
		return decodeAs[TermUnrequired](raw)
	case TypeTermSynonymsSet:
		return decodeAs[TermSynonymsSet](raw)
	case TypeTermSynonymsRemoved:
		return decodeAs[TermSynonymsRemoved](raw)
	case TypeTermDefinitionEdited:
		return decodeAs[TermDefinitionEdited](raw)
	case TypeProjectCloned:
		return decodeAs[ProjectCloned](raw)
	}
	return nil, fmt.Errorf("%w: %q", ErrUnknownType, eventType)
}

func decodeAs[T Data](raw json.RawMessage) (Data, error) {
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		var zero T
		return nil, fmt.Errorf("%w: data of %s: %w", ErrInvalidEnvelope, zero.Type(), err)
	}
	return v, nil
}

// TriggeredBy says what requested a run.
type TriggeredBy string

// TriggeredBy values.
const (
	TriggeredByAPI  TriggeredBy = "api"
	TriggeredByAuto TriggeredBy = "auto"
	TriggeredByCLI  TriggeredBy = "cli"
)

// StepStatus is the status carried by step events.
type StepStatus string

// StepStatus values.
const (
	StepStarted   StepStatus = "started"
	StepCompleted StepStatus = "completed"
)

// Level is a log line's level.
type Level string

// Level values.
const (
	LevelInfo    Level = "info"
	LevelWarning Level = "warning"
	LevelError   Level = "error"
)

// RunStatus is a run's final status as carried by [LogEnd].
type RunStatus string

// RunStatus values that end a run.
const (
	RunStatusCompleted RunStatus = "completed"
	RunStatusFailed    RunStatus = "failed"
	RunStatusCancelled RunStatus = "cancelled"
)

// ProjectCreated (project.created, subject gg.<p>.project.created) creates a
// project with its LLM settings. API keys never appear here.
type ProjectCreated struct {
	Name        string `json:"name"`
	LLMProvider string `json:"llm_provider"`
	LLMModel    string `json:"llm_model"`
	LLMBaseURL  string `json:"llm_base_url"`
}

// ProjectUpdated (project.updated) changes some project fields; nil fields
// are unchanged.
type ProjectUpdated struct {
	Name        *string `json:"name,omitempty"`
	LLMProvider *string `json:"llm_provider,omitempty"`
	LLMModel    *string `json:"llm_model,omitempty"`
	LLMBaseURL  *string `json:"llm_base_url,omitempty"`
}

// ProjectDeleted (project.deleted) deletes a project.
type ProjectDeleted struct{}

// DocAdded (doc.added, subject gg.<p>.doc.added) adds a document whose
// content is in the gg-docs object store under ObjectKey (see [DocObjectKey]).
type DocAdded struct {
	DocID     string `json:"doc_id"`
	FileName  string `json:"file_name"`
	Size      int64  `json:"size"`
	SHA256    string `json:"sha256"`
	ObjectKey string `json:"object_key"`
}

// DocRemoved (doc.removed) removes a document.
type DocRemoved struct {
	DocID    string `json:"doc_id"`
	FileName string `json:"file_name"`
}

// RunRequested (run.requested, subject gg.<p>.run.<r>.requested) creates a
// pending run. It is what the gg-runners consumer delivers.
type RunRequested struct {
	// Scope is the pipeline scope (full, from_terms, ...), validated by the
	// publisher.
	Scope       string      `json:"scope"`
	TriggeredBy TriggeredBy `json:"triggered_by"`
	// Terms, when set, restricts the run to these terms.
	Terms []string `json:"terms,omitempty"`
	// Documents, when set, makes extraction incremental over these doc ids.
	Documents      []string `json:"documents,omitempty"`
	IdempotencyKey string   `json:"idempotency_key,omitempty"`
}

// RunStarted (run.started) records that a runner claimed a run; Attempt
// starts at 1 and grows with each redelivery.
type RunStarted struct {
	RunnerID string `json:"runner_id"`
	Attempt  int    `json:"attempt"`
}

// RunStep (run.step) marks a pipeline step started or completed; Count is
// the step's output size (terms, issues, ...), 0 when started.
type RunStep struct {
	Step   string     `json:"step"`
	Status StepStatus `json:"status"`
	Count  int        `json:"count"`
}

// RunProgress (run.progress) is throttled progress within a step.
type RunProgress struct {
	Step        string `json:"step"`
	Current     int    `json:"current"`
	Total       int    `json:"total"`
	CurrentTerm string `json:"current_term,omitempty"`
}

// RunResult (run.result) carries a step's output, either Inline (when at
// most [MaxInlineResult] bytes) or as ObjectKey in the gg-artifacts object
// store (claim check, see [ArtifactObjectKey]). Exactly one of them is set.
type RunResult struct {
	Step      string          `json:"step"`
	Count     int             `json:"count"`
	Inline    json.RawMessage `json:"inline,omitempty"`
	ObjectKey string          `json:"object_key,omitempty"`
}

// RunCancelRequested (run.cancel_requested) asks the runner holding a run
// to stop it.
type RunCancelRequested struct {
	Reason string `json:"reason"`
}

// RunCompleted (run.completed, terminal) ends a run successfully; Summary
// maps a count's name (terms, provisional, issues, refined) to its value.
type RunCompleted struct {
	Summary map[string]int `json:"summary"`
	// LogsTruncated is set by the runner when the run's log is not whole:
	// a log line could not be stored (a stream limit, a full disk) or the
	// log stream's size limit discarded the run's earliest lines while it
	// ran. Domain events are never dropped this way.
	LogsTruncated bool `json:"logs_truncated,omitempty"`
}

// RunFailed (run.failed, terminal) ends a run with a sanitised error
// message.
type RunFailed struct {
	ErrorMessage string `json:"error_message"`
	// LogsTruncated is set by the runner when the run's log is not whole:
	// a log line could not be stored (a stream limit, a full disk) or the
	// log stream's size limit discarded the run's earliest lines while it
	// ran. Domain events are never dropped this way.
	LogsTruncated bool `json:"logs_truncated,omitempty"`
}

// RunCancelled (run.cancelled, terminal) ends a run as cancelled.
type RunCancelled struct {
	Reason string `json:"reason"`
	// LogsTruncated is set by the runner when the run's log is not whole:
	// a log line could not be stored (a stream limit, a full disk) or the
	// log stream's size limit discarded the run's earliest lines while it
	// ran. Domain events are never dropped this way.
	LogsTruncated bool `json:"logs_truncated,omitempty"`
}

// LogLine (log.line, subject gg.<p>.log.<r>) is one log line of a run.
type LogLine struct {
	Level   Level  `json:"level"`
	Message string `json:"message"`
}

// LogProgress (log.progress) mirrors progress on the log subject for SSE.
type LogProgress struct {
	Step        string `json:"step"`
	Current     int    `json:"current"`
	Total       int    `json:"total"`
	CurrentTerm string `json:"current_term,omitempty"`
}

// LogStep (log.step) mirrors a step change on the log subject for SSE.
type LogStep struct {
	Step   string     `json:"step"`
	Status StepStatus `json:"status"`
	Count  int        `json:"count"`
}

// LogEnd (log.end) is the last message of a run's log; SSE streams close
// after it.
type LogEnd struct {
	Status       RunStatus `json:"status"`
	ErrorMessage string    `json:"error_message,omitempty"`
}

// Type implements [Data].
func (ProjectCreated) Type() string { return TypeProjectCreated }

// Type implements [Data].
func (ProjectUpdated) Type() string { return TypeProjectUpdated }

// Type implements [Data].
func (ProjectDeleted) Type() string { return TypeProjectDeleted }

// Type implements [Data].
func (DocAdded) Type() string { return TypeDocAdded }

// Type implements [Data].
func (DocRemoved) Type() string { return TypeDocRemoved }

// Type implements [Data].
func (RunRequested) Type() string { return TypeRunRequested }

// Type implements [Data].
func (RunStarted) Type() string { return TypeRunStarted }

// Type implements [Data].
func (RunStep) Type() string { return TypeRunStep }

// Type implements [Data].
func (RunProgress) Type() string { return TypeRunProgress }

// Type implements [Data].
func (RunResult) Type() string { return TypeRunResult }

// Type implements [Data].
func (RunCancelRequested) Type() string { return TypeRunCancelRequested }

// Type implements [Data].
func (RunCompleted) Type() string { return TypeRunCompleted }

// Type implements [Data].
func (RunFailed) Type() string { return TypeRunFailed }

// Type implements [Data].
func (RunCancelled) Type() string { return TypeRunCancelled }

// Type implements [Data].
func (LogLine) Type() string { return TypeLogLine }

// Type implements [Data].
func (LogProgress) Type() string { return TypeLogProgress }

// Type implements [Data].
func (LogStep) Type() string { return TypeLogStep }

// Type implements [Data].
func (LogEnd) Type() string { return TypeLogEnd }
