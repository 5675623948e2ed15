package api

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/document"
	"github.com/genglossary/genglossary/internal/pipeline"
	"github.com/genglossary/genglossary/projections"
)

// fileWithContent is a document with its text, as GET .../files/{fid}
// returns it.
type fileWithContent struct {
	projections.Document
	Content string `json:"content"`
}

type fileCreateRequest struct {
	FileName string `json:"file_name"`
	Content  string `json:"content"`
}

func (s *server) handleFileList() http.Handler {
	return listHandler(s, func(r *http.Request, pg projections.Page) ([]projections.Document, int, error) {
		return s.Store.ListDocuments(r.Context(), projectID(r), pg)
	})
}

// fileError maps a document validation error to a 4xx with its reason.
func fileError(name string, err error) error {
	status := http.StatusUnprocessableEntity
	if errors.Is(err, document.ErrTooLarge) {
		status = http.StatusRequestEntityTooLarge
	}
	var msg string
	switch {
	case errors.Is(err, document.ErrInvalidName), errors.Is(err, document.ErrUnsupportedType), errors.Is(err, document.ErrSecretName):
		msg = "file_name: " + err.Error()
	default:
		msg = "content: " + err.Error()
	}
	return errWith(status, msg, map[string]any{"file_name": safeName(name)})
}

// safeName echoes a user-supplied name back only when it is printable and
// short, so problem bodies never carry control characters.
func safeName(name string) string {
	if len(name) > 256 {
		name = name[:256]
	}
	return strings.Map(func(r rune) rune {
		if document.IsBidiOrControl(r) {
			return '\uFFFD'
		}
		return r
	}, strings.ToValidUTF8(name, "\uFFFD"))
}

// readUploads returns the (name, content) pairs of a request: a JSON
// {file_name, content} object, or multipart/form-data with one or more
// "file" parts.
func (s *server) readUploads(w http.ResponseWriter, r *http.Request, maxFiles int) ([]fileCreateRequest, error) {
	r.Body = http.MaxBytesReader(w, r.Body, s.Limits.MaxRequestSize)
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		req, err := decode[fileCreateRequest](w, r, s.Limits.MaxRequestSize)
		if err != nil {
			return nil, err
		}
		return []fileCreateRequest{req}, nil
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, errStatus(http.StatusBadRequest, "malformed multipart body")
	}
	var out []fileCreateRequest
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				return nil, errStatus(http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes", s.Limits.MaxRequestSize))
			}
			return nil, errStatus(http.StatusBadRequest, "malformed multipart body")
		}
		if part.FormName() != "file" && part.FormName() != "files" {
			part.Close()
			continue
		}
		if len(out) >= maxFiles {
			if maxFiles == 1 {
				return nil, errStatus(http.StatusRequestEntityTooLarge, "this endpoint takes one file per request; send several to .../files/bulk")
			}
			return nil, errStatus(http.StatusRequestEntityTooLarge, fmt.Sprintf("at most %d files per request", maxFiles))
		}
		b, err := io.ReadAll(io.LimitReader(part, s.Limits.MaxFileSize+1))
		part.Close()
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				return nil, errStatus(http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes", s.Limits.MaxRequestSize))
			}
			return nil, errStatus(http.StatusBadRequest, "malformed multipart body")
		}
		out = append(out, fileCreateRequest{FileName: rawFileName(part), Content: string(b)})
	}
	if len(out) == 0 {
		return nil, errStatus(http.StatusBadRequest, `multipart body has no "file" part`)
	}
	return out, nil
}

// rawFileName is the part's filename as the client sent it. Part.FileName
// keeps only the base name, which would both drop folders of a relative name
// and hide a traversal attempt that validation must refuse.
func rawFileName(part *multipart.Part) string {
	_, params, err := mime.ParseMediaType(part.Header.Get("Content-Disposition"))
	if err != nil {
		return part.FileName()
	}
	return params["filename"]
}

func (s *server) handleFileCreate() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		pid := projectID(r)
		ups, err := s.readUploads(w, r, 1)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		docs, err := s.addDocuments(r, pid, ups)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		w.Header().Set("Location", "/api/projects/"+pid+"/files/"+docs[0].ID)
		encode(w, http.StatusCreated, docs[0])
	})
}

// addDocuments validates every upload first (all-or-nothing: one bad file
// refuses the request and stores nothing), then stores contents and
// publishes one doc.added per file.
func (s *server) addDocuments(r *http.Request, projectID string, ups []fileCreateRequest) ([]projections.Document, error) {
	ctx := r.Context()
	type item struct {
		id, name, key, sum string
		content            []byte
	}
	items := make([]item, 0, len(ups))
	seen := map[string]bool{}
	for _, up := range ups {
		doc, enc, err := document.ParseEncoded(up.FileName, []byte(up.Content), document.Limits{MaxFileSize: s.Limits.MaxFileSize})
		if err != nil {
			return nil, fileError(up.FileName, err)
		}
		if seen[doc.Path] {
			return nil, errWith(http.StatusConflict, "the same file name appears twice in the request", map[string]any{"file_name": doc.Path})
		}
		seen[doc.Path] = true
		if _, err := s.Store.DocumentByName(ctx, projectID, doc.Path); err == nil {
			return nil, errWith(http.StatusConflict, "a file with this name already exists in the project", map[string]any{"file_name": doc.Path})
		} else if !errors.Is(err, projections.ErrNotFound) {
			return nil, err
		}
		id := events.NewID()
		key, err := events.DocObjectKey(projectID, id)
		if err != nil {
			return nil, err
		}
		content := []byte(up.Content)
		if enc != document.EncodingUTF8 || document.IsHTML(doc.Path) {
			// A Shift_JIS or UTF-16 upload is kept as the UTF-8 text it
			// was read as, an HTML page as its Markdown text: what GET
			// .../files/{fid} shows, what runs read and what occurrences'
			// line numbers refer to.
			content = []byte(doc.Content)
		}
		sum := sha256.Sum256(content)
		items = append(items, item{id: id, name: doc.Path, key: key, sum: hex.EncodeToString(sum[:]), content: content})
	}
	n, err := s.Store.CountDocuments(ctx, projectID)
	if err != nil {
		return nil, err
	}
	if n+len(items) > s.Limits.MaxFilesPerProject {
		return nil, errStatus(http.StatusConflict, fmt.Sprintf("a project holds at most %d files", s.Limits.MaxFilesPerProject))
	}
	store, err := s.JS.ObjectStore(ctx, events.DocsBucket)
	if err != nil {
		s.Logger.Error("docs object store", "err", err)
		return nil, errUnavailable
	}
	for _, it := range items {
		if _, err := store.PutBytes(ctx, it.key, it.content); err != nil {
			s.Logger.Error("store document", "project_id", projectID, "err", err)
			for _, done := range items {
				_ = store.Delete(ctx, done.key)
			}
			return nil, errUnavailable
		}
	}
	var last uint64
	for _, it := range items {
		env, err := newEnvelope(projectID, "", events.DocAdded{DocID: it.id, FileName: it.name, Size: int64(len(it.content)), SHA256: it.sum, ObjectKey: it.key})
		if err != nil {
			return nil, err
		}
		ack, err := events.Publish(ctx, s.JS, env)
		if err != nil {
			s.Logger.Error("publish doc.added", "project_id", projectID, "err", err)
			return nil, errUnavailable
		}
		last = ack.Sequence
	}
	if err := s.wait(ctx, last); err != nil {
		return nil, err
	}
	out := make([]projections.Document, 0, len(items))
	for _, it := range items {
		d, err := s.Store.GetDocument(ctx, projectID, it.id)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

func (s *server) document(r *http.Request) (projections.Document, error) {
	fid := chi.URLParam(r, "fid")
	if !events.ValidID(fid) {
		return projections.Document{}, errStatus(http.StatusNotFound, "file not found")
	}
	d, err := s.Store.GetDocument(r.Context(), projectID(r), fid)
	if errors.Is(err, projections.ErrNotFound) {
		return d, errStatus(http.StatusNotFound, "file not found")
	}
	return d, err
}

func (s *server) handleFileGet() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		d, err := s.document(r)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		store, err := s.JS.ObjectStore(r.Context(), events.DocsBucket)
		if err != nil {
			writeError(w, r, s.Logger, errUnavailable)
			return
		}
		b, err := store.GetBytes(r.Context(), d.ObjectKey)
		if err != nil {
			s.Logger.Error("read document", "project_id", d.ProjectID, "doc_id", d.ID, "err", err)
			writeError(w, r, s.Logger, errUnavailable)
			return
		}
		encode(w, http.StatusOK, fileWithContent{Document: d, Content: string(b)})
	})
}

func (s *server) handleFileDelete() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		d, err := s.document(r)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		env, err := newEnvelope(d.ProjectID, "", events.DocRemoved{DocID: d.ID, FileName: d.FileName})
		if err == nil {
			_, err = s.publish(r.Context(), env)
		}
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		// The content stays in the object store: a run that already loaded
		// the project may still read it; the next full re-run ignores it.
		w.WriteHeader(http.StatusNoContent)
	})
}

// fileBulkRequest is the JSON form of a bulk upload.
type fileBulkRequest struct {
	Files []fileCreateRequest `json:"files"`
}

// fileBulkResponse says what a bulk upload stored and whether it started
// the incremental extract.
type fileBulkResponse struct {
	Files          []projections.Document `json:"files"`
	ExtractStarted bool                   `json:"extract_started"`
	// Run is the extract run started, null when none was.
	Run *projections.Run `json:"run"`
	// Reason says why no extract was started; empty when one was.
	Reason string `json:"reason,omitempty"`
}

// handleFileBulk adds several files all-or-nothing, then starts an
// incremental extract over only the new documents (triggered_by auto).
// When a run is active the upload still succeeds and says so.
func (s *server) handleFileBulk() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		pid := projectID(r)
		var ups []fileCreateRequest
		var err error
		if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
			ups, err = s.readUploads(w, r, s.Limits.MaxFilesPerRequest)
		} else {
			var req fileBulkRequest
			req, err = decode[fileBulkRequest](w, r, s.Limits.MaxRequestSize)
			ups = req.Files
			switch {
			case err != nil:
			case len(ups) == 0:
				err = errWith(http.StatusUnprocessableEntity, "invalid request: files: must hold at least one file", map[string]any{"errors": map[string]string{"files": "must hold at least one file"}})
			case len(ups) > s.Limits.MaxFilesPerRequest:
				err = errStatus(http.StatusRequestEntityTooLarge, fmt.Sprintf("at most %d files per request", s.Limits.MaxFilesPerRequest))
			}
		}
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		docs, err := s.addDocuments(r, pid, ups)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		resp := fileBulkResponse{Files: docs}
		ids := make([]string, 0, len(docs))
		for _, d := range docs {
			ids = append(ids, d.ID)
		}
		run, err := s.requestRun(r.Context(), pid, events.RunRequested{Scope: string(pipeline.ScopeExtract), TriggeredBy: events.TriggeredByAuto, Documents: ids})
		var ae *apiError
		switch {
		case err == nil:
			resp.ExtractStarted, resp.Run = true, &run
		case errors.As(err, &ae) && ae.status == http.StatusConflict:
			resp.Reason = "a run is in progress; start an extract when it has finished to include the new files"
		default:
			s.Logger.Warn("bulk upload: start incremental extract", "project_id", pid, "err", err)
			resp.Reason = "the extract could not be started; start it from the runs menu"
		}
		encode(w, http.StatusCreated, resp)
	})
}
