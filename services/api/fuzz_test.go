package api

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// FuzzParseLastEventID feeds arbitrary Last-Event-ID headers and
// ?last_event_id= values to parseLastEventID: it never panics; a bad value
// is a 400 problem; an accepted one is exactly the decimal number given
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
		r := httptest.NewRequest(http.MethodGet, "/api/projects/x/runs/y/logs", nil)
		r.URL.RawQuery = "last_event_id=" + url.QueryEscape(query)
		r.Header["Last-Event-Id"] = []string{header}
		n, err := parseLastEventID(r)
		v := strings.TrimSpace(header)
		if v == "" {
			v = strings.TrimSpace(query)
		}
		if err != nil {
			var ae *apiError
			if !errors.As(err, &ae) || ae.status != http.StatusBadRequest {
				t.Fatalf("parseLastEventID(%q, %q): error %v is not a 400", header, query, err)
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
			t.Fatalf("parseLastEventID(%q) = %d", v, n)
		}
	})
}
