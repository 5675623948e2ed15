package glossary

import "testing"

func TestOpensFence(t *testing.T) {
	t.Parallel()
	for line, want := range map[string]bool{
		"```":          true,
		"```go":        true,
		"````markdown": true,
		"~~~":          true,
		"~~~ `x`":      true,
		"```isHoliday``` は日付を判定します。": false,
		"`code`": false,
		"``":     false,
		"text":   false,
	} {
		if got := OpensFence(line); got != want {
			t.Errorf("OpensFence(%q) = %v, want %v", line, got, want)
		}
	}
}
