package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
)

// encode writes v as JSON with status.
func encode(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// validator is implemented by request bodies that check themselves; the map
// holds a message per invalid field (snake_case JSON names).
type validator interface {
	Valid() map[string]string
}

// decode reads a JSON body of at most limit bytes into T, refusing unknown
// fields, trailing data and wrong types with a 4xx apiError, then validates
// it when T implements validator (422 with the field errors).
func decode[T any](w http.ResponseWriter, r *http.Request, limit int64) (T, error) {
	var v T
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
			return v, errStatus(http.StatusUnsupportedMediaType, "request body must be application/json")
		}
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, limit))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		return v, decodeError(err, limit)
	}
	if err := dec.Decode(&struct{}{}); !errors.Is(err, io.EOF) {
		return v, errStatus(http.StatusBadRequest, "request body must hold a single JSON object")
	}
	if val, ok := any(&v).(validator); ok {
		if problems := val.Valid(); len(problems) > 0 {
			return v, errWith(http.StatusUnprocessableEntity, invalidDetail(problems), map[string]any{"errors": problems})
		}
	} else if val, ok := any(v).(validator); ok {
		if problems := val.Valid(); len(problems) > 0 {
			return v, errWith(http.StatusUnprocessableEntity, invalidDetail(problems), map[string]any{"errors": problems})
		}
	}
	return v, nil
}

func invalidDetail(problems map[string]string) string {
	keys := make([]string, 0, len(problems))
	for k := range problems {
		keys = append(keys, k)
	}
	sortStrings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, k+": "+problems[k])
	}
	return "invalid request: " + strings.Join(parts, "; ")
}

func decodeError(err error, limit int64) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return errStatus(http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes", limit))
	case errors.Is(err, io.EOF):
		return errStatus(http.StatusBadRequest, "request body is empty; a JSON object is required")
	case errors.As(err, &syn), errors.Is(err, io.ErrUnexpectedEOF):
		return errStatus(http.StatusBadRequest, "request body is not valid JSON")
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			return errStatus(http.StatusBadRequest, "request body must be a JSON object")
		}
		return errStatus(http.StatusUnprocessableEntity, fmt.Sprintf("field %q must be of type %s", field, typ.Type.String()))
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return errStatus(http.StatusUnprocessableEntity, "unknown field "+strings.TrimPrefix(err.Error(), "json: unknown field "))
	}
	return errStatus(http.StatusBadRequest, "request body could not be read")
}

// noContent answers 204 No Content, or err's problem when err is not nil.
func (s *server) noContent(w http.ResponseWriter, r *http.Request, err error) {
	if err != nil {
		writeError(w, r, s.Logger, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
