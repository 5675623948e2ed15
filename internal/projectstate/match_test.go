package projectstate

import "testing"

func TestMatchSubject(t *testing.T) {
	t.Parallel()
	cases := []struct {
		subject, filter string
		want            bool
	}{
		{"gg.p.project.created", "gg.p.project.>", true},
		{"gg.p.project", "gg.p.project.>", false},
		{"gg.p.doc.added", "gg.p.doc.>", true},
		{"gg.p.term.a.b.c", "gg.p.term.>", true},
		{"gg.p.run.r.result", "gg.p.run.*.result", true},
		{"gg.p.run.r.progress", "gg.p.run.*.result", false},
		{"gg.p.run.r.result.x", "gg.p.run.*.result", false},
		{"gg.q.doc.added", "gg.p.doc.>", false},
		{"gg.p.run.result", "gg.p.run.*.result", false},
		{"gg.p.doc.added", "gg.p.doc.added", true},
	}
	for _, tc := range cases {
		if got := matchSubject(tc.subject, tc.filter); got != tc.want {
			t.Errorf("matchSubject(%q, %q) = %v, want %v", tc.subject, tc.filter, got, tc.want)
		}
	}
}
