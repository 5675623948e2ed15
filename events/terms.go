package events

// User-edit event types (subject gg.<p>.term.<x>) and the clone import
// (gg.<p>.project.cloned). Never rename one; see [Version].
const (
	TypeTermAdded            = "term.added"
	TypeTermUpdated          = "term.updated"
	TypeTermDeleted          = "term.deleted"
	TypeTermExcluded         = "term.excluded"
	TypeTermUnexcluded       = "term.unexcluded"
	TypeTermRequired         = "term.required"
	TypeTermUnrequired       = "term.unrequired"
	TypeTermSynonymsSet      = "term.synonyms_set"
	TypeTermSynonymsRemoved  = "term.synonyms_removed"
	TypeTermDefinitionEdited = "term.definition_edited"

	TypeProjectCloned = "project.cloned"
)

// TermAdded (term.added) adds a term by hand. A hand-added term stays in the
// project's terms across re-extractions until it is deleted.
type TermAdded struct {
	TermText string `json:"term_text"`
	Category string `json:"category"`
	UserNote string `json:"user_note,omitempty"`
}

// TermUpdated (term.updated) edits a term; nil fields are unchanged. A new
// text renames the term: its note, category, required flag and synonym
// memberships move to the new text, the old text is deleted, and the new
// one is kept as a hand-added term.
type TermUpdated struct {
	TermText string  `json:"term_text"`
	NewText  *string `json:"new_text,omitempty"`
	Category *string `json:"category,omitempty"`
	UserNote *string `json:"user_note,omitempty"`
}

// TermDeleted (term.deleted) removes a term from the current terms (and
// from the hand-added and required terms). A later extraction may find it
// again; exclude a term to keep it out for good.
type TermDeleted struct {
	TermText string `json:"term_text"`
}

// TermExcluded (term.excluded) keeps a term out of the glossary from now on
// (it also stops being required).
type TermExcluded struct {
	TermText string `json:"term_text"`
	Reason   string `json:"reason,omitempty"`
}

// TermUnexcluded (term.unexcluded) lifts an exclusion.
type TermUnexcluded struct {
	TermText string `json:"term_text"`
}

// TermRequired (term.required) makes a term always kept by extraction,
// found in the documents or not (it also stops being excluded).
type TermRequired struct {
	TermText string `json:"term_text"`
}

// TermUnrequired (term.unrequired) makes a required term ordinary again.
type TermUnrequired struct {
	TermText string `json:"term_text"`
}

// TermSynonymsSet (term.synonyms_set) creates or replaces synonym group
// GroupID: Members are other spellings of Primary; their occurrences count
// for Primary and they become its aliases.
type TermSynonymsSet struct {
	GroupID string   `json:"group_id"`
	Primary string   `json:"primary"`
	Members []string `json:"members"`
}

// TermSynonymsRemoved (term.synonyms_removed) removes synonym group GroupID.
type TermSynonymsRemoved struct {
	GroupID string `json:"group_id"`
}

// TermDefinitionEdited (term.definition_edited) edits the current
// provisional entry of TermName; nil fields are unchanged. Confidence is
// in [0,1]. The edit lasts until the next provisional result replaces the
// entry (a regenerated entry starts from the engine's answer).
type TermDefinitionEdited struct {
	TermName   string   `json:"term_name"`
	Definition *string  `json:"definition,omitempty"`
	Confidence *float64 `json:"confidence,omitempty"`
}

// ProjectCloned (project.cloned) imports another project's current step
// outputs into this (new) project, each as a [RunResult] whose artifacts,
// if any, are under this project's id. UpToDate says the source's results
// reflected its inputs, so the clone starts up to date.
type ProjectCloned struct {
	SourceProjectID string      `json:"source_project_id"`
	Results         []RunResult `json:"results"`
	UpToDate        bool        `json:"up_to_date"`
}

// Type implements [Data].
func (TermAdded) Type() string { return TypeTermAdded }

// Type implements [Data].
func (TermUpdated) Type() string { return TypeTermUpdated }

// Type implements [Data].
func (TermDeleted) Type() string { return TypeTermDeleted }

// Type implements [Data].
func (TermExcluded) Type() string { return TypeTermExcluded }

// Type implements [Data].
func (TermUnexcluded) Type() string { return TypeTermUnexcluded }

// Type implements [Data].
func (TermRequired) Type() string { return TypeTermRequired }

// Type implements [Data].
func (TermUnrequired) Type() string { return TypeTermUnrequired }

// Type implements [Data].
func (TermSynonymsSet) Type() string { return TypeTermSynonymsSet }

// Type implements [Data].
func (TermSynonymsRemoved) Type() string { return TypeTermSynonymsRemoved }

// Type implements [Data].
func (TermDefinitionEdited) Type() string { return TypeTermDefinitionEdited }

// Type implements [Data].
func (ProjectCloned) Type() string { return TypeProjectCloned }
