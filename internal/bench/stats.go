package bench

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// percentile returns the p-th percentile (0..100) of ds by nearest rank;
// ds is sorted in place. Zero for no samples.
func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	i := int(float64(len(ds))*p/100+0.5) - 1
	return ds[min(max(i, 0), len(ds)-1)]
}

// ms converts a duration to float milliseconds.
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// rssBytes returns the process's resident set size from /proc (Linux), or
// 0 where that is not available.
func rssBytes() uint64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, err := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}

// rssSampler records the peak RSS while it runs.
type rssSampler struct {
	peak uint64
	stop chan struct{}
	done chan struct{}
}

func sampleRSS(every time.Duration) *rssSampler {
	s := &rssSampler{peak: rssBytes(), stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-s.stop:
				return
			case <-t.C:
				s.peak = max(s.peak, rssBytes())
			}
		}
	}()
	return s
}

// Stop ends sampling and returns the peak in MiB.
func (s *rssSampler) Stop() float64 {
	close(s.stop)
	<-s.done
	s.peak = max(s.peak, rssBytes())
	return float64(s.peak) / (1 << 20)
}

// call sends a JSON request to the API and decodes a JSON answer into out
// (when non-nil). A status other than want is an error.
func (e *env) call(ctx context.Context, method, path string, body any, want int, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return fmt.Errorf("bench: marshal: %w", err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, e.url+path, rd)
	if err != nil {
		return fmt.Errorf("bench: request: %w", err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := e.client.Do(req)
	if err != nil {
		return fmt.Errorf("bench: %s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("bench: %s %s: read: %w", method, path, err)
	}
	if resp.StatusCode != want {
		return fmt.Errorf("bench: %s %s = %d %s, want %d", method, path, resp.StatusCode, bytes.TrimSpace(raw), want)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			return fmt.Errorf("bench: %s %s: decode: %w", method, path, err)
		}
	}
	return nil
}

// idOnly decodes the id of a created resource.
type idOnly struct {
	ID string `json:"id"`
}

// newProject creates a project with a one-line document and returns its id.
func (e *env) newProject(ctx context.Context, name string) (string, error) {
	var p idOnly
	if err := e.call(ctx, http.MethodPost, "/api/projects", map[string]string{"name": name}, http.StatusCreated, &p); err != nil {
		return "", err
	}
	doc := map[string]string{"file_name": "one.md", "content": "GenGlossary turns documents into a glossary.\n"}
	if err := e.call(ctx, http.MethodPost, "/api/projects/"+p.ID+"/files", doc, http.StatusCreated, nil); err != nil {
		return "", err
	}
	return p.ID, nil
}

// postRun requests a run of scope and returns its id.
func (e *env) postRun(ctx context.Context, pid, scope string) (string, error) {
	var r idOnly
	if err := e.call(ctx, http.MethodPost, "/api/projects/"+pid+"/runs", map[string]string{"scope": scope}, http.StatusCreated, &r); err != nil {
		return "", err
	}
	return r.ID, nil
}

// sseReader reads server-sent events from r, calling fn with each event's
// name and data until fn returns false or r ends. It allocates little: the
// slices passed to fn are valid only during the call.
func sseReader(r io.Reader, fn func(event, data []byte) bool) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var event, data []byte
	for {
		line, err := br.ReadSlice('\n')
		if err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
		line = bytes.TrimRight(line, "\r\n")
		switch {
		case len(line) == 0:
			if len(event) > 0 || len(data) > 0 {
				if !fn(event, data) {
					return nil
				}
			}
			event, data = event[:0], data[:0]
		case line[0] == ':':
		case bytes.HasPrefix(line, []byte("event: ")):
			event = append(event[:0], line[7:]...)
		case bytes.HasPrefix(line, []byte("data: ")):
			data = append(data[:0], line[6:]...)
		}
	}
}

// publishAsync publishes m asynchronously; when too many publishes are
// outstanding (a busy machine) it waits for them and tries again, instead
// of failing.
func (e *env) publishAsync(ctx context.Context, m *nats.Msg) error {
	for {
		_, err := e.js.PublishMsgAsync(m)
		if !errors.Is(err, jetstream.ErrTooManyStalledMsgs) {
			return err
		}
		select {
		case <-e.js.PublishAsyncComplete():
		case <-time.After(100 * time.Millisecond):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}
