package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/genglossary/genglossary/services/api"
)

// hostileCase is one bad request and the status it must get.
type hostileCase struct {
	name, method, path string
	body               any    // string, []byte or JSON-encodable; nil for none
	contentType        string // default application/json when body is set
	want               []int  // any of these; each must be a 4xx
	headers            []string
}

// checkProblems sends every case, then asserts a 4xx problem body each
// time, nothing changed (stream message counts and the read model), and
// the server healthy.
func checkProblems(t *testing.T, b *testBundle, cases []hostileCase, extraHeaders ...string) {
	t.Helper()
	before := b.snapshot()
	for _, tc := range cases {
		st, raw := b.send(tc.method, tc.path, tc.body, tc.contentType, append(append([]string(nil), extraHeaders...), tc.headers...)...)
		ok := false
		for _, w := range tc.want {
			ok = ok || st == w
		}
		if !ok || st < 400 || st > 499 {
			t.Errorf("%s: %s %s = %d %.300s, want one of %v", tc.name, tc.method, tc.path, st, raw, tc.want)
			continue
		}
		var p map[string]any
		if err := json.Unmarshal(raw, &p); err != nil {
			t.Errorf("%s: body is not JSON: %.300q", tc.name, raw)
			continue
		}
		if p["status"] != float64(st) || p["detail"] == "" || p["title"] == "" {
			t.Errorf("%s: not a problem body: %.300s", tc.name, raw)
		}
		if strings.Contains(string(raw), "/tmp") || strings.Contains(string(raw), "goroutine") {
			t.Errorf("%s: body leaks internals: %.300s", tc.name, raw)
		}
	}
	if after := b.snapshot(); after != before {
		t.Errorf("bad requests changed state:\nbefore %s\nafter %s", before, after)
	}
	b.mustDo("GET", "/healthz", nil, http.StatusOK, nil)
}

// send is do with an explicit content type and raw bodies.
func (b *testBundle) send(method, path string, body any, contentType string, headers ...string) (int, []byte) {
	b.t.Helper()
	var rd io.Reader
	switch v := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(v)
	case []byte:
		rd = bytes.NewReader(v)
	default:
		bs, _ := json.Marshal(v)
		rd = bytes.NewReader(bs)
	}
	req, err := http.NewRequest(method, b.url+path, rd)
	if err != nil {
		b.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, raw
}

// multipartFiles builds a multipart body with one "file" part per
// (raw file name, content) pair, the name written as given (no escaping
// beyond quotes), and returns it with its content type.
func multipartFiles(files ...[2]string) ([]byte, string) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for _, f := range files {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="file"; filename="%s"`, strings.ReplaceAll(f[0], `"`, `\"`)))
		h.Set("Content-Type", "text/markdown")
		w, _ := mw.CreatePart(h)
		_, _ = w.Write([]byte(f[1]))
	}
	_ = mw.Close()
	return buf.Bytes(), mw.FormDataContentType()
}

// openAPIOps is every operation of the served OpenAPI document.
type openAPIOp struct {
	method, path string
	body         bool // has a requestBody
	paged        bool // takes limit/offset
}

func openAPIOps(t *testing.T, b *testBundle, hdr ...string) []openAPIOp {
	t.Helper()
	st, raw := b.send("GET", "/api/openapi.json", nil, "", hdr...)
	if st != http.StatusOK {
		t.Fatalf("openapi.json: %d", st)
	}
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	var ops []openAPIOp
	for p, m := range doc.Paths {
		for method, op := range m {
			if method == "parameters" {
				continue
			}
			var o struct {
				RequestBody json.RawMessage   `json:"requestBody"`
				Parameters  []json.RawMessage `json:"parameters"`
			}
			_ = json.Unmarshal(op, &o)
			paged := false
			for _, prm := range o.Parameters {
				paged = paged || bytes.Contains(prm, []byte(`"offset"`)) || bytes.Contains(bytes.ToLower(prm), []byte(`parameters/offset"`))
			}
			ops = append(ops, openAPIOp{method: strings.ToUpper(method), path: p, body: len(o.RequestBody) > 0, paged: paged})
		}
	}
	sort.Slice(ops, func(i, j int) bool { return ops[i].path+ops[i].method < ops[j].path+ops[j].method })
	return ops
}

var pathParam = regexp.MustCompile(`\{[a-z]+\}`)

// TestHostileRequests sweeps the whole API (every operation of
// openapi.json) with bad input on top of TestProblemBodies: unknown fields
// on every operation with a body, negative pagination on every paginated
// list, invalid ULIDs in every id position, oversize bodies, too many
// files, and path traversal in multipart names. Each gets a 4xx problem
// body and nothing changes.
func TestHostileRequests(t *testing.T) {
	t.Parallel()
	b := setup(t, setupOpts{deps: func(d *api.Deps) {
		d.Limits = api.Limits{MaxFileSize: 4 << 10, MaxRequestSize: 16 << 10, MaxFilesPerProject: 2, MaxFilesPerRequest: 3}
	}})
	p := b.createProject("hostile")
	pp := "/api/projects/" + p.ID
	b.mustDo("POST", pp+"/files", map[string]string{"file_name": "one.md", "content": "The write-ahead log (WAL) records changes."}, http.StatusCreated, nil)
	unknown := "01ARZ3NDEKTSV4RRFFQ69G5FAV"

	var cases []hostileCase
	add := func(name, method, path string, body any, ct string, want ...int) {
		cases = append(cases, hostileCase{name: name, method: method, path: path, body: body, contentType: ct, want: want})
	}

	ops := openAPIOps(t, b)
	if len(ops) < 20 {
		t.Fatalf("only %d operations in openapi.json", len(ops))
	}
	concrete := func(path string, bad string, badIndex int) string {
		i := -1
		return pathParam.ReplaceAllStringFunc(path, func(param string) string {
			i++
			switch {
			case i == badIndex:
				return bad
			case param == "{pid}":
				return p.ID
			}
			return unknown
		})
	}
	badIDs := []string{"not-a-ulid", strings.ToLower(unknown), unknown + "0", "%2e%2e", "..%2F..%2Fetc", "%2A", "%3E", "%00", "01ARZ3NDEKTSV4RRFFQ69G5FA%C3%A9"}
	for _, op := range ops {
		if !strings.Contains(op.path, "{") {
			continue
		}
		n := len(pathParam.FindAllString(op.path, -1))
		for i := 0; i < n; i++ {
			for _, bad := range badIDs {
				var body any
				if op.body {
					body = `{}`
				}
				want := []int{400, 404, 405, 422}
				if i == 0 {
					want = []int{404, 405} // {pid} is checked before anything else
				}
				add("invalid id "+bad, op.method, concrete(op.path, bad, i), body, "", want...)
			}
		}
	}
	for _, op := range ops {
		path := concrete(op.path, "", -1)
		if op.body && strings.HasPrefix(op.path, "/api/") {
			add("unknown field", op.method, path, `{"zz_unknown_field":1}`, "", 400, 404, 422)
			add("not an object", op.method, path, `["x"]`, "", 400, 404, 422)
			add("malformed json", op.method, path, `{"a":`, "", 400, 404, 422)
			add("wrong content type", op.method, path, `a=b`, "application/x-www-form-urlencoded", 400, 404, 415, 422)
			// Routes that look their entity up first answer 404 before
			// reading the body.
			add("oversize json", op.method, path, `{"x":"`+strings.Repeat("a", 2<<20)+`"}`, "", 413, 404)
		}
		if op.paged && op.method == "GET" {
			for _, q := range []string{"offset=-1", "limit=-1", "limit=0", "limit=abc", "offset=1e3", "limit=99999999999999999999"} {
				add("bad pagination "+q, "GET", path+"?"+q, nil, "", 400)
			}
		}
	}

	// Files: size, count and names.
	big, bigCT := multipartFiles([2]string{"big.md", strings.Repeat("x", 5<<10)})
	huge, hugeCT := multipartFiles([2]string{"a.md", strings.Repeat("x", 3<<10)}, [2]string{"b.md", strings.Repeat("x", 3<<10)},
		[2]string{"c.md", strings.Repeat("x", 3<<10)}, [2]string{"d.md", strings.Repeat("x", 3<<10)}, [2]string{"e.md", strings.Repeat("x", 3<<10)}, [2]string{"f.md", strings.Repeat("x", 3<<10)})
	two, twoCT := multipartFiles([2]string{"a.md", "alpha"}, [2]string{"b.md", "beta"})
	four, fourCT := multipartFiles([2]string{"a.md", "a"}, [2]string{"b.md", "b"}, [2]string{"c.md", "c"}, [2]string{"d.md", "d"})
	add("file over MaxFileSize", "POST", pp+"/files", big, bigCT, 413)
	add("body over MaxRequestSize", "POST", pp+"/files/bulk", huge, hugeCT, 413)
	add("json body over MaxRequestSize", "POST", pp+"/files/bulk", map[string]any{"files": []map[string]string{{"file_name": "a.md", "content": strings.Repeat("y", 20<<10)}}}, "", 413)
	add("two files on the single-file route", "POST", pp+"/files", two, twoCT, 413)
	add("more files than MaxFilesPerRequest", "POST", pp+"/files/bulk", four, fourCT, 413)
	add("more files than MaxFilesPerProject", "POST", pp+"/files/bulk", two, twoCT, 409)
	for _, name := range []string{"../x.md", "../../etc/passwd.md", "a/../../x.md", "/etc/x.md", `..\x.md`, `C:\x.md`, "a//b.md", "./a.md",
		"a\u202etxt.md", "a\x00.md", "a\nb.md", ".env.md", "keys.pem/x.md", "%2e%2e/x.md/..", "x.exe", strings.Repeat("d/", 600) + "x.md"} {
		body, ct := multipartFiles([2]string{name, "content"})
		// A NUL or line break breaks the part header itself: 400.
		add(fmt.Sprintf("multipart name %q", name), "POST", pp+"/files", body, ct, 422, 400)
		add(fmt.Sprintf("bulk multipart name %q", name), "POST", pp+"/files/bulk", body, ct, 422, 400)
		add(fmt.Sprintf("json name %q", name), "POST", pp+"/files/bulk", map[string]any{"files": []map[string]string{{"file_name": name, "content": "c"}}}, "", 422)
	}
	noPart, noPartCT := multipartFiles()
	add("multipart without files", "POST", pp+"/files", noPart, noPartCT, 400)
	add("truncated multipart", "POST", pp+"/files", two[:len(two)/2], twoCT, 400)
	add("multipart without boundary", "POST", pp+"/files", "x", "multipart/form-data", 400)

	checkProblems(t, b, cases)
	t.Logf("%d hostile requests", len(cases))
}

// TestAuthToken: with a token, /api/ and /metrics need it (401 problem with
// WWW-Authenticate otherwise), SSE accepts it as ?access_token= and only
// there, /healthz and /readyz stay open.
func TestAuthToken(t *testing.T) {
	t.Parallel()
	const token = "s3cret-token-0123456789"
	b := setup(t, setupOpts{deps: func(d *api.Deps) { d.Security.AuthToken = token }})
	auth := []string{"Authorization", "Bearer " + token}

	for _, tc := range []struct {
		name, method, path string
		headers            []string
		invalid            bool
	}{
		{"no token", "GET", "/api/projects", nil, false},
		{"no token on a write", "POST", "/api/projects", nil, false},
		{"no token on metrics", "GET", "/metrics", nil, false},
		{"no token on openapi", "GET", "/api/openapi.json", nil, false},
		{"unknown route", "GET", "/api/nothing", nil, false},
		{"wrong token", "GET", "/api/projects", []string{"Authorization", "Bearer " + token + "x"}, true},
		{"prefix of the token", "GET", "/api/projects", []string{"Authorization", "Bearer " + token[:10]}, true},
		{"basic scheme", "GET", "/api/projects", []string{"Authorization", "Basic " + token}, true},
		{"query token on a non-SSE route", "GET", "/api/projects?access_token=" + token, nil, false},
	} {
		st, raw := b.send(tc.method, tc.path, nil, "", tc.headers...)
		if st != http.StatusUnauthorized {
			t.Errorf("%s: %d %s, want 401", tc.name, st, raw)
			continue
		}
		var p map[string]any
		if json.Unmarshal(raw, &p) != nil || p["status"] != float64(401) || p["detail"] == "" {
			t.Errorf("%s: not a problem body: %s", tc.name, raw)
		}
	}
	resp, err := http.Get(b.url + "/api/projects")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := resp.Header.Get("WWW-Authenticate"); !strings.HasPrefix(got, "Bearer ") {
		t.Errorf("WWW-Authenticate = %q", got)
	}
	for _, open := range []string{"/healthz", "/readyz"} {
		if st, raw := b.send("GET", open, nil, ""); st != http.StatusOK && st != http.StatusServiceUnavailable {
			t.Errorf("%s without a token = %d %s", open, st, raw)
		}
	}

	var p project
	st, raw := b.send("POST", "/api/projects", map[string]string{"name": "authed"}, "", auth...)
	if st != http.StatusCreated {
		t.Fatalf("POST with the token = %d %s", st, raw)
	}
	_ = json.Unmarshal(raw, &p)
	if st, raw := b.send("GET", "/metrics", nil, "", auth...); st != http.StatusOK {
		t.Errorf("metrics with the token = %d %s", st, raw)
	}

	// SSE: a header works, and so does ?access_token= (EventSource).
	sse := func(path string, hdr ...string) int {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, "GET", b.url+path, nil)
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode == http.StatusOK && !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
			t.Errorf("%s: content type %q", path, resp.Header.Get("Content-Type"))
		}
		return resp.StatusCode
	}
	events := "/api/projects/" + p.ID + "/events"
	if st := sse(events, auth...); st != http.StatusOK {
		t.Errorf("events with the header = %d", st)
	}
	if st := sse(events + "?access_token=" + url.QueryEscape(token)); st != http.StatusOK {
		t.Errorf("events with ?access_token= = %d", st)
	}
	if st := sse(events + "?access_token=wrong-token-0123456789"); st != http.StatusUnauthorized {
		t.Errorf("events with a wrong ?access_token= = %d", st)
	}
	if st := sse(events); st != http.StatusUnauthorized {
		t.Errorf("events without a token = %d", st)
	}
	var r run
	st, raw = b.send("POST", "/api/projects/"+p.ID+"/runs", map[string]string{"scope": "extract"}, "", auth...)
	if st != http.StatusCreated {
		t.Fatalf("POST run = %d %s", st, raw)
	}
	_ = json.Unmarshal(raw, &r)
	logs := "/api/projects/" + p.ID + "/runs/" + r.ID + "/logs"
	if st, _ := b.send("DELETE", "/api/projects/"+p.ID+"/runs/"+r.ID, nil, "", auth...); st != http.StatusOK {
		t.Fatalf("cancel = %d", st)
	}
	if st := sse(logs + "?access_token=" + url.QueryEscape(token)); st != http.StatusOK {
		t.Errorf("logs with ?access_token= = %d", st)
	}
	if st := sse(logs); st != http.StatusUnauthorized {
		t.Errorf("logs without a token = %d", st)
	}
}

// TestCORSAndHeaders: CORS is closed by default, an allow-listed origin
// gets CORS headers and preflights, cross-origin writes from other origins
// are refused (CSRF) and change nothing, every response has the security
// headers, and a Host allow-list refuses other names (DNS rebinding).
func TestCORSAndHeaders(t *testing.T) {
	t.Parallel()
	const good = "https://docs.example.com"
	closed := setup(t, setupOpts{})
	open := setup(t, setupOpts{deps: func(d *api.Deps) { d.Security.CORSOrigins = []string{good} }})

	req := func(b *testBundle, method, path, origin string, hdr ...string) (*http.Response, []byte) {
		var body io.Reader
		if method == "POST" {
			body = strings.NewReader(`{"name":"from ` + origin + `"}`)
		}
		r, _ := http.NewRequest(method, b.url+path, body)
		if body != nil {
			r.Header.Set("Content-Type", "application/json")
		}
		if origin != "" {
			r.Header.Set("Origin", origin)
		}
		for i := 0; i+1 < len(hdr); i += 2 {
			r.Header.Set(hdr[i], hdr[i+1])
		}
		resp, err := http.DefaultClient.Do(r)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		return resp, raw
	}

	for _, path := range []string{"/healthz", "/api/projects", "/api/nothing", "/"} {
		resp, _ := req(closed, "GET", path, "")
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" || resp.Header.Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s: security headers missing: %v", path, resp.Header)
		}
	}

	// Closed by default.
	resp, _ := req(closed, "GET", "/api/projects", good)
	if v := resp.Header.Get("Access-Control-Allow-Origin"); v != "" {
		t.Errorf("closed CORS answered Access-Control-Allow-Origin %q", v)
	}
	resp, raw := req(closed, "OPTIONS", "/api/projects", good, "Access-Control-Request-Method", "POST")
	if resp.StatusCode != http.StatusForbidden || resp.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("preflight on closed CORS = %d %s %v", resp.StatusCode, raw, resp.Header)
	}
	before := closed.snapshot()
	resp, raw = req(closed, "POST", "/api/projects", "https://evil.example", "Sec-Fetch-Site", "cross-site")
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(string(raw), `"status":403`) {
		t.Errorf("cross-site POST = %d %s, want a 403 problem", resp.StatusCode, raw)
	}
	resp, raw = req(closed, "POST", "/api/projects", "https://evil.example")
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-origin POST (Origin only) = %d %s, want 403", resp.StatusCode, raw)
	}
	if after := closed.snapshot(); after != before {
		t.Errorf("refused cross-origin writes changed state")
	}
	// Same origin and non-browser clients are fine.
	resp, raw = req(closed, "POST", "/api/projects", closed.url, "Sec-Fetch-Site", "same-origin")
	if resp.StatusCode != http.StatusCreated {
		t.Errorf("same-origin POST = %d %s", resp.StatusCode, raw)
	}

	// Allow-listed origin.
	resp, _ = req(open, "OPTIONS", "/api/projects", good, "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization, content-type")
	if resp.StatusCode != http.StatusNoContent || resp.Header.Get("Access-Control-Allow-Origin") != good ||
		!strings.Contains(resp.Header.Get("Access-Control-Allow-Headers"), "Authorization") || !strings.Contains(resp.Header.Get("Access-Control-Allow-Methods"), "DELETE") {
		t.Errorf("preflight of an allowed origin = %d %v", resp.StatusCode, resp.Header)
	}
	resp, raw = req(open, "POST", "/api/projects", good, "Sec-Fetch-Site", "cross-site")
	if resp.StatusCode != http.StatusCreated || resp.Header.Get("Access-Control-Allow-Origin") != good {
		t.Errorf("POST from an allowed origin = %d %s %v", resp.StatusCode, raw, resp.Header)
	}
	resp, _ = req(open, "GET", "/api/projects", "https://docs.example.com.evil.example")
	if v := resp.Header.Get("Access-Control-Allow-Origin"); v != "" {
		t.Errorf("look-alike origin got Access-Control-Allow-Origin %q", v)
	}

	// Host allow-list.
	guarded := setup(t, setupOpts{deps: func(d *api.Deps) { d.Security.AllowedHosts = []string{"localhost", "127.0.0.1", "::1"} }})
	resp, _ = req(guarded, "GET", "/api/projects", "")
	if resp.StatusCode != http.StatusOK {
		t.Errorf("loopback Host = %d", resp.StatusCode)
	}
	r, _ := http.NewRequest("GET", guarded.url+"/api/projects", nil)
	r.Host = "rebind.evil.example"
	rr, err := http.DefaultClient.Do(r)
	if err != nil {
		t.Fatal(err)
	}
	rr.Body.Close()
	if rr.StatusCode != http.StatusForbidden {
		t.Errorf("foreign Host = %d, want 403", rr.StatusCode)
	}
}

// TestSSEClientLimits: more SSE streams than allowed per address get 429,
// more than allowed in total 503, both problem bodies with Retry-After; a
// closed stream frees its slot.
func TestSSEClientLimits(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name         string
		total, perIP int
		want         int
	}{
		{"per ip", 10, 2, http.StatusTooManyRequests},
		{"total", 2, 10, http.StatusServiceUnavailable},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t, setupOpts{deps: func(d *api.Deps) {
				d.Limits.MaxSSEClients, d.Limits.MaxSSEClientsPerIP = tc.total, tc.perIP
			}})
			p := b.createProject("sse limits")
			path := b.url + "/api/projects/" + p.ID + "/events"
			open := func() (*http.Response, context.CancelFunc) {
				ctx, cancel := context.WithCancel(context.Background())
				req, _ := http.NewRequestWithContext(ctx, "GET", path, nil)
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					cancel()
					t.Fatal(err)
				}
				return resp, cancel
			}
			var cancels []context.CancelFunc
			for i := 0; i < 2; i++ {
				resp, cancel := open()
				cancels = append(cancels, func() { cancel(); resp.Body.Close() })
				if resp.StatusCode != http.StatusOK {
					t.Fatalf("stream %d = %d", i, resp.StatusCode)
				}
			}
			resp, cancel := open()
			raw, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			cancel()
			if resp.StatusCode != tc.want || resp.Header.Get("Retry-After") == "" || !strings.Contains(string(raw), fmt.Sprintf(`"status":%d`, tc.want)) {
				t.Fatalf("third stream = %d %s %v, want a %d problem with Retry-After", resp.StatusCode, raw, resp.Header, tc.want)
			}
			// Other routes are not limited.
			b.mustDo("GET", "/api/projects/"+p.ID, nil, http.StatusOK, nil)
			cancels[0]()
			deadline := time.Now().Add(5 * time.Second)
			for {
				resp, cancel := open()
				st := resp.StatusCode
				cancel()
				resp.Body.Close()
				if st == http.StatusOK {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("slot not released: %d", st)
				}
				time.Sleep(20 * time.Millisecond)
			}
			cancels[1]()
		})
	}
}
