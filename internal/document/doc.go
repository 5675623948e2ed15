// Package document loads and validates source documents: from a directory
// for the CLI, from bytes for the service. It decides which names are safe,
// which files are too big or not UTF-8, and reports every file it refuses
// with the reason, so nothing is dropped silently.
package document
