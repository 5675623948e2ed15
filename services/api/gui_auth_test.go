package api_test

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/genglossary/genglossary/services/api"
)

// TestGUIAuthToken drives the GUI in headless Chromium against a server
// started with an access token: the prompt appears on the first 401 (an
// accessible modal: labelled, focus kept inside, Escape does not dismiss
// it), a wrong token is refused in place, the right one is kept in
// sessionStorage and sent as a bearer token on every request, the SSE log
// stream carries it as ?access_token=, a token the server stops accepting
// is asked for again, and the export links download with the header.
func TestGUIAuthToken(t *testing.T) {
	const token = "gui-token-0123456789abcdef"
	tb := setup(t, setupOpts{runners: 1, deps: func(d *api.Deps) { d.Security.AuthToken = token }})
	b := newBrowser(t)
	start := time.Now()

	// The page loads (static files are open); the first API call gets 401
	// and the prompt opens with the focus in its labelled password input.
	b.do("open home", chromedp.Navigate(tb.url+"/"))
	b.wait("token prompt", `(() => { const d = document.querySelector('#auth-dialog'); return d && d.open && document.activeElement === d.querySelector('input[name=token]') })()`, 10*time.Second)
	if !eval[bool](b, `(() => {
		const d = document.querySelector('#auth-dialog'), i = d.querySelector('input[name=token]');
		const title = document.getElementById(d.getAttribute('aria-labelledby'));
		return i.type === 'password' && i.labels.length === 1 && i.labels[0].textContent === 'Access token'
			&& title && title.textContent.length > 0 && !!d.querySelector('button[type=submit]')
			&& !document.querySelector('#projects-table') && !document.body.innerText.includes('No projects yet');
	})()`) {
		t.Error("the prompt is not a labelled password dialog, or the projects loaded without a token")
	}
	b.screenshot("auth-prompt")

	// Focus stays in the dialog; Escape does not close it.
	b.do("tab", chromedp.KeyEvent(kb.Tab))
	if got := eval[string](b, `document.activeElement.id`); got != "auth-submit" {
		t.Errorf("Tab from the input focused %q, want auth-submit", got)
	}
	b.do("tab again", chromedp.KeyEvent(kb.Tab))
	if !eval[bool](b, `document.activeElement === document.querySelector('#auth-dialog input[name=token]')`) {
		t.Errorf("Tab from the last control left the dialog: focus on %q", eval[string](b, `document.activeElement.outerHTML.slice(0, 80)`))
	}
	b.do("shift tab", chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift)))
	if got := eval[string](b, `document.activeElement.id`); got != "auth-submit" {
		t.Errorf("Shift+Tab from the input focused %q, want auth-submit", got)
	}
	b.do("escape", chromedp.KeyEvent(kb.Escape))
	b.do("escape twice", chromedp.KeyEvent(kb.Escape))
	time.Sleep(100 * time.Millisecond)
	if !eval[bool](b, `!!document.querySelector('#auth-dialog') && document.querySelector('#auth-dialog').open`) {
		t.Error("Escape dismissed the token prompt")
	}

	// A wrong token, submitted with Enter: refused in place.
	b.do("wrong token", chromedp.SendKeys(chromedp.CSS(`#auth-dialog input[name=token]`), "wrong-token-0123456789"+kb.Enter))
	b.wait("wrong token refused", `(() => { const d = document.querySelector('#auth-dialog'), i = d && d.querySelector('input[name=token]');
		const e = d && d.querySelector('[role=alert]');
		return d.open && e.textContent.includes('not accepted') && i.getAttribute('aria-invalid') === 'true'
			&& i.getAttribute('aria-describedby').split(' ').includes(e.id) && document.activeElement === i })()`, 5*time.Second)
	if got := eval[string](b, `sessionStorage.getItem('genglossary.accessToken') || ''`); got != "" {
		t.Errorf("a refused token was stored: %q", got)
	}
	b.screenshot("auth-wrong")

	// The right one: the dialog closes and the projects load.
	b.set(`#auth-dialog input[name=token]`, "")
	b.do("right token", chromedp.SendKeys(chromedp.CSS(`#auth-dialog input[name=token]`), token+kb.Enter))
	b.wait("home", `!document.querySelector('#auth-dialog') && document.body.innerText.includes('No projects yet')`, 10*time.Second)
	if got := eval[string](b, `sessionStorage.getItem('genglossary.accessToken') + ' ' + localStorage.length`); got != token+" 0" {
		t.Errorf("storage = %q, want the token in sessionStorage and nothing in localStorage", got)
	}

	// Create a project and add a document through the GUI (fetch with the
	// header, FormData included).
	b.click("#new-project")
	b.do("fill new project", chromedp.SendKeys(chromedp.CSS(`#new-project-dialog input[name=name]`), "Token GUI"+kb.Enter))
	b.wait("project view", `location.hash.startsWith('#/p/') && document.querySelector('#dropzone') && document.querySelector('#project-name').textContent === 'Token GUI'`, 10*time.Second)
	pid := eval[string](b, `location.hash.split('/')[2]`)
	content, err := os.ReadFile(filepath.Join("../../testdata/corpus/en", "overview.md"))
	if err != nil {
		t.Fatal(err)
	}
	eval[bool](b, `(() => {
		const dt = new DataTransfer();
		dt.items.add(new File([`+js(string(content))+`], 'overview.md', {type: 'text/markdown'}));
		const zone = document.querySelector('#dropzone');
		zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, bubbles: true, cancelable: true}));
		zone.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
		return true;
	})()`)
	b.wait("file listed", `document.querySelectorAll('#files-table tbody tr').length === 1`, 10*time.Second)
	b.wait("idle after upload", `document.querySelector('#state-badge .badge') && document.querySelector('#state-badge .badge').textContent !== 'Running' && !document.querySelector('#run-btn').disabled`, 30*time.Second)

	// Run Full: the log lines arrive over SSE (?access_token=), and the
	// project's event stream reports the end.
	b.set("#scope", "full")
	b.click("#run-btn")
	b.wait("log lines over SSE", `document.querySelectorAll('#log-lines .logline[data-seq]').length > 0`, 15*time.Second)
	b.wait("up to date", `document.querySelector('#state-badge .badge')?.textContent === 'Up-to-date'
		&& [...document.querySelectorAll('#log-lines .log-end')].some(e => e.textContent.includes('completed'))`, 30*time.Second)
	b.screenshot("auth-run-done")
	lines := eval[int](b, `document.querySelectorAll('#log-lines .logline[data-seq]').length`)

	// The server stops accepting the stored token (here: another one is
	// stored): the next call's 401 clears it and asks again, with a
	// message that says why; after the right token the view loads, the
	// log's history included.
	// The stale token is stored from a page of the same origin that runs no
	// GUI: a GUI page could read it and answer a 401 of its own (an SSE
	// reconnect, a poll) before the reload, and the reloaded page would
	// then find no token at all.
	hash := eval[string](b, `location.hash`)
	b.do("leave the GUI", chromedp.Navigate(tb.url+"/api/openapi.json"))
	eval[bool](b, `(sessionStorage.setItem('genglossary.accessToken', 'stale-token-0123456789'), true)`)
	b.do("reload", chromedp.Navigate(tb.url+"/"+hash))
	b.wait("prompt again", `(() => { const d = document.querySelector('#auth-dialog'); return d && d.open && d.innerText.includes('no longer accepted') })()`, 10*time.Second)
	if got := eval[string](b, `String(sessionStorage.getItem('genglossary.accessToken'))`); got != "null" {
		t.Errorf("the refused token was kept: %q", got)
	}
	b.do("token again", chromedp.SendKeys(chromedp.CSS(`#auth-dialog input[name=token]`), token+kb.Enter))
	// The view is rebuilt after the token: the badge may not exist yet.
	b.wait("log history after the new token", fmt.Sprintf(`!document.querySelector('#auth-dialog') && document.querySelectorAll('#log-lines .logline[data-seq]').length >= %d
		&& document.querySelector('#state-badge .badge')?.textContent === 'Up-to-date'`, lines), 30*time.Second)

	// Exports: a click fetches with the header and saves a Blob.
	b.click("#nav-refined")
	b.wait("refined tab", `document.querySelectorAll('#refined-table tbody tr').length > 0 || document.querySelector('#not-available')`, 10*time.Second)
	for _, ex := range []struct{ id, want string }{{"export-md", "\n#"}, {"export-json", `"`}} {
		if !eval[bool](b, `!!document.querySelector('#`+ex.id+`')`) {
			t.Logf("%s: not offered by this server", ex.id)
			continue
		}
		got := eval[string](b, `new Promise((resolve) => {
			const orig = URL.createObjectURL;
			URL.createObjectURL = (blob) => { URL.createObjectURL = orig; blob.text().then((s) => resolve(blob.size + ' ' + s)); return orig.call(URL, blob); };
			document.querySelector('#`+ex.id+`').click();
			setTimeout(() => resolve('no download after 5s'), 5000);
		})`)
		if !strings.Contains(got, ex.want) || strings.Contains(got, "bearer token") || strings.HasPrefix(got, "no download") {
			t.Errorf("%s saved %.200q", ex.id, got)
		}
	}

	// Without the header the API still refuses (the GUI did not open it up).
	if st, _ := tb.do("GET", "/api/projects/"+pid, nil, nil); st != http.StatusUnauthorized {
		t.Errorf("GET without a token = %d, want 401", st)
	}
	if errs := b.jsErrors(); len(errs) > 0 {
		t.Errorf("JavaScript errors: %v", errs)
	}
	t.Logf("token scenario took %s; screenshots in %s", time.Since(start).Round(time.Millisecond), b.shot)
}
