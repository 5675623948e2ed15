package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/genglossary/genglossary/internal/engine"
	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
	"github.com/genglossary/genglossary/internal/projectstate"
	"github.com/genglossary/genglossary/projections"
)

// switchEngine is the builtin engine whose Review fails and whose Define
// waits while the switches are on.
type switchEngine struct {
	pipeline.Engine
	failReview *atomic.Bool
	slow       *atomic.Bool
}

func (e switchEngine) Review(ctx context.Context, c *pipeline.Corpus, entries []glossary.Entry) ([]glossary.Issue, error) {
	if e.failReview.Load() {
		return nil, errors.New("review engine down")
	}
	return e.Engine.Review(ctx, c, entries)
}

func (e switchEngine) Define(ctx context.Context, c *pipeline.Corpus, req pipeline.DefineRequest) (pipeline.Definition, error) {
	for e.slow.Load() {
		select {
		case <-ctx.Done():
			return pipeline.Definition{}, ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
	return e.Engine.Define(ctx, c, req)
}

func (e switchEngine) Aliases(ctx context.Context, c *pipeline.Corpus, entries []glossary.Entry) (map[string][]string, error) {
	if af, ok := e.Engine.(pipeline.AliasFinder); ok {
		return af.Aliases(ctx, c, entries)
	}
	return nil, nil
}

func switchSetup(t *testing.T) (*testBundle, *atomic.Bool, *atomic.Bool) {
	var fail, slow atomic.Bool
	b := setup(t, setupOpts{runners: 1, engine: func(context.Context, *projectstate.Project) (pipeline.Engine, error) {
		e, err := engine.New(engine.Config{Provider: "builtin"})
		return switchEngine{Engine: e, failReview: &fail, slow: &slow}, err
	}})
	return b, &fail, &slow
}

type listOf[T any] struct {
	Items  []T `json:"items"`
	Total  int `json:"total"`
	Limit  int `json:"limit"`
	Offset int `json:"offset"`
}

type termJSON struct {
	ID              string   `json:"id"`
	TermText        string   `json:"term_text"`
	Category        string   `json:"category"`
	UserNotes       string   `json:"user_notes"`
	OccurrenceCount int      `json:"occurrence_count"`
	FirstDocument   string   `json:"first_document"`
	Manual          bool     `json:"manual"`
	Required        bool     `json:"required"`
	Documents       []string `json:"documents"`
	Occurrences     []struct {
		Document string `json:"document"`
		Line     int    `json:"line"`
		Context  string `json:"context"`
	} `json:"occurrences"`
}

type entryJSON struct {
	ID          string            `json:"id"`
	TermName    string            `json:"term_name"`
	Definition  string            `json:"definition"`
	Confidence  float64           `json:"confidence"`
	Aliases     []string          `json:"aliases"`
	Occurrences []json.RawMessage `json:"occurrences"`
	UserNotes   string            `json:"user_notes"`
}

type issueJSON struct {
	ID              string `json:"id"`
	TermName        string `json:"term_name"`
	IssueType       string `json:"issue_type"`
	Description     string `json:"description"`
	ShouldExclude   bool   `json:"should_exclude"`
	ExclusionReason string `json:"exclusion_reason"`
}

type fileJSON struct {
	ID        string `json:"id"`
	FileName  string `json:"file_name"`
	SHA256    string `json:"sha256"`
	Reflected bool   `json:"reflected"`
}

// runScope starts a run and waits for it to end with want.
func (b *testBundle) runScope(pid, scope, want string) run {
	b.t.Helper()
	var r run
	b.mustDo("POST", "/api/projects/"+pid+"/runs", map[string]string{"scope": scope}, http.StatusCreated, &r)
	return b.waitRun(pid, r.ID, 90*time.Second, want)
}

// tabs fetches every tab's full data of a project as raw JSON, for
// before/after comparisons.
func (b *testBundle) tabs(pid string) map[string]string {
	b.t.Helper()
	out := map[string]string{}
	for _, p := range []string{"terms", "excluded-terms", "required-terms", "synonym-groups", "provisional", "issues", "refined", "refined/export-md", "refined/export-json"} {
		out[p] = string(b.mustDo("GET", "/api/projects/"+pid+"/"+p+"?limit=500", nil, http.StatusOK, nil))
	}
	return out
}

func bulkBody(t *testing.T, dir string) map[string]any {
	t.Helper()
	var files []map[string]string
	entries, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range entries {
		if !strings.HasSuffix(path, ".md") && !strings.HasSuffix(path, ".txt") {
			continue
		}
		files = append(files, map[string]string{"file_name": filepath.Base(path), "content": readFile(t, path)})
	}
	return map[string]any{"files": files}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := readAll(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkTabs checks each tab of a project after a full run.
func checkTabs(t *testing.T, b *testBundle, pid string) {
	t.Helper()
	var terms listOf[termJSON]
	b.mustDo("GET", "/api/projects/"+pid+"/terms?limit=500", nil, http.StatusOK, &terms)
	var p project
	b.mustDo("GET", "/api/projects/"+pid, nil, http.StatusOK, &p)
	if terms.Total == 0 || terms.Total != len(terms.Items) || p.TermCount != terms.Total {
		t.Fatalf("terms: total %d, %d items, project term_count %d", terms.Total, len(terms.Items), p.TermCount)
	}
	if !slices.IsSortedFunc(terms.Items, func(a, b termJSON) int { return strings.Compare(a.TermText, b.TermText) }) {
		t.Error("terms are not sorted by text")
	}
	// Pagination is a window on the same order.
	var page listOf[termJSON]
	b.mustDo("GET", "/api/projects/"+pid+"/terms?limit=3&offset=2", nil, http.StatusOK, &page)
	if page.Total != terms.Total || page.Limit != 3 || page.Offset != 2 || len(page.Items) != min(3, max(terms.Total-2, 0)) ||
		(len(page.Items) > 0 && page.Items[0].ID != terms.Items[2].ID) {
		t.Errorf("page = %+v", page)
	}
	tm := terms.Items[0]
	for _, x := range terms.Items {
		if x.OccurrenceCount > tm.OccurrenceCount {
			tm = x
		}
	}
	if tm.ID == "" || tm.Category == "" || tm.FirstDocument == "" || tm.OccurrenceCount == 0 {
		t.Errorf("term = %+v", tm)
	}
	var one termJSON
	b.mustDo("GET", "/api/projects/"+pid+"/terms/"+tm.ID, nil, http.StatusOK, &one)
	if one.TermText != tm.TermText || len(one.Occurrences) == 0 || one.Occurrences[0].Line < 1 || one.Occurrences[0].Context == "" {
		t.Errorf("term with occurrences = %+v", one)
	}
	b.mustDo("GET", "/api/projects/"+pid+"/terms/nope", nil, http.StatusNotFound, nil)

	var prov listOf[entryJSON]
	b.mustDo("GET", "/api/projects/"+pid+"/provisional?limit=500", nil, http.StatusOK, &prov)
	if prov.Total == 0 {
		t.Fatal("no provisional entries")
	}
	e := prov.Items[0]
	if e.ID == "" || e.TermName == "" || e.Definition == "" || e.Confidence < 0 || e.Confidence > 1 || e.Aliases == nil || e.Occurrences == nil {
		t.Errorf("provisional entry = %+v", e)
	}
	var pe entryJSON
	b.mustDo("GET", "/api/projects/"+pid+"/provisional/"+e.ID, nil, http.StatusOK, &pe)
	if pe.TermName != e.TermName {
		t.Errorf("provisional one = %+v", pe)
	}

	var issues listOf[issueJSON]
	b.mustDo("GET", "/api/projects/"+pid+"/issues?limit=500", nil, http.StatusOK, &issues)
	if p.IssueCount != issues.Total {
		t.Errorf("issue_count %d, issues %d", p.IssueCount, issues.Total)
	}
	byType := map[string]int{}
	for _, is := range issues.Items {
		byType[is.IssueType]++
		var one issueJSON
		b.mustDo("GET", "/api/projects/"+pid+"/issues/"+is.ID, nil, http.StatusOK, &one)
		if one != is {
			t.Errorf("issue one = %+v, in list %+v", one, is)
		}
	}
	for typ, n := range byType {
		var f listOf[issueJSON]
		b.mustDo("GET", "/api/projects/"+pid+"/issues?issue_type="+typ, nil, http.StatusOK, &f)
		if f.Total != n {
			t.Errorf("issues of type %s: %d, want %d", typ, f.Total, n)
		}
	}
	st, raw := b.do("GET", "/api/projects/"+pid+"/issues?issue_type=bogus", nil, nil)
	if st != http.StatusUnprocessableEntity || !strings.Contains(string(raw), "issue_type") {
		t.Errorf("bad issue_type = %d %s", st, raw)
	}

	var refined listOf[entryJSON]
	b.mustDo("GET", "/api/projects/"+pid+"/refined?limit=500", nil, http.StatusOK, &refined)
	if refined.Total == 0 {
		t.Fatal("no refined entries")
	}
	var re entryJSON
	b.mustDo("GET", "/api/projects/"+pid+"/refined/"+refined.Items[0].ID, nil, http.StatusOK, &re)
	if re.TermName != refined.Items[0].TermName {
		t.Errorf("refined one = %+v", re)
	}

	// The exports are the CLI's, from the state the events describe.
	ps, err := projectstate.Load(context.Background(), b.js, pid)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []glossary.Format{glossary.Markdown, glossary.JSON} {
		var want bytes.Buffer
		if err := glossary.Write(&want, ps.State.Glossary(), f); err != nil {
			t.Fatal(err)
		}
		got := b.mustDo("GET", "/api/projects/"+pid+"/refined/export-"+string(f), nil, http.StatusOK, nil)
		if string(got) != want.String() {
			t.Errorf("export-%s differs from the CLI's:\n%s\nwant\n%s", f, got, want.String())
		}
	}

	var files listOf[fileJSON]
	b.mustDo("GET", "/api/projects/"+pid+"/files", nil, http.StatusOK, &files)
	for _, f := range files.Items {
		if len(f.SHA256) != 64 || !f.Reflected {
			t.Errorf("file after a full run = %+v", f)
		}
	}
}

func TestStepResultsOverHTTP(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"en", "ja"} {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			b := setup(t, setupOpts{runners: 1})
			p := b.createProject("tabs " + lang)
			// Bulk upload while idle starts an incremental extract.
			var up struct {
				Files          []fileJSON `json:"files"`
				ExtractStarted bool       `json:"extract_started"`
				Run            *run       `json:"run"`
				Reason         string     `json:"reason"`
			}
			b.mustDo("POST", "/api/projects/"+p.ID+"/files/bulk", bulkBody(t, "../../testdata/corpus/"+lang), http.StatusCreated, &up)
			if len(up.Files) < 3 || !up.ExtractStarted || up.Run == nil || up.Run.Scope != "extract" || up.Reason != "" {
				t.Fatalf("bulk upload = %+v", up)
			}
			var auto struct {
				run
				TriggeredBy string `json:"triggered_by"`
			}
			b.waitRun(p.ID, up.Run.ID, 60*time.Second, "completed")
			b.mustDo("GET", "/api/projects/"+p.ID+"/runs/"+up.Run.ID, nil, http.StatusOK, &auto)
			if auto.TriggeredBy != "auto" {
				t.Errorf("bulk extract triggered_by = %q", auto.TriggeredBy)
			}
			var files listOf[fileJSON]
			b.mustDo("GET", "/api/projects/"+p.ID+"/files", nil, http.StatusOK, &files)
			for _, f := range files.Items {
				if !f.Reflected {
					t.Errorf("file %s not reflected after the incremental extract", f.FileName)
				}
			}
			b.runScope(p.ID, "full", "completed")
			checkTabs(t, b, p.ID)
			b.mustDo("GET", "/api/projects/"+p.ID, nil, http.StatusOK, &p)
			if p.State != "up_to_date" {
				t.Errorf("state after full run = %s", p.State)
			}
		})
	}
}

func TestUserEditsHonouredAndReprojected(t *testing.T) {
	t.Parallel()
	b, _, _ := switchSetup(t)
	p := b.createProject("edits")
	b.uploadDir(p.ID, "../../testdata/corpus/en")
	b.runScope(p.ID, "full", "completed")
	base := "/api/projects/" + p.ID

	var terms listOf[termJSON]
	b.mustDo("GET", base+"/terms?limit=500", nil, http.StatusOK, &terms)
	var prov listOf[entryJSON]
	b.mustDo("GET", base+"/provisional?limit=500", nil, http.StatusOK, &prov)
	var issues listOf[issueJSON]
	b.mustDo("GET", base+"/issues?limit=500", nil, http.StatusOK, &issues)
	hasIssue := map[string]bool{}
	for _, is := range issues.Items {
		hasIssue[is.TermName] = true
	}
	// Terms the refined step merged into another entry are not picked.
	var refinedList listOf[entryJSON]
	b.mustDo("GET", base+"/refined?limit=500", nil, http.StatusOK, &refinedList)
	for _, e := range refinedList.Items {
		for _, a := range e.Aliases {
			hasIssue[a] = true
		}
		if len(e.Aliases) > 0 {
			hasIssue[e.TermName] = true
		}
	}
	// Pick: an entry without issues to edit, a term to exclude, two for a
	// synonym group.
	var edited entryJSON
	for _, e := range prov.Items {
		if !hasIssue[e.TermName] {
			edited = e
			break
		}
	}
	var pick []string
	for _, e := range prov.Items {
		if e.TermName != edited.TermName && !hasIssue[e.TermName] && len(e.Aliases) == 0 && len(pick) < 3 {
			pick = append(pick, e.TermName)
		}
	}
	if edited.ID == "" || len(pick) < 3 {
		t.Fatalf("corpus too small to pick terms: %d entries, %d issues", prov.Total, issues.Total)
	}
	excluded, primary, member := pick[0], pick[1], pick[2]

	// Bad input changes nothing.
	before := b.snapshot()
	for _, bad := range []struct {
		method, path string
		body         any
		want         int
		field        string
	}{
		{"PATCH", base + "/provisional/" + edited.ID, map[string]any{"confidence": 1.5}, 422, "confidence"},
		{"PATCH", base + "/provisional/" + edited.ID, map[string]any{"definition": "  "}, 422, "definition"},
		{"PATCH", base + "/provisional/" + edited.ID, map[string]any{}, 422, "definition"},
		{"PATCH", base + "/provisional/" + edited.ID, map[string]any{"confidence": "high"}, 422, ""},
		{"PATCH", base + "/provisional/nope", map[string]any{"confidence": 0.5}, 404, ""},
		{"POST", base + "/terms", map[string]any{"term_text": "x", "category": "animal"}, 422, "category"},
		{"POST", base + "/terms", map[string]any{"term_text": " "}, 422, "term_text"},
		{"POST", base + "/terms", map[string]any{"term_text": primary}, 409, ""},
		{"POST", base + "/synonym-groups", map[string]any{"primary": primary, "members": []string{primary}}, 422, "members"},
		{"POST", base + "/required-terms", map[string]any{"term_text": "a\u202eb"}, 422, "term_text"},
		{"POST", base + "/excluded-terms", map[string]any{"term_text": ""}, 422, "term_text"},
		{"DELETE", base + "/excluded-terms/nope", nil, 404, ""},
		{"PUT", base + "/synonym-groups/nope", map[string]any{"primary": "a", "members": []string{"b"}}, 404, ""},
	} {
		var prob map[string]any
		st, raw := b.do(bad.method, bad.path, bad.body, &prob)
		if st != bad.want || prob["detail"] == nil {
			t.Errorf("%s %s %v = %d %s, want %d problem", bad.method, bad.path, bad.body, st, raw, bad.want)
		}
		if bad.field != "" {
			if errs, _ := prob["errors"].(map[string]any); errs[bad.field] == nil {
				t.Errorf("%s %s %v: no error for %s in %s", bad.method, bad.path, bad.body, bad.field, raw)
			}
		}
	}
	if after := b.snapshot(); after != before {
		t.Fatal("bad requests changed the event store or the read model")
	}

	// Edit a definition.
	var pe entryJSON
	b.mustDo("PATCH", base+"/provisional/"+edited.ID, map[string]any{"definition": "An edited definition.", "confidence": 0.95}, http.StatusOK, &pe)
	if pe.Definition != "An edited definition." || pe.Confidence != 0.95 {
		t.Fatalf("edited entry = %+v", pe)
	}
	// Exclude a term.
	b.mustDo("POST", base+"/excluded-terms", map[string]string{"term_text": excluded}, http.StatusCreated, nil)
	// Require a term the documents lack; add one by hand with a note.
	b.mustDo("POST", base+"/required-terms", map[string]string{"term_text": "zebra crossing"}, http.StatusCreated, nil)
	var manual termJSON
	b.mustDo("POST", base+"/terms", map[string]string{"term_text": "hand term", "category": "title", "user_notes": "<b>mine</b>"}, http.StatusCreated, &manual)
	if !manual.Manual || manual.Category != "title" || manual.UserNotes != "<b>mine</b>" {
		t.Errorf("hand-added term = %+v", manual)
	}
	// A synonym group.
	var g struct {
		ID      string   `json:"id"`
		Primary string   `json:"primary"`
		Members []string `json:"members"`
	}
	b.mustDo("POST", base+"/synonym-groups", map[string]any{"primary": primary, "members": []string{member}}, http.StatusCreated, &g)
	if g.ID == "" || g.Primary != primary || !slices.Equal(g.Members, []string{member}) {
		t.Fatalf("synonym group = %+v", g)
	}
	// A note on an extracted term survives a full re-extract.
	var noted termJSON
	b.mustDo("PATCH", base+"/terms/"+projections.ItemID(primary), map[string]string{"user_notes": "primary note"}, http.StatusOK, &noted)
	if noted.UserNotes != "primary note" {
		t.Errorf("noted term = %+v", noted)
	}

	b.mustDo("GET", base, nil, http.StatusOK, &p)
	if p.State != "needs_rerun" {
		t.Errorf("state after edits = %s, want needs_rerun", p.State)
	}
	var tl listOf[termJSON]
	b.mustDo("GET", base+"/terms?limit=500", nil, http.StatusOK, &tl)
	texts := map[string]termJSON{}
	for _, x := range tl.Items {
		texts[x.TermText] = x
	}
	if _, ok := texts[excluded]; ok {
		t.Errorf("excluded term %q still listed", excluded)
	}
	if !texts["zebra crossing"].Required || !texts["hand term"].Manual {
		t.Errorf("required/manual terms missing: %+v %+v", texts["zebra crossing"], texts["hand term"])
	}

	// refined alone keeps the edited definition (no issue rewrites it).
	b.runScope(p.ID, "refined", "completed")
	var ref entryJSON
	b.mustDo("GET", base+"/refined/"+edited.ID, nil, http.StatusOK, &ref)
	if ref.Definition != "An edited definition." || ref.Confidence != 0.95 {
		t.Errorf("refined entry after editing provisional = %+v", ref)
	}

	// from_terms regenerates from the edited terms.
	b.runScope(p.ID, "from_terms", "completed")
	entries := map[string]entryJSON{}
	var pl listOf[entryJSON]
	b.mustDo("GET", base+"/provisional?limit=500", nil, http.StatusOK, &pl)
	for _, e := range pl.Items {
		entries[e.TermName] = e
	}
	if _, ok := entries[excluded]; ok {
		t.Errorf("excluded term %q has a provisional entry", excluded)
	}
	if _, ok := entries[member]; ok {
		t.Errorf("synonym member %q has its own entry", member)
	}
	if e := entries[primary]; !slices.Contains(e.Aliases, member) || e.UserNotes != "primary note" {
		t.Errorf("primary entry = %+v, want alias %q and its note", e, member)
	}
	if e, ok := entries["hand term"]; !ok || e.UserNotes != "<b>mine</b>" {
		t.Errorf("hand-added term entry = %+v (%v)", e, ok)
	}
	if _, ok := entries["zebra crossing"]; !ok {
		t.Error("required term has no provisional entry")
	}
	md := string(b.mustDo("GET", base+"/refined/export-md", nil, http.StatusOK, nil))
	if !strings.Contains(md, "## "+primary+"\n") || !strings.Contains(md, member) || strings.Contains(md, "## "+excluded+"\n") {
		t.Errorf("export-md does not honour the edits:\n%s", md)
	}

	// A full re-extract keeps notes, exclusions, required and hand-added terms.
	b.runScope(p.ID, "full", "completed")
	b.mustDo("GET", base+"/terms?limit=500", nil, http.StatusOK, &tl)
	texts = map[string]termJSON{}
	for _, x := range tl.Items {
		texts[x.TermText] = x
	}
	if _, ok := texts[excluded]; ok || texts[primary].UserNotes != "primary note" || !texts["zebra crossing"].Required || !texts["hand term"].Manual {
		t.Errorf("after a full re-extract: excluded listed %v, primary %+v, required %+v, manual %+v", ok, texts[primary], texts["zebra crossing"], texts["hand term"])
	}
	b.mustDo("GET", base, nil, http.StatusOK, &p)
	if p.State != "up_to_date" {
		t.Errorf("state after the re-run = %s", p.State)
	}

	// Regenerate one provisional entry: a run like any other.
	var rr run
	b.mustDo("POST", base+"/provisional/"+projections.ItemID(primary)+"/regenerate", nil, http.StatusCreated, &rr)
	if rr.Scope != "provisional" {
		t.Errorf("regenerate run = %+v", rr)
	}
	b.waitRun(p.ID, rr.ID, 60*time.Second, "completed")
	b.mustDo("GET", base+"/provisional/"+projections.ItemID(primary), nil, http.StatusOK, nil)

	// Delete a term, un-exclude, un-require.
	b.mustDo("DELETE", base+"/terms/"+projections.ItemID("hand term"), nil, http.StatusNoContent, nil)
	b.mustDo("GET", base+"/terms/"+projections.ItemID("hand term"), nil, http.StatusNotFound, nil)
	b.mustDo("DELETE", base+"/excluded-terms/"+projections.ItemID(excluded), nil, http.StatusNoContent, nil)
	b.mustDo("DELETE", base+"/required-terms/"+projections.ItemID("zebra crossing"), nil, http.StatusNoContent, nil)
	// An un-excluded term comes back with the next extract, not before.
	var xl listOf[struct {
		TermText string `json:"term_text"`
		Source   string `json:"source"`
	}]
	b.mustDo("GET", base+"/excluded-terms?limit=500", nil, http.StatusOK, &xl)
	for _, x := range xl.Items {
		if x.TermText == excluded || x.Source != "auto" {
			t.Errorf("excluded after un-exclude: %+v", x)
		}
	}
	// Un-excluding a term the extract excluded by itself (a common noun)
	// makes it required, since the next extract would exclude it again: it
	// is a term at once and stays one.
	if len(xl.Items) == 0 {
		t.Fatal("the corpus gave no automatically excluded term")
	}
	auto := xl.Items[0].TermText
	b.mustDo("DELETE", base+"/excluded-terms/"+projections.ItemID(auto), nil, http.StatusNoContent, nil)
	var req listOf[struct {
		TermText string `json:"term_text"`
	}]
	b.mustDo("GET", base+"/required-terms?limit=500", nil, http.StatusOK, &req)
	if !slices.ContainsFunc(req.Items, func(x struct {
		TermText string `json:"term_text"`
	}) bool {
		return x.TermText == auto
	}) {
		t.Errorf("un-excluded automatic exclusion %q not required: %+v", auto, req.Items)
	}
	b.mustDo("GET", base+"/terms/"+projections.ItemID(auto), nil, http.StatusOK, nil)

	// The read model is the events': a replay gives the same tables.
	checkReproject(t, b)

	// Clone: documents, settings, edits and results, not the runs.
	srcTabs := b.tabs(p.ID)
	var c project
	b.mustDo("POST", base+"/clone", map[string]string{"new_name": "edits copy"}, http.StatusCreated, &c)
	if c.ID == p.ID || c.Name != "edits copy" || c.DocumentCount != p.DocumentCount || c.TermCount != tl.Total {
		t.Errorf("clone = %+v (source %+v)", c, p)
	}
	b.mustDo("POST", base+"/clone", map[string]string{"new_name": "edits copy"}, http.StatusConflict, nil)
	b.mustDo("POST", base+"/clone", map[string]string{"new_name": ""}, http.StatusUnprocessableEntity, nil)
	cloneTabs := b.tabs(c.ID)
	for k, v := range srcTabs {
		if cloneTabs[k] != v && k != "excluded-terms" {
			t.Errorf("clone's %s differs:\n%s\nsource:\n%s", k, cloneTabs[k], v)
		}
	}
	var runs listOf[run]
	b.mustDo("GET", "/api/projects/"+c.ID+"/runs", nil, http.StatusOK, &runs)
	if runs.Total != 0 {
		t.Errorf("clone has %d runs", runs.Total)
	}
	var cf listOf[fileJSON]
	b.mustDo("GET", "/api/projects/"+c.ID+"/files", nil, http.StatusOK, &cf)
	var sf listOf[fileJSON]
	b.mustDo("GET", base+"/files", nil, http.StatusOK, &sf)
	if len(cf.Items) != len(sf.Items) {
		t.Fatalf("clone has %d files, source %d", len(cf.Items), len(sf.Items))
	}
	for i := range cf.Items {
		if cf.Items[i].FileName != sf.Items[i].FileName || cf.Items[i].SHA256 != sf.Items[i].SHA256 || cf.Items[i].ID == sf.Items[i].ID {
			t.Errorf("clone file %+v, source %+v", cf.Items[i], sf.Items[i])
		}
	}
	b.mustDo("GET", "/api/projects/"+c.ID+"/files/"+cf.Items[0].ID, nil, http.StatusOK, nil)
	// The clone runs on its own, from its own events.
	b.runScope(c.ID, "from_terms", "completed")
	checkReproject(t, b)
}

// checkReproject rebuilds the read model from the stream into a new file
// and compares every table.
func checkReproject(t *testing.T, b *testBundle) {
	t.Helper()
	ctx := context.Background()
	live, err := b.store.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "replay.db")
	if err := projections.Reproject(ctx, path, b.js, nil); err != nil {
		t.Fatal(err)
	}
	s, err := projections.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	replayed, err := s.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if live != replayed {
		t.Fatalf("reprojected read model differs:\nlive:\n%s\nreplayed:\n%s", live, replayed)
	}
}

func TestBulkUploadWhileRunActive(t *testing.T) {
	t.Parallel()
	b, _, slow := switchSetup(t)
	p := b.createProject("bulk busy")
	base := "/api/projects/" + p.ID
	b.uploadDir(p.ID, "../../testdata/corpus/en")

	// All-or-nothing: one bad file stores none.
	before := b.snapshot()
	st, raw := b.do("POST", base+"/files/bulk", map[string]any{"files": []map[string]string{
		{"file_name": "new-a.md", "content": "# A\n\nA widget is a part."},
		{"file_name": "../evil.md", "content": "x"},
	}}, nil)
	if st != http.StatusUnprocessableEntity || !strings.Contains(string(raw), "file_name") {
		t.Fatalf("bulk with a bad name = %d %s", st, raw)
	}
	b.do("POST", base+"/files/bulk", map[string]any{"files": []any{}}, nil)
	if b.snapshot() != before {
		t.Fatal("a refused bulk upload changed something")
	}

	slow.Store(true)
	var r run
	b.mustDo("POST", base+"/runs", map[string]string{"scope": "full"}, http.StatusCreated, &r)
	b.waitRun(p.ID, r.ID, 30*time.Second, "running")
	var up struct {
		Files          []fileJSON `json:"files"`
		ExtractStarted bool       `json:"extract_started"`
		Run            *run       `json:"run"`
		Reason         string     `json:"reason"`
	}
	b.mustDo("POST", base+"/files/bulk", map[string]any{"files": []map[string]string{
		{"file_name": "new-a.md", "content": "# A\n\nA widget is a part of a gadget."},
		{"file_name": "new-b.txt", "content": "The gizmo is a tool."},
	}}, http.StatusCreated, &up)
	if len(up.Files) != 2 || up.ExtractStarted || up.Run != nil || up.Reason == "" {
		t.Fatalf("bulk upload during a run = %+v", up)
	}
	for _, leak := range []string{"nats", "jetstream", "sequence", r.ID, "/"} {
		if strings.Contains(strings.ToLower(up.Reason), strings.ToLower(leak)) {
			t.Errorf("reason %q leaks %q", up.Reason, leak)
		}
	}
	var files listOf[fileJSON]
	b.mustDo("GET", base+"/files", nil, http.StatusOK, &files)
	if files.Total != 7 {
		t.Errorf("files after the upload = %d", files.Total)
	}
	slow.Store(false)
	b.waitRun(p.ID, r.ID, 60*time.Second, "completed")
	// The files added during the run are not reflected: the project needs a re-run.
	b.mustDo("GET", base+"/files", nil, http.StatusOK, &files)
	for _, f := range files.Items {
		if want := !strings.HasPrefix(f.FileName, "new-"); f.Reflected != want {
			t.Errorf("file %s reflected = %v, want %v", f.FileName, f.Reflected, want)
		}
	}
	b.mustDo("GET", base, nil, http.StatusOK, &p)
	if p.State != "needs_rerun" {
		t.Errorf("state = %s, want needs_rerun", p.State)
	}
	// Multipart bulk upload while idle starts the incremental extract over
	// the new file only, keeping the existing terms.
	var termsBefore listOf[termJSON]
	b.mustDo("GET", base+"/terms?limit=500", nil, http.StatusOK, &termsBefore)
	var body bytes.Buffer
	mw := newMultipart(&body, map[string]string{"new-c.md": "# Frobnicator\n\nThe Frobnicator is a device that frobs."})
	req, _ := http.NewRequest("POST", b.url+base+"/files/bulk", &body)
	req.Header.Set("Content-Type", mw)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var up2 struct {
		ExtractStarted bool `json:"extract_started"`
		Run            *run `json:"run"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&up2)
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated || !up2.ExtractStarted {
		t.Fatalf("multipart bulk = %d %+v", resp.StatusCode, up2)
	}
	b.waitRun(p.ID, up2.Run.ID, 60*time.Second, "completed")
	var termsAfter listOf[termJSON]
	b.mustDo("GET", base+"/terms?limit=500", nil, http.StatusOK, &termsAfter)
	if termsAfter.Total < termsBefore.Total {
		t.Errorf("incremental extract lost terms: %d -> %d", termsBefore.Total, termsAfter.Total)
	}
}

func TestFailingIssuesRunKeepsPreviousIssues(t *testing.T) {
	t.Parallel()
	b, fail, _ := switchSetup(t)
	// Prerequisites fail at once with a clear message and replace nothing.
	empty := b.createProject("prereq")
	b.uploadDir(empty.ID, "../../testdata/corpus/en")
	for scope, want := range map[string]string{"issues": "provisional", "refined": "provisional", "provisional": "extract"} {
		r := b.runScope(empty.ID, scope, "failed")
		if !strings.Contains(r.ErrorMessage, want) || strings.Contains(r.ErrorMessage, "missing prerequisite") {
			t.Errorf("%s without input: error %q", scope, r.ErrorMessage)
		}
	}

	p := b.createProject("failing review")
	b.uploadDir(p.ID, "../../testdata/corpus/en")
	b.runScope(p.ID, "full", "completed")
	before := b.tabs(p.ID)
	if !strings.Contains(before["issues"], `"issue_type"`) {
		t.Fatalf("the corpus gave no issues: %s", before["issues"])
	}
	fail.Store(true)
	r := b.runScope(p.ID, "issues", "failed")
	if r.ErrorMessage == "" {
		t.Error("failed run without an error message")
	}
	r = b.runScope(p.ID, "from_provisional", "failed")
	after := b.tabs(p.ID)
	for k := range before {
		if before[k] != after[k] {
			t.Errorf("%s changed after failing runs:\n%s\nbefore:\n%s", k, after[k], before[k])
		}
	}
	b.mustDo("GET", "/api/projects/"+p.ID, nil, http.StatusOK, &p)
	if p.State != "failed" || p.IssueCount == 0 {
		t.Errorf("project after a failed review = %+v", p)
	}
}

func readAll(path string) ([]byte, error) { return os.ReadFile(path) }

// newMultipart writes files as "file" parts into body and returns the
// content type.
func newMultipart(body *bytes.Buffer, files map[string]string) string {
	mw := multipart.NewWriter(body)
	for name, content := range files {
		w, _ := mw.CreateFormFile("file", name)
		_, _ = w.Write([]byte(content))
	}
	_ = mw.Close()
	return mw.FormDataContentType()
}
