// Package pipeline runs the four glossary steps (extract, provisional,
// issues, refined) over a corpus with an Engine that supplies the judgement:
// the offline builtin engine or an OpenAI-compatible LLM. The runner service
// and the generate CLI both call it; it does no I/O of its own beyond the
// engine's.
package pipeline
