// Package glossary holds the domain types of the glossary pipeline (documents,
// terms, occurrences, entries, issues), the occurrence finder shared by every
// engine, and the Markdown and JSON exports. It does no I/O beyond writers.
package glossary
