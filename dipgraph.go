// Package dipgraph holds the domain of the diplomatic-event graph: articles,
// the actors they mention, the relations between those actors and the
// meetings they report. The subpackages adapt it to the outside world:
// extract reads text into it, graph writes it to Neo4j, queries asks
// questions of what graph wrote.
package dipgraph

import "slices"

// Schema names the version of the extraction record (spec/extract-output.md).
const Schema = "dipgraph.extract/v1"

// Label is the kind of an actor; it becomes the node label in Neo4j.
type Label string

// The actor labels of the ontology. Nothing else may become a node label.
const (
	Person       Label = "Person"
	Country      Label = "Country"
	Organization Label = "Organization"
	Group        Label = "Group"
	Place        Label = "Place"
)

// Labels is the closed list of actor labels.
var Labels = []Label{Person, Country, Organization, Group, Place}

// Valid reports whether l is one of the ontology's labels.
func (l Label) Valid() bool { return slices.Contains(Labels, l) }

// RelationType is the type of a relation between actors; it becomes the
// relationship type in Neo4j.
type RelationType string

// The relation types of the ontology.
const (
	MetWith         RelationType = "MET_WITH"
	SpokeWith       RelationType = "SPOKE_WITH"
	Visited         RelationType = "VISITED"
	Backs           RelationType = "BACKS"
	Opposes         RelationType = "OPPOSES"
	CooperatesWith  RelationType = "COOPERATES_WITH"
	Mediates        RelationType = "MEDIATES"
	SignedAgreement RelationType = "SIGNED_AGREEMENT"
	Accused         RelationType = "ACCUSED"
	Threatened      RelationType = "THREATENED"
	Sanctioned      RelationType = "SANCTIONED"
	Attacked        RelationType = "ATTACKED"
	ShotDown        RelationType = "SHOT_DOWN"
	Controls        RelationType = "CONTROLS"
	LeaderOf        RelationType = "LEADER_OF"
	MemberOf        RelationType = "MEMBER_OF"
)

// RelationTypes is the closed list of relation types. Cypher text only ever
// names a relationship type taken from this list.
var RelationTypes = []RelationType{
	MetWith, SpokeWith, Visited, Backs, Opposes, CooperatesWith, Mediates,
	SignedAgreement, Accused, Threatened, Sanctioned, Attacked, ShotDown,
	Controls, LeaderOf, MemberOf,
}

// Valid reports whether t is one of the ontology's relation types.
func (t RelationType) Valid() bool { return slices.Contains(RelationTypes, t) }

// Symmetric reports whether the relation has no direction. Symmetric
// relations are stored once, with their two actors in a stable order.
func (t RelationType) Symmetric() bool {
	switch t {
	case MetWith, SpokeWith, CooperatesWith, SignedAgreement:
		return true
	}
	return false
}

// Modality says whether a relation happened.
type Modality string

// The modalities of the ontology. Only Asserted facts happened.
const (
	Asserted Modality = "asserted"
	Negated  Modality = "negated"
	Possible Modality = "possible"
	Planned  Modality = "planned"
	Proposed Modality = "proposed"
)

// Article is one news article as read from the input.
type Article struct {
	ID        string `json:"id"`
	Path      string `json:"path"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	Published string `json:"published"`
	URL       string `json:"url"`

	// Text is the article body; evidence offsets point into it.
	Text string `json:"-"`
}

// Actor is a person, country, organization, group or place. Its ID is the
// same in every article that names it, so that loads merge on it.
type Actor struct {
	ID      string   `json:"id"`
	Label   Label    `json:"label"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Country string   `json:"country,omitempty"`
}

// Evidence is the sentence that supports a fact. Start and End are offsets
// in Unicode code points into the article text.
type Evidence struct {
	Sentence string `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
}

// Relation is a typed fact between two actors of one article.
type Relation struct {
	Type       RelationType `json:"type"`
	Source     string       `json:"source"`
	Target     string       `json:"target"`
	Date       string       `json:"date,omitempty"`
	Place      string       `json:"place,omitempty"`
	Modality   Modality     `json:"modality"`
	Confidence float64      `json:"confidence"`
	CAMEO      string       `json:"cameo,omitempty"`
	Role       string       `json:"role,omitempty"`
	Evidence   []Evidence   `json:"evidence"`
}

// Meeting is an n-ary meeting event; MET_WITH relations are derived from
// its participants.
type Meeting struct {
	ID           string   `json:"id"`
	Date         string   `json:"date,omitempty"`
	Place        string   `json:"place,omitempty"`
	Participants []string `json:"participants"`
	Format       string   `json:"format"`
	Modality     Modality `json:"modality"`
}

// Record is what extraction makes of one article: the line that
// `dipgraph extract --format jsonl` writes and `dipgraph load` reads.
type Record struct {
	Schema    string     `json:"schema"`
	Article   Article    `json:"article"`
	Actors    []Actor    `json:"actors"`
	Relations []Relation `json:"relations"`
	Meetings  []Meeting  `json:"meetings"`
}

// Actor returns the actor of r with the given id.
func (r *Record) Actor(id string) (Actor, bool) {
	for _, a := range r.Actors {
		if a.ID == id {
			return a, true
		}
	}
	return Actor{}, false
}
