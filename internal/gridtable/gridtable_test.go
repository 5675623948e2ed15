package gridtable

import (
	"reflect"
	"strings"
	"testing"
)

func TestRule(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"+----+----+", true}, {"+====+====+", true}, {"|-----+-----|", true}, {"|     +-----+", true},
		{"+", false}, {"| a | b |", false}, {"+--- a ---+", false}, {"| --- | --- |", false}, {"+++", false},
	} {
		if got := Rule(tc.line); got != tc.want {
			t.Errorf("Rule(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

// TestToMarkdown: the tables are written for this test, drawn as
// reStructuredText and w3m draw them.
func TestToMarkdown(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		in   string
		want []string
	}{
		{
			name: "reStructuredText, header and spanning rows",
			in: `+--------+--------+-----------------------+
| Field  | Symbol | Description           |
+========+========+=======================+
| Tide   | ` + "``T``" + `  | Replaced with the     |
|        |        | height of the tide.   |
+--------+--------+-----------------------+
| Berth  | ` + "``B``" + `  | The berth number.     |
|        +--------+-----------------------+
|        | ` + "``b``" + `  | Same as B, padded.    |
+--------+--------+-----------------------+`,
			want: []string{"| |", "| Field | Symbol | Description |", "| --- | --- | --- |",
				"| Tide | ``T`` | Replaced with the height of the tide. |", "| |", "| |",
				"| Berth | ``B`` | The berth number. |", "| |", "|  | ``b`` | Same as B, padded. |", "| |"},
		},
		{
			name: "w3m, a one-line header",
			in: `   +---------------------------------+
   | Type    | Description           |
   |---------+-----------------------|
   | string  | Holds any string.     |
   |---------+-----------------------|
   |         | Holds one of a few    |
   | select  | values, given in      |
   |         | Choices.              |
   +---------------------------------+`,
			want: []string{"   | |", "   | Type | Description |", "   | --- | --- |", "   | string | Holds any string. |", "   | |",
				"   | select | Holds one of a few values, given in Choices. |", "   | |", "   | |", "   | |"},
		},
		{
			name: "japanese cells",
			in:   "+------+--------------+\n| 種類 | 説明         |\n+======+==============+\n| 岸壁 | 船を係留する |\n|      | 場所。       |\n+------+--------------+",
			want: []string{"| |", "| 種類 | 説明 |", "| --- | --- |", "| 岸壁 | 船を係留する場所。 |", "| |", "| |"},
		},
		{
			name: "ragged row",
			in:   "+----+----+\n| a | b |\n| c | d | e |\n+----+----+",
			want: []string{"| |", "| a | b |", "| c | d | e |", "| |"},
		},
	} {
		lines := strings.Split(tc.in, "\n")
		if end := Extent(lines, 0); end != len(lines) {
			t.Errorf("%s: Extent = %d, want %d", tc.name, end, len(lines))
		}
		got := ToMarkdown(lines)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: ToMarkdown =\n%q\nwant\n%q", tc.name, got, tc.want)
		}
	}
	// Extent stops at the first line that draws no table.
	lines := []string{"+---+", "| a |", "+---+", "After the table."}
	if end := Extent(lines, 0); end != 3 {
		t.Errorf("Extent = %d, want 3", end)
	}
	if end := Extent(lines, 3); end != 3 {
		t.Errorf("Extent of prose = %d, want 3", end)
	}
}

// FuzzToMarkdown: any lines that open with a rule convert without a panic,
// into as many lines.
func FuzzToMarkdown(f *testing.F) {
	for _, s := range []string{"+--+--+\n| a | b |\n|  | c |\n+==+==+\n| d | e |\n+--+--+", "+-+\n|\n|x|", "|-+-|\n| 岸 |\n|壁|", "+=+\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lines := strings.Split(s, "\n")
		for i := range lines {
			end := Extent(lines, i)
			if end < i || end > len(lines) {
				t.Fatalf("Extent(%d) = %d of %d lines", i, end, len(lines))
			}
			if end == i {
				continue
			}
			if out := ToMarkdown(lines[i:end]); len(out) != end-i {
				t.Fatalf("ToMarkdown gave %d lines for %d", len(out), end-i)
			}
		}
	})
}
