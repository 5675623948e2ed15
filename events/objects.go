package events

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/nats-io/nats.go/jetstream"
)

// DocObjectKey returns the [DocsBucket] object name of a document:
// <project_id>/<doc_id>. Errors wrap [ErrInvalidID].
func DocObjectKey(projectID, docID string) (string, error) {
	if err := CheckID("project_id", projectID); err != nil {
		return "", err
	}
	if err := CheckID("doc_id", docID); err != nil {
		return "", err
	}
	return projectID + "/" + docID, nil
}

// ArtifactObjectKey returns the [ArtifactsBucket] object name of a run's
// step result: <project_id>/<run_id>/<step>.json. step must be lower-case
// letters, digits and underscores. Errors wrap [ErrInvalidID] or
// [ErrInvalidSubject].
func ArtifactObjectKey(projectID, runID, step string) (string, error) {
	if err := CheckID("project_id", projectID); err != nil {
		return "", err
	}
	if err := CheckID("run_id", runID); err != nil {
		return "", err
	}
	if !validToken(step) {
		return "", fmt.Errorf("%w: step %q", ErrInvalidSubject, step)
	}
	return projectID + "/" + runID + "/" + step + ".json", nil
}

// NewRunResult builds the [RunResult] of a step, applying the claim check:
// a payload of at most [MaxInlineResult] bytes is carried inline; a larger
// one is put into artifacts (the [ArtifactsBucket] store) under
// [ArtifactObjectKey] and referenced by ObjectKey. payload must be JSON.
func NewRunResult(ctx context.Context, artifacts jetstream.ObjectStore, projectID, runID, step string, count int, payload json.RawMessage) (RunResult, error) {
	if !json.Valid(payload) {
		return RunResult{}, fmt.Errorf("%w: result of step %s is not JSON", ErrInvalidEnvelope, step)
	}
	res := RunResult{Step: step, Count: count}
	if len(payload) <= MaxInlineResult {
		res.Inline = payload
		return res, nil
	}
	key, err := ArtifactObjectKey(projectID, runID, step)
	if err != nil {
		return RunResult{}, err
	}
	if _, err := artifacts.PutBytes(ctx, key, payload); err != nil {
		return RunResult{}, fmt.Errorf("events: put artifact %s: %w", key, err)
	}
	res.ObjectKey = key
	return res, nil
}

// Payload returns the result's JSON: Inline, or the object ObjectKey read
// from artifacts (the [ArtifactsBucket] store; may be nil when the result
// is inline).
func (r RunResult) Payload(ctx context.Context, artifacts jetstream.ObjectStore) (json.RawMessage, error) {
	if r.ObjectKey == "" {
		return r.Inline, nil
	}
	if artifacts == nil {
		return nil, fmt.Errorf("events: result of step %s is in object %s but no object store was given", r.Step, r.ObjectKey)
	}
	b, err := artifacts.GetBytes(ctx, r.ObjectKey)
	if err != nil {
		return nil, fmt.Errorf("events: get artifact %s: %w", r.ObjectKey, err)
	}
	return json.RawMessage(bytes.Clone(b)), nil
}
