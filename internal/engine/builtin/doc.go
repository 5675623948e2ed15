// Package builtin is the default glossary engine: offline, deterministic and
// free of any model. Extraction is delegated to package extract; definitions
// are mined from definitional sentences, headings, list items and
// parentheticals of the documents themselves (an entry of the documents'
// own glossary page or section before a parenthesis in passing), then from
// a sentence with the
// term as its subject that says what it does (confidence 0.5), and last from
// a quoted usage ("Used in: ..."); review issues come from rules
// (no definition found, conflicting definitions, circular or too-short
// definitions, general-language words); refinement picks or merges the best
// evidence; and abbreviation/expansion pairs and the other names the text
// gives a phrase ("also known as", 「（以下「X」という。）」) become aliases,
// or, when only the abbreviation is a term, its definition ("Short for ...").
//
// All per-corpus work is done once per pipeline.Corpus (through Corpus.Memo)
// and shared by concurrent calls. The Engine holds no mutable state.
package builtin
