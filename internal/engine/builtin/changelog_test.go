package builtin

import (
	"strings"
	"testing"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

func TestChangelogHeading(t *testing.T) {
	t.Parallel()
	cases := map[string]bool{
		"Changelog": true, "CHANGES": true, "Release notes": true, "What's Changed": true,
		"v1.2": true, "1.4.0": true, "2.0.0-rc.1 (2024-05-01)": true, "v3.1 - 2024-05-01": true,
		"3.98.0 (2026-11-09)": true, "1.2 (unreleased)": true, "変更履歴": true,
		"CMake 3.1 Release Notes": true, "What's New In Python 3.12": true, "Harbor Tools 2.0 Changelog": true,
		"Release Notes for Debian 12": true, "Release 1.2.9 - 2011-12-29": true, "1.2.9リリース - 2011-12-29": true,
		"News": true, "News - 1.2.x": true, "お知らせ": true, "Version 3.2": true, "6. What’s New in GIMP 2.4?": true,
		"3.3.0 - 26 June, 2026": true, "0.13.0 - 29 Apr, 2017": true, "1.0.0 - March 3, 2020": true, "2.1.0 - 2020/03/03": true,
		"Upgrading to version 2.0.0+": true, "Upgrading to v1.0": true, "Upgrading to the new harbour": false, "1.2 Terms - June 2020": false,
		"News from the harbour": false, "Release 2 of the tide tables": false, "Release process": false,
		"Writing release notes": false, "Notes on the tide tables and the harbour rules release notes": false,
		"2.1 Terms and definitions": false, "1.2. Glossary": false, "3.4 用語の定義": false,
		"Glossary": false, "Version history of the API": false, "v2 API": false,
	}
	for heading, want := range cases {
		if got := isChangelogHeading(heading); got != want {
			t.Errorf("isChangelogHeading(%q) = %v, want %v", heading, got, want)
		}
	}
}

func TestBookIndexHeading(t *testing.T) {
	t.Parallel()
	for heading, want := range map[string]bool{
		"Concept Index": true, "Chapter 63 - Option Index": true, "Variable Index": true, "General Index": true, "索引": true,
		"用語索引": true, "Index": false, "B-tree Index": false, "Partial Index": false, "Indexes": false,
		"Editor Functions Index": true, "Style and Tag Index": true, "GIN Index": false, "Vector Search Index": false,
		// An appendix's letter before a name's index (LilyPond's manuals).
		"E. LilyPond index": true, "E. LilyPond インデックス": true, "Appendix E LilyPond index": true, "インデックス": false,
		"LilyPond インデックス": false, "A partial index": false, "a. Index": false,
	} {
		if got := bookIndexHeading.MatchString(heading); got != want {
			t.Errorf("bookIndexHeading(%q) = %v, want %v", heading, got, want)
		}
	}
}

func TestChangelogFile(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]bool{
		"CHANGELOG.md": true, "HISTORY": true, "NEWS.txt": true, "RELEASE-NOTES.md": true, "todo.html": true, "BUGS": true,
		"known_issues.rst": true, "changes.html": true, "version7.html": true, "version-3.2.md": true, "versioning.md": false, "glossary.md": false, "todo-app.md": false, "history-of-ports.md": false,
		"UPGRADING.md": true, "upgrading-berths.md": false,
		// A release's "what's new" page and a migration guide list changes
		// (Fiber's whats_new.md, nats.go's MIGRATION.md, Traefik's
		// migration_v2.md).
		"whats_new.md": true, "whats-new.html": true, "MIGRATION.md": true, "migration_v2.md": true, "migration-guide.md": true,
		"migrations.md": false, "data-migration-tool.md": false,
	} {
		if got := changelogFile.MatchString(name); got != want {
			t.Errorf("changelogFile(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestBookIndexTable: the rows of a book index's table (Texinfo's "Index
// Entry | Section") are no sentences: a term's usage comes from the text.
// The page is written for this test.
func TestBookIndexTable(t *testing.T) {
	t.Parallel()
	index := "# Editor Functions Index\n\n| | Index Entry | | Section |\n| --- | --- | --- | --- |\n" +
		"| | winch-haul | | 18.6.3 Hauling Winches |\n| | winch-stop | | 18.6.4 Stopping Winches |\n"
	text := "# Quay machines\n\nTugs pull the ships when the tide turns at night. Each winch is oiled.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "index.md", Content: index}, {Path: "winches.md", Content: text}})
	for _, term := range []string{"winch", "Hauling Winches"} {
		if d := define(t, newEngine(t), c, term); strings.Contains(d.Text, "18.6") {
			t.Errorf("%s = %q, want no usage from the index", term, d.Text)
		}
	}
}

// TestChangelogEntriesDescribeNothing: a change log's entries ("* Tide
// plugin supports parse ISO string with week (W) (#950)", Day.js's) say
// what changed, not what their subject is; they may still show its use.
// The pages are written for this test.
func TestChangelogEntriesDescribeNothing(t *testing.T) {
	t.Parallel()
	log := "## [1.2.0](https://example.com/compare/v1.1.0...v1.2.0) (2026-08-17)\n\n### Features\n\n" +
		"* Tide plugin supports parsing moon phases ([#950](https://example.com/issues/950)) ([f0fc12a](https://example.com/commit/f0fc12a))\n" +
		"* **Timing:** Added `berth.duration`. Quaykit replaces any existing duration value supplied by a custom adapter.\n"
	readme := "# Quaykit\n\nInstall Quaykit with npm. Load the tide plugin before the berth plugin.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "CHANGELOG.md", Content: log}, {Path: "README.md", Content: readme}})
	e := newEngine(t)
	for term, not := range map[string]string{"tide plugin": "supports parsing", "Quaykit": "replaces any"} {
		if d := define(t, e, c, term); strings.Contains(d.Text, not) && !strings.HasPrefix(d.Text, usedInPrefixEN) {
			t.Errorf("%s = %q (%.2f), want no description from the change log", term, d.Text, d.Confidence)
		}
	}
}
