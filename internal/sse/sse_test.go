package sse

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestParseLastEventID(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		header, query string
		want          uint64
		bad           bool
	}{
		{"", "", 0, false},
		{"42", "", 42, false},
		{"", "7", 7, false},
		{" 12 ", "x", 12, false}, // the header wins, the bad query is not read
		{"  ", "9", 9, false},
		{"007", "", 7, false},
		{"18446744073709551615", "", 18446744073709551615, false},
		{"18446744073709551616", "", 0, true},
		{"-1", "", 0, true},
		{"+5", "", 0, true},
		{"0x10", "", 0, true},
		{"1e3", "", 0, true},
		{"1 2", "", 0, true},
		{"٣", "", 0, true},
		{"", "abc", 0, true},
	} {
		got, err := ParseLastEventID(tc.header, tc.query)
		if tc.bad {
			if !errors.Is(err, ErrBadLastEventID) {
				t.Errorf("ParseLastEventID(%q, %q) = %d, %v; want ErrBadLastEventID", tc.header, tc.query, got, err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("ParseLastEventID(%q, %q) = %d, %v; want %d", tc.header, tc.query, got, err, tc.want)
		}
	}
}

// FuzzParseLastEventID feeds arbitrary Last-Event-ID headers and
// ?last_event_id= values: it never panics; a bad value is
// ErrBadLastEventID; an accepted one is exactly the decimal number given
// (the header winning over the query), and nothing is accepted that is not
// a plain unsigned decimal.
func FuzzParseLastEventID(f *testing.F) {
	for _, s := range [][2]string{
		{"", ""}, {"42", ""}, {"", "7"}, {" 12 ", "x"}, {"-1", ""}, {"18446744073709551615", ""},
		{"18446744073709551616", ""}, {"0x10", ""}, {"+5", ""}, {"1e3", ""}, {"007", ""}, {"\x00", ""}, {"٣", ""},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, header, query string) {
		n, err := ParseLastEventID(header, query)
		v := strings.TrimSpace(header)
		if v == "" {
			v = strings.TrimSpace(query)
		}
		if err != nil {
			if !errors.Is(err, ErrBadLastEventID) {
				t.Fatalf("ParseLastEventID(%q, %q): error %v is not ErrBadLastEventID", header, query, err)
			}
			return
		}
		if v == "" {
			if n != 0 {
				t.Fatalf("no id gave %d", n)
			}
			return
		}
		if strings.Trim(v, "0123456789") != "" {
			t.Fatalf("accepted %q as %d", v, n)
		}
		if want := strings.TrimLeft(v, "0"); strconv.FormatUint(n, 10) != want && !(want == "" && n == 0) {
			t.Fatalf("ParseLastEventID(%q) = %d", v, n)
		}
	})
}

func TestAppendFrame(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		id, name, data, want string
	}{
		{"12", "log", `{"m":1}`, "id: 12\nevent: log\ndata: {\"m\":1}\n\n"},
		{"", "complete", `{}`, "event: complete\ndata: {}\n\n"},
	} {
		prefix := []byte("kept")
		got := string(AppendFrame(prefix, tc.id, tc.name, []byte(tc.data)))
		if got != "kept"+tc.want {
			t.Errorf("AppendFrame(%q, %q, %q) = %q", tc.id, tc.name, tc.data, got)
		}
	}
}

// TestWriter runs a Writer on a real HTTP server, whose WriteTimeout would
// cut the stream if Start did not clear the deadline, and reads each event
// as the client sees it.
func TestWriter(t *testing.T) {
	t.Parallel()
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s, err := Start(w)
		if err != nil {
			t.Error(err)
			return
		}
		if err := s.Comment("hello"); err != nil {
			t.Error(err)
			return
		}
		time.Sleep(300 * time.Millisecond) // longer than WriteTimeout
		if err := s.Event("1", "log", []byte(`{"a":1}`)); err != nil {
			t.Error(err)
			return
		}
		if err := s.Write(AppendFrame(nil, "2", "log", []byte(`{"a":2}`))); err != nil {
			t.Error(err)
			return
		}
		if err := s.Flush(); err != nil {
			t.Error(err)
		}
	}))
	srv.Config.WriteTimeout = 100 * time.Millisecond
	srv.Start()
	t.Cleanup(srv.Close)

	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for k, want := range map[string]string{
		"Content-Type":      "text/event-stream; charset=utf-8",
		"Cache-Control":     "no-cache",
		"X-Accel-Buffering": "no",
	} {
		if got := resp.Header.Get(k); got != want {
			t.Errorf("%s: %q, want %q", k, got, want)
		}
	}
	var body strings.Builder
	buf := make([]byte, 512)
	for {
		n, err := resp.Body.Read(buf)
		body.Write(buf[:n])
		if err != nil {
			break
		}
	}
	want := ": hello\n\nid: 1\nevent: log\ndata: {\"a\":1}\n\nid: 2\nevent: log\ndata: {\"a\":2}\n\n"
	if body.String() != want {
		t.Errorf("body %q, want %q", body.String(), want)
	}
}
