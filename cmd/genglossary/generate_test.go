package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGenerate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		corpus, out string
		want        []string // terms that must be in the output
	}{
		{"en", "g.md", []string{"## broker", "## partition", "**Aliases**: WAL"}},
		{"ja", "g.json", []string{`"term": "キャッシュキー"`, `"term": "DAG"`}},
	}
	for _, tt := range tests {
		t.Run(tt.corpus, func(t *testing.T) {
			t.Parallel()
			out := filepath.Join(t.TempDir(), tt.out)
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), []string{"generate", "-i", filepath.Join("..", "..", "testdata", "corpus", tt.corpus), "-o", out}, noEnv, nil, &stdout, &stderr)
			if err != nil {
				t.Fatalf("generate: %v\n%s", err, stderr.String())
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(b), w) {
					t.Errorf("output lacks %q", w)
				}
			}
			if strings.HasSuffix(out, ".json") {
				var g struct {
					Terms  []map[string]any `json:"terms"`
					Issues []map[string]any `json:"issues"`
				}
				if err := json.Unmarshal(b, &g); err != nil || len(g.Terms) == 0 {
					t.Fatalf("JSON output: %v, %d terms", err, len(g.Terms))
				}
			}
			if !strings.Contains(stdout.String(), "documents") || !strings.Contains(stdout.String(), "terms") {
				t.Errorf("summary = %q", stdout.String())
			}
			if !strings.Contains(stderr.String(), "provisional") {
				t.Errorf("no progress lines on stderr: %q", stderr.String())
			}
		})
	}
}

// TestGenerateReadsSitePages: a Docusaurus page (.mdx, with imports, JSX
// tabs and an admonition) and a .markdown page are documents like .md.
func TestGenerateReadsSitePages(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "g.json")
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"generate", "-i", filepath.Join("testdata", "site"), "-o", out}, noEnv, nil, &stdout, &stderr); err != nil {
		t.Fatalf("generate: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stdout.String(), "2 documents") {
		t.Errorf("summary = %q, want 2 documents", stdout.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		Terms []struct {
			Term       string `json:"term"`
			Definition string `json:"definition"`
		} `json:"terms"`
	}
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	defs := map[string]string{}
	for _, e := range g.Terms {
		defs[strings.ToLower(e.Term)] = e.Definition
	}
	for term, want := range map[string]string{
		"relay":       "small daemon that forwards berth events", // .mdx, bold subject
		"berth file":  "TOML document that lists the quays",      // .mdx, inside an admonition
		"ledger":      "append-only table",                       // .markdown
		"berth event": "records one vessel arriving",             // .markdown
	} {
		if !strings.Contains(defs[term], want) {
			t.Errorf("%s = %q, want it to say %q", term, defs[term], want)
		}
	}
	for _, markup := range []string{"tabs", "tabitem", "theme", "groupid", "sidebar_position", "todo"} {
		if _, ok := defs[markup]; ok {
			t.Errorf("markup %q became a term", markup)
		}
	}
}

func TestGenerateErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no args", []string{"generate"}, 2, "required"},
		{"bad format", []string{"generate", "-i", dir, "-o", filepath.Join(dir, "x.html")}, 1, "unknown format"},
		{"missing input", []string{"generate", "-i", filepath.Join(dir, "nope"), "-o", filepath.Join(dir, "x.md")}, 1, "input directory"},
		{"empty input", []string{"generate", "-i", dir, "-o", filepath.Join(dir, "x.md")}, 1, "no usable"},
		{"bad provider", []string{"generate", "-i", "../../testdata/corpus/en", "-o", filepath.Join(dir, "x.md"), "--provider", "gpt"}, 1, "unknown provider"},
		{"openai without model", []string{"generate", "-i", "../../testdata/corpus/en", "-o", filepath.Join(dir, "x.md"), "--provider", "openai"}, 1, "model is required"},
		{"unknown command", []string{"frobnicate"}, 2, "unknown command"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), tt.args, noEnv, nil, &stdout, &stderr)
			if code := exitCode(err, false); code != tt.code {
				t.Fatalf("exit code %d (err %v), want %d", code, err, tt.code)
			}
			if !strings.Contains(stderr.String(), tt.msg) {
				t.Errorf("stderr %q lacks %q", stderr.String(), tt.msg)
			}
			if n := strings.Count(strings.TrimSpace(stderr.String()), "\n"); tt.code == 1 && n > 0 {
				t.Errorf("error is not one line: %q", stderr.String())
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "x.md")); !errors.Is(err, os.ErrNotExist) {
		t.Error("a failed generate left an output file")
	}
}

func TestGenerateInterruptedLeavesNoFile(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "g.md")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	err := run(ctx, []string{"generate", "-i", "../../testdata/corpus/en", "-o", out}, noEnv, nil, &stdout, &stderr)
	if err == nil {
		t.Fatal("want an error from an interrupted run")
	}
	if code := exitCode(err, true); code != 130 {
		t.Errorf("exit code %d, want 130", code)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 0 {
		t.Errorf("interrupted run left files: %v", entries)
	}
}

func noEnv(string) string { return "" }

// TestGenerateFileLimits: a document over --max-file-bytes (or
// GENGLOSSARY_MAX_FILE_BYTES) is skipped with a hint at the flag, a larger
// limit reads it, more documents than --max-files fail the run with a
// hint, and a limit below 1 is a usage error that writes nothing.
func TestGenerateFileLimits(t *testing.T) {
	t.Parallel()
	in := t.TempDir()
	small := "# Quay\n\nA quay is a platform where ships load and unload.\n"
	big := "# Berth\n\nA berth is the place where a ship moors.\n\n" + strings.Repeat("Ships moor at a berth along the quay.\n", 40)
	for name, content := range map[string]string{"quay.md": small, "berth.md": big} {
		if err := os.WriteFile(filepath.Join(in, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	env := func(k string) string {
		if k == "GENGLOSSARY_MAX_FILE_BYTES" {
			return "1000"
		}
		return ""
	}
	tests := []struct {
		name     string
		args     []string
		getenv   func(string) string
		code     int
		stderr   string
		document int // documents in the summary, when the run succeeds
	}{
		{"flag skips the big file", []string{"--max-file-bytes", "1000"}, noEnv, 0, "skipped berth.md: file too large: 1571 bytes, limit 1000 (raise --max-file-bytes)", 1},
		{"env skips the big file", nil, env, 0, "(raise --max-file-bytes)", 1},
		{"flag over env reads both", []string{"--max-file-bytes", "4096"}, env, 0, "", 2},
		{"too many documents", []string{"--max-files", "1"}, noEnv, 1, "too many documents: more than 1 (raise --max-files)", 0},
		{"zero limit", []string{"--max-file-bytes", "0"}, noEnv, 1, "must be at least 1", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			out := filepath.Join(t.TempDir(), "g.md")
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), append([]string{"generate", "-i", in, "-o", out}, tt.args...), tt.getenv, nil, &stdout, &stderr)
			if code := exitCode(err, false); code != tt.code {
				t.Fatalf("exit code %d (err %v, stderr %q), want %d", code, err, stderr.String(), tt.code)
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr %q lacks %q", stderr.String(), tt.stderr)
			}
			_, statErr := os.Stat(out)
			if tt.code != 0 {
				if !errors.Is(statErr, os.ErrNotExist) {
					t.Error("a failed generate left an output file")
				}
				return
			}
			if want := fmt.Sprintf(": %d documents", tt.document); !strings.Contains(stdout.String(), want) {
				t.Errorf("summary %q lacks %q", stdout.String(), want)
			}
		})
	}
}

// TestGenerateSaysWhatItDoesNotRead: a page in a language the builtin
// engine does not read is named on stderr and counted in the summary, files
// of other types and redirect pages on one line each; a folder of such pages only fails with a
// clear error and writes nothing.
func TestGenerateSaysWhatItDoesNotRead(t *testing.T) {
	t.Parallel()
	in := t.TempDir()
	pt := "# Agendador do porto\n\nO agendador do porto atribui cada navio que chega a um berço. Um berço é um trecho do cais onde um navio pode atracar enquanto é carregado ou descarregado. " +
		"Quando todos os berços estão ocupados, o navio espera no fundeadouro até que o agendador libere um deles. O agendador lê a tábua de marés na inicialização e, se a tábua não existir, não inicia.\n"
	for name, content := range map[string]string{
		"quay.md":            "# Quay\n\nA quay is a platform where ships load and unload.\n",
		"quay.pt-br.md":      pt,
		"only/quay.pt.md":    pt,
		"only/berth.pt.md":   pt,
		"Makefile":           "all:\n\tquay\n",
		"TUTORIAL.ja":        "岸壁の使い方\n",
		"img/logo.png":       "\x89PNG",
		"img/berth.svg":      "<svg/>",
		"a.gif":              "GIF89a",
		"b.jpg":              "\xff\xd8",
		".DS_Store":          "\x00",
		"html/genindex.html": "<h1 id=\"index\">Index</h1><table class=\"indextable genindextable\"><tr><td><a href=\"quay.html\">berth</a></td></tr></table>",
		"html/Aliasing.html": "<html><head><title>Aliasing (quay)</title><meta http-equiv=\"Refresh\" content=\"0; url=Grammar.html#Aliasing\"></head>" +
			"<body><p>The node you are looking for is at <a href=\"Grammar.html#Aliasing\">Aliasing</a>.</p></body></html>",
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(in, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "g.md")
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"generate", "-i", filepath.Join(in, "only"), "-o", out}, noEnv, nil, &stdout, &stderr); err == nil ||
		!strings.Contains(err.Error(), "no document in English or Japanese") {
		t.Errorf("generate over Portuguese pages only: err = %v, want no document in English or Japanese", err)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Error("a failed generate left an output file")
	}

	stdout.Reset()
	stderr.Reset()
	if err := os.RemoveAll(filepath.Join(in, "only")); err != nil {
		t.Fatal(err)
	}
	if err := run(context.Background(), []string{"generate", "-i", in, "-o", out}, noEnv, nil, &stdout, &stderr); err != nil {
		t.Fatalf("generate: %v (stderr %q)", err, stderr.String())
	}
	if want := "not read quay.pt-br.md: written in Portuguese; the builtin engine reads English and Japanese"; !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr %q lacks %q", stderr.String(), want)
	}
	if want := ": 2 documents (0 skipped, 1 not read)"; !strings.Contains(stdout.String(), want) {
		t.Errorf("summary %q lacks %q", stdout.String(), want)
	}
	// Files of other types are named on one line, a few of them.
	if want := "not read: 6 files of other types (Makefile, TUTORIAL.ja, a.gif, b.jpg, img/berth.svg and 1 more)\n"; !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr %q lacks %q", stderr.String(), want)
	}
	// So are pages that only redirect to another (a Texinfo manual has
	// one per node name), not counted as refused.
	if want := "not read: 1 page that only redirects to another (html/Aliasing.html)\n"; !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr %q lacks %q", stderr.String(), want)
	}
	// And a Sphinx site's generated index and search pages.
	if want := "not read: 1 generated index or search page (html/genindex.html)\n"; !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr %q lacks %q", stderr.String(), want)
	}
	if strings.Contains(stderr.String(), ".DS_Store") {
		t.Errorf("stderr %q names a hidden file", stderr.String())
	}
}
