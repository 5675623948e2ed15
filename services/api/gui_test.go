package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/genglossary/genglossary/internal/engine"
	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
	"github.com/genglossary/genglossary/internal/projectstate"
)

// slowEngine is the builtin engine with a pause before each definition, so
// a browser can watch a run progress, reload mid-run and stop it.
type slowEngine struct {
	pipeline.Engine
	delay *atomic.Int64 // nanoseconds per Define
}

func (e slowEngine) Define(ctx context.Context, c *pipeline.Corpus, req pipeline.DefineRequest) (pipeline.Definition, error) {
	select {
	case <-ctx.Done():
		return pipeline.Definition{}, ctx.Err()
	case <-time.After(time.Duration(e.delay.Load())):
	}
	return e.Engine.Define(ctx, c, req)
}

// Aliases keeps the builtin engine's alias merging.
func (e slowEngine) Aliases(ctx context.Context, c *pipeline.Corpus, entries []glossary.Entry) (map[string][]string, error) {
	if af, ok := e.Engine.(pipeline.AliasFinder); ok {
		return af.Aliases(ctx, c, entries)
	}
	return nil, nil
}

// chromiumPath finds Debian's chromium. Without it the test skips, unless
// CI is set: there it must run.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is not installed (CI is set; .ci/run installs it with apt)")
	}
	t.Skip("chromium not found; install Debian's chromium to run the browser tests")
	return ""
}

// browser drives one headless Chromium tab and fails the test on any
// uncaught JavaScript exception or console error (CSP violations included).
type browser struct {
	t    *testing.T
	ctx  context.Context
	shot string // screenshot directory
	mu   sync.Mutex
	errs []string
	n    int
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	path := chromiumPath(t)
	shots := os.Getenv("GENGLOSSARY_SCREENSHOTS")
	if shots == "" {
		shots = filepath.Join(t.TempDir(), "screenshots")
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 800),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("no-default-browser-check", true),
	)
	b := &browser{t: t, shot: shots}
	ctx, cancel := chromedp.NewContext(alloc, chromedp.WithListener(func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			b.mu.Lock()
			b.errs = append(b.errs, "exception: "+e.ExceptionDetails.Text+" "+exceptionText(e.ExceptionDetails))
			b.mu.Unlock()
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				b.mu.Lock()
				b.errs = append(b.errs, "console.error: "+strings.Join(parts, " "))
				b.mu.Unlock()
			}
		}
	}))
	b.ctx = ctx
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil { // start the browser
		t.Fatalf("start chromium: %v", err)
	}
	return b
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil || d.Exception == nil {
		return ""
	}
	return d.Exception.Description
}

// do runs actions with a deadline and fails the test on error.
func (b *browser) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.fail(what, err)
	}
}

func (b *browser) fail(what string, err error) {
	b.t.Helper()
	b.screenshot("failure")
	body, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.body.innerText.slice(0, 3000)`))
	b.t.Fatalf("%s: %v\npage text:\n%s\nJS errors: %v", what, err, body, b.jsErrors())
}

// eval evaluates a JavaScript expression (promises awaited) into T.
func eval[T any](b *browser, expr string) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		b.fail("eval "+expr, err)
	}
	return v
}

// wait polls a JavaScript predicate until it is truthy.
func (b *browser) wait(what, predicate string, timeout time.Duration) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, timeout+5*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](predicate, chromedp.WithPollingTimeout(timeout), chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		b.fail("wait for "+what+" ("+predicate+")", err)
	}
}

func (b *browser) screenshot(name string) string {
	b.n++
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Logf("screenshot %s: %v", name, err)
		return ""
	}
	p := filepath.Join(b.shot, fmt.Sprintf("%02d-%s.png", b.n, name))
	if err := os.WriteFile(p, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	return p
}

func (b *browser) jsErrors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.errs...)
}

func (b *browser) click(sel string) {
	b.t.Helper()
	b.do("click "+sel, chromedp.WaitVisible(chromedp.CSS(sel)), chromedp.Click(chromedp.CSS(sel)))
}

// js quotes s as a JavaScript string literal.
func js(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}

// set sets a form control's value as a user would (input and change events).
func (b *browser) set(sel, value string) {
	b.t.Helper()
	b.wait(sel, `document.querySelector(`+js(sel)+`)`, 5*time.Second)
	eval[bool](b, `(() => { const el = document.querySelector(`+js(sel)+`); el.focus(); el.value = `+js(value)+`;
		el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true})); return true })()`)
}

func badge(b *browser) string {
	return eval[string](b, `(document.querySelector('#state-badge .badge')||{}).textContent||''`)
}

// TestGUIEndToEnd drives the GUI in headless Chromium over the real API,
// NATS, projector and runner: create a project, drop two files, run Full
// and watch it, open every tab, edit, export, then start a second run,
// reload mid-run, and stop it.
func TestGUIEndToEnd(t *testing.T) {
	var delay atomic.Int64
	delay.Store(int64(15 * time.Millisecond))
	tb := setup(t, setupOpts{runners: 1, engine: func(context.Context, *projectstate.Project) (pipeline.Engine, error) {
		e, err := engine.New(engine.Config{Provider: "builtin"})
		if err != nil {
			return nil, err
		}
		return slowEngine{Engine: e, delay: &delay}, nil
	}})
	b := newBrowser(t)
	start := time.Now()

	// Security headers on the page and an asset.
	for _, p := range []string{"/", "/gui/js/app.js"} {
		resp, err := http.Get(tb.url + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if csp := resp.Header.Get("Content-Security-Policy"); resp.StatusCode != 200 || !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") ||
			resp.Header.Get("X-Content-Type-Options") != "nosniff" || resp.Header.Get("Referrer-Policy") == "" {
			t.Fatalf("GET %s = %d, headers %v", p, resp.StatusCode, resp.Header)
		}
	}

	// Home, empty.
	b.do("open home", chromedp.Navigate(tb.url+"/"))
	b.wait("home", `document.querySelector('#new-project') && document.body.innerText.includes('No projects yet')`, 10*time.Second)
	b.screenshot("home-empty")

	// New project: an invalid base URL is refused inline, then fixed.
	b.click("#new-project")
	b.do("fill new project",
		chromedp.SendKeys(chromedp.CSS(`#new-project-dialog input[name=name]`), "Docs GUI"),
		chromedp.SendKeys(chromedp.CSS(`#new-project-dialog input[name=llm_base_url]`), "ftp://example.com"),
		chromedp.Click(chromedp.CSS(`#new-project-dialog button[type=submit]`)))
	b.wait("inline 422", `[...document.querySelectorAll('#new-project-dialog .field-error')].some(e => e.textContent.includes('http'))
		&& document.querySelector('#new-project-dialog input[name=llm_base_url]').getAttribute('aria-invalid') === 'true'`, 5*time.Second)
	b.screenshot("new-project-error")
	b.set(`#new-project-dialog input[name=llm_base_url]`, "")
	b.click(`#new-project-dialog button[type=submit]`)
	b.wait("project view", `location.hash.startsWith('#/p/') && document.querySelector('#dropzone') && document.querySelector('#project-name').textContent === 'Docs GUI'`, 10*time.Second)
	pid := eval[string](b, `location.hash.split('/')[2]`)

	// Drop two files at once.
	var files []string
	for _, name := range []string{"overview.md", "concepts.md"} {
		content, err := os.ReadFile(filepath.Join("../../testdata/corpus/en", name))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, fmt.Sprintf(`new File([%s], %s, {type: 'text/markdown'})`, js(string(content)), js(name)))
	}
	eval[bool](b, `(() => {
		const dt = new DataTransfer();
		for (const f of [`+strings.Join(files, ",")+`]) dt.items.add(f);
		const zone = document.querySelector('#dropzone');
		zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, bubbles: true, cancelable: true}));
		zone.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
		return true;
	})()`)
	b.wait("two files listed", `document.querySelectorAll('#files-table tbody tr').length === 2`, 10*time.Second)
	// A bulk upload may start an incremental extract by itself; let it end.
	b.wait("idle after upload", `document.querySelector('#state-badge .badge') && document.querySelector('#state-badge .badge').textContent !== 'Running' && !document.querySelector('#run-btn').disabled`, 90*time.Second)
	b.screenshot("files")
	if got := badge(b); got != "Needs re-run" && got != "Up-to-date" {
		t.Errorf("badge after upload = %q", got)
	}

	// Run Full: Running, log lines, progress, then Up-to-date. A quick run
	// may show its state and progress only between two polls: an observer
	// records whether "Running" and "current / total" were ever on screen.
	eval[bool](b, `(() => {
		window.__sawProgress = false;
		window.__sawRunning = false;
		const check = () => {
			const p = document.querySelector('#progress-text');
			if (p && /\d+ \/ [1-9]/.test(p.textContent)) window.__sawProgress = true;
			const badge = document.querySelector('#state-badge .badge'), run = document.querySelector('#run-btn');
			if (badge && run && badge.textContent === 'Running' && run.disabled) window.__sawRunning = true;
		};
		new MutationObserver(check).observe(document.body, { childList: true, characterData: true, subtree: true });
		return true;
	})()`)
	b.set("#scope", "full")
	b.click("#run-btn")
	b.wait("running", `window.__sawRunning || (document.querySelector('#run-btn').disabled && document.querySelector('#state-badge .badge').textContent === 'Running')`, 5*time.Second)
	b.wait("log lines", `document.querySelectorAll('#log-lines .logline[data-seq]').length > 0`, 10*time.Second)
	b.wait("progress", `window.__sawProgress || /\d+ \/ [1-9]/.test(document.querySelector('#progress-text').textContent)`, 20*time.Second)
	b.screenshot("run-full-running")
	b.wait("up to date", `document.querySelector('#state-badge .badge').textContent === 'Up-to-date'`, 90*time.Second)
	b.wait("run end line", `[...document.querySelectorAll('#log-lines .log-end')].some(e => e.textContent.includes('completed'))`, 10*time.Second)
	if n := eval[int](b, `document.querySelectorAll('#log-lines .logline[data-seq]').length`); n < 3 {
		t.Errorf("only %d log lines kept after the run", n)
	}
	if eval[bool](b, `(() => { const s = [...document.querySelectorAll('#log-lines .logline[data-seq]')].map(e => e.dataset.seq); return new Set(s).size !== s.length })()`) {
		t.Error("a log line was shown twice")
	}
	b.screenshot("run-full-done")

	// Every tab.
	checkTab := func(tab, ready string) bool {
		t.Helper()
		b.click("#nav-" + tab)
		b.wait(tab+" tab", `document.querySelector('#tab-content .tab[data-tab=`+tab+`]') && (`+ready+` || document.querySelector('#not-available'))`, 10*time.Second)
		b.screenshot("tab-" + tab)
		return !eval[bool](b, `!!document.querySelector('#not-available')`)
	}
	if checkTab("terms", `document.querySelectorAll('#terms-table tbody tr').length > 0`) {
		b.do("term details", chromedp.Click(chromedp.CSS(`#terms-table tbody tr`)))
		b.wait("term occurrences", `document.querySelector('#term-detail h4') !== null && document.querySelectorAll('#term-detail .occ').length > 0`, 5*time.Second)
		if eval[bool](b, `!!document.querySelector('#term-add')`) {
			b.set(`#term-add input[name=term_text]`, "GUI manual term")
			b.click(`#term-add button[type=submit]`)
			b.wait("manual term listed", `[...document.querySelectorAll('#terms-table td')].some(td => td.textContent.startsWith('GUI manual term'))`, 10*time.Second)
		}
	} else {
		t.Log("Terms tab: not available on this server (issue 4 routes missing)")
	}
	if checkTab("provisional", `document.querySelectorAll('#provisional-table tbody tr').length > 0`) {
		b.do("select entry", chromedp.Click(chromedp.CSS(`#provisional-table tbody tr`)))
		b.wait("edit form", `document.querySelector('#provisional-edit textarea[name=definition]')`, 5*time.Second)
		if !eval[bool](b, `document.querySelector('#provisional-edit button[type=submit]').disabled`) {
			b.set(`#provisional-edit textarea[name=definition]`, "A definition edited in the browser.")
			b.click(`#provisional-edit button[type=submit]`)
			b.wait("edited definition listed", `[...document.querySelectorAll('#provisional-table td')].some(td => td.textContent === 'A definition edited in the browser.')`, 10*time.Second)
		} else {
			t.Log("Provisional edit: not available on this server")
		}
	}
	if checkTab("issues", `document.querySelector('#issues-table') || document.body.innerText.includes('No issues')`) {
		b.set("#issue-type", "unclear")
	}
	if checkTab("refined", `document.querySelectorAll('#refined-table tbody tr').length > 0`) {
		if eval[bool](b, `!!document.querySelector('#export-md')`) {
			md := eval[string](b, `(async () => { const a = document.querySelector('#export-md'); if (!a.hasAttribute('download')) return 'no download attribute'; const r = await fetch(a.href); return r.status + ' ' + (r.headers.get('Content-Type')||'') + '\n' + await r.text(); })()`)
			if !strings.HasPrefix(md, "200 ") || !strings.Contains(md, "\n# ") && !strings.Contains(md, "\n## ") {
				t.Errorf("export-md = %.300q", md)
			}
		}
	}
	if checkTab("viewer", `document.querySelector('#viewer-content')`) {
		if eval[bool](b, `document.querySelectorAll('#viewer-content mark.term').length > 0`) {
			b.do("term card", chromedp.Click(chromedp.CSS(`#viewer-content mark.term`)))
			b.wait("term card", `document.querySelector('#next-occurrence')`, 5*time.Second)
			b.screenshot("viewer-card")
		}
	}
	checkTab("settings", `document.querySelector('#settings-form')`)
	b.set(`#settings-form select[name=llm_provider]`, "openai")
	b.click("#settings-save")
	b.wait("settings 422 inline", `[...document.querySelectorAll('#settings-form .field-error')].some(e => e.textContent.includes('required'))
		&& document.querySelector('#settings-error').textContent.length > 0`, 5*time.Second)
	b.screenshot("settings-error")
	b.set(`#settings-form select[name=llm_provider]`, "builtin")
	b.set(`#settings-form input[name=name]`, "Docs GUI renamed")
	b.click("#settings-save")
	b.wait("renamed", `document.querySelector('#project-name').textContent === 'Docs GUI renamed'`, 5*time.Second)

	// A file's content.
	b.click("#nav-files")
	b.wait("files", `document.querySelector('#files-table .file-link')`, 5*time.Second)
	b.click("#files-table .file-link")
	b.wait("file content", `document.querySelector('#file-content') && document.querySelector('#file-content').textContent.length > 100`, 5*time.Second)
	b.click("#nav-files")

	// Second run, slow: progress moves, reload mid-run continues the log,
	// a second tab's 409 is shown, Stop cancels it.
	// Long enough to reload, try a second Run and Stop under -race on a
	// loaded machine (a CI run beside other work finished the run first at
	// 400 ms); Stop ends the wait at once.
	delay.Store(int64(2 * time.Second))
	b.set("#scope", "from_terms")
	b.click("#run-btn")
	b.wait("second run running", `document.querySelector('#state-badge .badge').textContent === 'Running'`, 5*time.Second)
	b.wait("progress moving", `(() => { const m = /(\d+) \/ (\d+)/.exec(document.querySelector('#progress-text').textContent); return m && +m[1] >= 2 })()`, 30*time.Second)
	before := eval[int](b, `document.querySelectorAll('#log-lines .logline[data-seq]').length`)
	b.do("reload mid-run", chromedp.Reload())
	b.wait("history after reload", fmt.Sprintf(`document.querySelectorAll('#log-lines .logline[data-seq]').length >= %d && document.querySelector('#state-badge .badge') && document.querySelector('#state-badge .badge').textContent === 'Running'`, before), 10*time.Second)
	after := eval[int](b, `document.querySelectorAll('#log-lines .logline[data-seq]').length`)
	b.wait("live lines after reload", fmt.Sprintf(`document.querySelectorAll('#log-lines .logline[data-seq]').length > %d || /(\d+) \/ (\d+)/.test(document.querySelector('#progress-text').textContent)`, after), 10*time.Second)
	fcp := eval[float64](b, `(performance.getEntriesByName('first-contentful-paint')[0] || {startTime: -1}).startTime`)
	if fcp < 0 || fcp > 1000 {
		t.Errorf("first contentful paint of the project view = %.0f ms, want under 1000", fcp)
	}
	b.screenshot("run-reloaded")

	// Another tab's Run gets 409: force the disabled button and see it shown.
	eval[bool](b, `(() => { const r = document.querySelector('#run-btn'); r.disabled = false; r.click(); return true })()`)
	b.wait("409 shown", `document.querySelector('#run-error').textContent.includes('already active')`, 5*time.Second)

	b.click("#stop-btn")
	b.wait("stopped", `document.querySelector('#state-badge .badge').textContent !== 'Running' && [...document.querySelectorAll('#log-lines .log-end')].some(e => e.textContent.includes('cancelled'))`, 15*time.Second)
	if eval[bool](b, `(() => { const s = [...document.querySelectorAll('#log-lines .logline[data-seq]')].map(e => e.dataset.seq); return new Set(s).size !== s.length })()`) {
		t.Error("a log line was shown twice after the reload")
	}
	var cur run
	tb.mustDo("GET", "/api/projects/"+pid+"/runs/current", nil, http.StatusOK, &cur)
	if cur.Status != "cancelled" {
		t.Errorf("second run = %s, want cancelled", cur.Status)
	}
	b.screenshot("run-stopped")

	// Stop a pending run: no runner picks it up while it is pending only
	// briefly, so cancel through the GUI as soon as it shows.
	// (Covered by the API tests; the GUI's Stop is the same DELETE.)

	// Narrow window: no horizontal scrolling.
	b.do("narrow", chromedp.EmulateViewport(420, 800))
	b.wait("narrow layout", `document.documentElement.scrollWidth <= window.innerWidth + 1`, 5*time.Second)
	b.screenshot("narrow")
	b.do("wide", chromedp.EmulateViewport(1280, 800))

	// Home lists the project; delete it.
	b.do("home", chromedp.Navigate(tb.url+"/#/"))
	b.wait("home list", `document.querySelectorAll('#projects-table tbody tr').length === 1`, 10*time.Second)
	b.screenshot("home")
	if !eval[bool](b, `document.querySelector('#clone-project').disabled`) {
		b.click("#clone-project")
		b.set(`#clone-dialog input[name=new_name]`, "Docs GUI copy")
		b.click(`#clone-dialog button[type=submit]`)
		b.wait("clone listed", `document.querySelectorAll('#projects-table tbody tr').length === 2 && document.querySelector('#projects-table tr.selected').textContent.includes('Docs GUI copy')`, 15*time.Second)
		b.click("#delete-project")
		b.click("#confirm-yes")
		b.wait("clone deleted", `document.querySelectorAll('#projects-table tbody tr').length === 1`, 10*time.Second)
	}
	b.click("#delete-project")
	b.click("#confirm-yes")
	b.wait("deleted", `document.body.innerText.includes('No projects yet')`, 10*time.Second)

	if errs := b.jsErrors(); len(errs) > 0 {
		t.Errorf("JavaScript errors: %v", errs)
	}
	t.Logf("browser scenario took %s; screenshots in %s", time.Since(start).Round(time.Millisecond), b.shot)
}
