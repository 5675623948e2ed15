package api_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"
)

func TestFilesJSONAndMultipart(t *testing.T) {
	t.Parallel()
	b := setup(t, setupOpts{})
	p := b.createProject("files")
	base := "/api/projects/" + p.ID + "/files"

	var doc map[string]any
	b.mustDo("POST", base, map[string]string{"file_name": "docs/intro.md", "content": "# Intro\r\nHello\r\n"}, http.StatusCreated, &doc)
	if doc["file_name"] != "docs/intro.md" || doc["sha256"] == "" || doc["size"].(float64) != 16 {
		t.Fatalf("created = %v", doc)
	}
	if _, ok := doc["object_key"]; ok {
		t.Error("object_key leaks into the API")
	}
	st, _ := b.do("POST", base, map[string]string{"file_name": "docs/intro.md", "content": "again"}, nil)
	if st != http.StatusConflict {
		t.Errorf("same name again = %d, want 409", st)
	}

	// Multipart, as a browser form or curl -F sends it.
	status, raw := postFiles(t, b.url+base, "file", [2]string{"notes.txt", "日本語のメモ\n"})
	if status != http.StatusCreated || !strings.Contains(string(raw), `"notes.txt"`) {
		t.Fatalf("multipart upload = %d %s", status, raw)
	}
	var created map[string]any
	_ = json.Unmarshal(raw, &created)
	// Docusaurus pages and .markdown files are Markdown too, and a
	// GNU-style README without an extension is plain text; a Makefile is
	// no document.
	for _, name := range []string{"site/install.mdx", "site/ledger.markdown", "relay/README"} {
		b.mustDo("POST", base, map[string]string{"file_name": name, "content": "# Relay\n\nThe relay forwards berth events.\n"}, http.StatusCreated, nil)
	}
	if st, raw := b.do("POST", base, map[string]string{"file_name": "relay/Makefile", "content": "all:\n"}, nil); st != http.StatusUnprocessableEntity ||
		!strings.Contains(string(raw), "unsupported file type") {
		t.Errorf("Makefile upload = %d %s, want 422 unsupported file type", st, raw)
	}

	// A Shift_JIS file (older Japanese manuals) is kept as the UTF-8 text
	// it reads as; a Latin-1 one is refused.
	sjisText, err := japanese.ShiftJIS.NewEncoder().String("用語\r\nスプールとは、出力を順に溜める仕組みです。\r\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		name, content string
		want          int
	}{{"manual.txt", sjisText, http.StatusCreated}, {"latin1.txt", "caf\xe9 au lait\n", http.StatusUnprocessableEntity}} {
		status, raw := postFiles(t, b.url+base, "file", [2]string{f.name, f.content})
		if status != f.want {
			t.Fatalf("upload %s = %d %s, want %d", f.name, status, raw, f.want)
		}
		if f.want != http.StatusCreated {
			continue
		}
		var sj map[string]any
		_ = json.Unmarshal(raw, &sj)
		const want = "用語\r\nスプールとは、出力を順に溜める仕組みです。\r\n"
		wantText := strings.ReplaceAll(want, "\r\n", "\n")
		sum := sha256.Sum256([]byte(wantText))
		if sj["size"].(float64) != float64(len(wantText)) || sj["sha256"] != hex.EncodeToString(sum[:]) {
			t.Errorf("Shift_JIS upload recorded as %v, want the size and sha256 of its UTF-8 text", sj)
		}
		var got map[string]any
		b.mustDo("GET", base+"/"+sj["id"].(string), nil, http.StatusOK, &got)
		if got["content"] != wantText {
			t.Errorf("Shift_JIS upload reads back as %q, want %q", got["content"], wantText)
		}
		b.mustDo("DELETE", base+"/"+sj["id"].(string), nil, http.StatusNoContent, nil)
	}

	// Multipart with a bad name is refused like JSON.
	if status, _ := postFiles(t, b.url+base, "file", [2]string{"../escape.md", "x"}); status != http.StatusUnprocessableEntity {
		t.Errorf("multipart traversal name = %d, want 422", status)
	}

	// Several files to the one-file endpoint: refused, pointing at bulk,
	// and nothing stored.
	status, raw = postFiles(t, b.url+base, "files", [2]string{"one.md", "x"}, [2]string{"two.md", "x"})
	if status != http.StatusRequestEntityTooLarge || !strings.Contains(string(raw), "files/bulk") {
		t.Errorf("two files to /files = %d %s, want 413 naming files/bulk", status, raw)
	}

	var list struct {
		Items []map[string]any `json:"items"`
		Total int              `json:"total"`
	}
	b.mustDo("GET", base, nil, http.StatusOK, &list)
	if list.Total != 5 {
		t.Fatalf("list = %+v", list)
	}
	var one map[string]any
	b.mustDo("GET", base+"/"+created["id"].(string), nil, http.StatusOK, &one)
	if one["content"] != "日本語のメモ\n" {
		t.Errorf("content = %q", one["content"])
	}
	b.mustDo("DELETE", base+"/"+created["id"].(string), nil, http.StatusNoContent, nil)
	b.mustDo("GET", base+"/"+created["id"].(string), nil, http.StatusNotFound, nil)
	b.mustDo("GET", base, nil, http.StatusOK, &list)
	if list.Total != 4 {
		t.Errorf("after delete: %d files", list.Total)
	}
}

// postFiles uploads files (name, content) as multipart form fields named
// field, as a browser form or curl -F does, and returns the status and body.
func postFiles(t *testing.T, url, field string, files ...[2]string) (int, []byte) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, f := range files {
		fw, err := mw.CreateFormFile(field, f[0])
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(fw, f[1])
	}
	mw.Close()
	req, err := http.NewRequest("POST", url, &body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, raw
}

func TestProjectUpdateAndNames(t *testing.T) {
	t.Parallel()
	b := setup(t, setupOpts{})
	a := b.createProject("alpha")
	b.createProject("beta")
	var got map[string]any
	b.mustDo("PATCH", "/api/projects/"+a.ID, map[string]string{"llm_provider": "openai", "llm_model": "m", "llm_base_url": "http://localhost:11434/v1"}, http.StatusOK, &got)
	if got["llm_provider"] != "openai" || got["llm_model"] != "m" {
		t.Fatalf("patched = %v", got)
	}
	if st, _ := b.do("PATCH", "/api/projects/"+a.ID, map[string]string{"name": "beta"}, nil); st != http.StatusConflict {
		t.Errorf("rename onto an existing name = %d, want 409", st)
	}
	if st, _ := b.do("PATCH", "/api/projects/"+a.ID, map[string]string{"llm_model": ""}, nil); st != http.StatusUnprocessableEntity {
		t.Errorf("openai without model = %d, want 422", st)
	}
	b.mustDo("PATCH", "/api/projects/"+a.ID, map[string]string{"name": "gamma"}, http.StatusOK, &got)
	b.createProject("alpha") // the old name is free
	if st, _ := b.do("POST", "/api/projects", map[string]string{"name": "GAMMA"}, nil); st != http.StatusConflict {
		t.Errorf("a name differing only in case = %d, want 409", st)
	}
}

// TestHTMLUploadKeepsItsMarkdown checks that an HTML page is kept as the
// Markdown text it reads as (what GET shows, what its size and sha256 are
// of), that a run reads it, and that its terms' occurrences cite lines of
// that text. The page is written for this test.
func TestHTMLUploadKeepsItsMarkdown(t *testing.T) {
	t.Parallel()
	b := setup(t, setupOpts{runners: 1})
	p := b.createProject("html")
	base := "/api/projects/" + p.ID + "/files"
	page := `<!DOCTYPE html><html><head><title>Mooring | Harbor Guide</title><script>track("<p>no</p>")</script></head>` +
		`<body><nav><a href="/">Home</a></nav><main><h1>Mooring</h1><p>A <strong>bollard</strong> is a short post on a quay that crews tie lines to.</p>` +
		`<dl><dt>Capstan</dt><dd>A rotating drum that hauls mooring lines.</dd></dl><p>Every bollard is inspected yearly. The capstan turns slowly, and crews oil the capstan weekly.</p></main></body></html>`
	const want = "# Mooring\n\nA **bollard** is a short post on a quay that crews tie lines to.\n\n" +
		"- Capstan: A rotating drum that hauls mooring lines.\n\nEvery bollard is inspected yearly. The capstan turns slowly, and crews oil the capstan weekly.\n"
	status, raw := postFiles(t, b.url+base, "file", [2]string{"guide/mooring.html", page})
	if status != http.StatusCreated {
		t.Fatalf("upload = %d %s", status, raw)
	}
	var created map[string]any
	_ = json.Unmarshal(raw, &created)
	sum := sha256.Sum256([]byte(want))
	if created["size"].(float64) != float64(len(want)) || created["sha256"] != hex.EncodeToString(sum[:]) {
		t.Errorf("HTML upload recorded as %v, want the size and sha256 of its Markdown text", created)
	}
	var got map[string]any
	b.mustDo("GET", base+"/"+created["id"].(string), nil, http.StatusOK, &got)
	if got["content"] != want {
		t.Fatalf("HTML upload reads back as %q, want %q", got["content"], want)
	}
	// A page with no text is refused like an empty file, and nothing is kept.
	if status, raw := postFiles(t, b.url+base, "file", [2]string{"blank.htm", "<script>x()</script>"}); status != http.StatusUnprocessableEntity ||
		!strings.Contains(string(raw), "no text to read") {
		t.Errorf("upload of a page without text = %d %s, want 422 saying it has no text", status, raw)
	}
	// So is a page that only redirects to another.
	if status, raw := postFiles(t, b.url+base, "file", [2]string{"moved.html", `<meta http-equiv="refresh" content="0; url=quay.html"><p>Moved to the quay page.</p>`}); status != http.StatusUnprocessableEntity ||
		!strings.Contains(string(raw), "only redirects to another page") {
		t.Errorf("upload of a redirect page = %d %s, want 422 saying it only redirects", status, raw)
	}

	b.runScope(p.ID, "full", "completed")
	var terms listOf[termJSON]
	b.mustDo("GET", "/api/projects/"+p.ID+"/terms", nil, http.StatusOK, &terms)
	lines := map[string][]int{}
	for _, tm := range terms.Items {
		var one termJSON
		b.mustDo("GET", "/api/projects/"+p.ID+"/terms/"+tm.ID, nil, http.StatusOK, &one)
		for _, o := range one.Occurrences {
			lines[strings.ToLower(tm.TermText)] = append(lines[strings.ToLower(tm.TermText)], o.Line)
		}
	}
	if got := fmt.Sprint(lines["bollard"]); got != "[3 7]" {
		t.Errorf("bollard occurs on lines %s of the kept text, want [3 7] (terms %v)", got, lines)
	}
	var refined listOf[entryJSON]
	b.mustDo("GET", "/api/projects/"+p.ID+"/refined", nil, http.StatusOK, &refined)
	defs := map[string]string{}
	for _, e := range refined.Items {
		defs[strings.ToLower(e.TermName)] = e.Definition
	}
	if !strings.Contains(defs["capstan"], "rotating drum") {
		t.Errorf("capstan = %q, want the definition list's gloss (refined %v)", defs["capstan"], defs)
	}
}
