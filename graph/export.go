package graph

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/dipgraph/dipgraph"
)

// The export turns records into the nodes and relationships that Load
// would write, with the same ids, labels and properties, for tools that
// are not a running Neo4j: neo4j-admin's offline import, which builds a
// new database at many times the speed of any transaction, and the
// formats of other graph tools (see the Sink implementations).

// A Kind is a kind of node or relationship and the properties every one
// of them has, in a fixed order.
type Kind struct {
	// Name names a node kind by its specific label (Article, Person,
	// Meeting, ...) and a relationship kind by its type.
	Name string
	// Labels are a node's labels; nil for a relationship.
	Labels []string
	// Space is the id space of a node kind's ids; From and To those of a
	// relationship kind's ends. Ids are unique within a space: Article,
	// Actor or Meeting.
	Space, From, To string
	Props           []Property
}

// A Property is the name and type of a property: string, string[],
// double or long[] (as neo4j-admin names them).
type Property struct {
	Name, Type string
}

// An Element is a node (ID) or a relationship (Start, End), with the
// values of its kind's properties in order. A nil value is a property the
// element does not have.
type Element struct {
	ID, Start, End string
	Values         []any
}

// A Sink receives a graph: every node, then every relationship. Close
// ends it.
type Sink interface {
	Node(k *Kind, n Element) error
	Relationship(k *Kind, r Element) error
	Close() error
}

var (
	stringProps = func(names ...string) []Property {
		ps := make([]Property, len(names))
		for i, n := range names {
			ps[i] = Property{n, "string"}
		}
		return ps
	}
	// ArticleKind and the other kinds are the graph's schema as Load
	// writes it; the package's doc comment draws it.
	ArticleKind = &Kind{Name: "Article", Labels: []string{"Article"}, Space: "Article",
		Props: stringProps("id", "title", "source", "published", "url", "path", "hash")}
	MeetingKind = &Kind{Name: "Meeting", Labels: []string{"Meeting"}, Space: "Meeting",
		Props: stringProps("id", "date", "place", "format", "modality")}
	MentionsKind = &Kind{Name: "MENTIONS", From: "Article", To: "Actor"}
	AttendedKind = &Kind{Name: "ATTENDED", From: "Actor", To: "Meeting"}
	HeldInKind   = &Kind{Name: "HELD_IN", From: "Meeting", To: "Actor"}
	ReportedKind = &Kind{Name: "REPORTED", From: "Article", To: "Meeting"}
	// ActorKinds and ClaimKinds are indexed by label and relation type.
	ActorKinds = map[dipgraph.Label]*Kind{}
	ClaimKinds = map[dipgraph.RelationType]*Kind{}
)

func init() {
	for _, l := range dipgraph.Labels {
		ActorKinds[l] = &Kind{Name: string(l), Labels: []string{"Actor", string(l)}, Space: "Actor",
			Props: []Property{{"id", "string"}, {"name", "string"}, {"aliases", "string[]"}, {"country", "string"}}}
	}
	for _, t := range dipgraph.RelationTypes {
		ClaimKinds[t] = &Kind{Name: string(t), From: "Actor", To: "Actor", Props: []Property{
			{"key", "string"}, {"article", "string"}, {"date", "string"}, {"place", "string"},
			{"modality", "string"}, {"confidence", "double"}, {"cameo", "string"}, {"role", "string"},
			{"sentences", "string[]"}, {"starts", "long[]"}, {"ends", "long[]"},
		}}
	}
}

// Kinds returns every kind: nodes first, then relationships, in a stable
// order.
func Kinds() []*Kind {
	ks := []*Kind{ArticleKind}
	for _, l := range dipgraph.Labels {
		ks = append(ks, ActorKinds[l])
	}
	ks = append(ks, MeetingKind, MentionsKind, AttendedKind, HeldInKind, ReportedKind)
	for _, t := range dipgraph.RelationTypes {
		ks = append(ks, ClaimKinds[t])
	}
	return ks
}

// An Exporter sends to a Sink the graph that loading its records into an
// empty database would make. Articles go to the sink as they come;
// actors and meetings, which records share, are merged in memory and sent
// at the end, as are relationships, which wait in a temporary file so that
// every sink sees all nodes first. Memory grows with the number of actors
// and meetings, not of articles.
//
// Load lets the last record of an article win; an export cannot take back
// what it has sent, so an article given twice is an error.
type Exporter struct {
	sink     Sink
	articles map[string]bool
	actors   actorSet
	meetings map[string]*exportMeeting
	order    []string // meeting ids, first seen first
	spool    *os.File
	buf      *bufio.Writer
	enc      *gob.Encoder
}

// exportMeeting is a meeting as its latest record has it, and the
// articles that report it.
type exportMeeting struct {
	m         dipgraph.Meeting
	reporters []string
}

// spooled is a relationship waiting in the spool file.
type spooled struct {
	Kind string
	Element
}

func init() {
	gob.Register([]string{})
	gob.Register([]int64{})
}

// NewExporter returns an Exporter that sends to sink.
func NewExporter(sink Sink) (*Exporter, error) {
	f, err := os.CreateTemp("", "dipgraph-export-*.gob")
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	os.Remove(f.Name()) // the open file stays readable until closed
	buf := bufio.NewWriterSize(f, 1<<20)
	return &Exporter{
		sink:     sink,
		articles: map[string]bool{},
		actors:   actorSet{},
		meetings: map[string]*exportMeeting{},
		spool:    f,
		buf:      buf,
		enc:      gob.NewEncoder(buf),
	}, nil
}

// Add exports a record, validated as Load validates it.
func (e *Exporter) Add(rec dipgraph.Record) error {
	if err := check(rec); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	id := rec.Article.ID
	if e.articles[id] {
		return fmt.Errorf("export: article %q comes twice; an export is built from each article once", id)
	}
	for _, a := range rec.Actors {
		if err := e.actors.add(rec, a); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	e.articles[id] = true

	props := articleProps(rec.Article)
	if err := e.sink.Node(ArticleKind, Element{ID: id, Values: values(ArticleKind, id, props)}); err != nil {
		return err
	}
	mentioned := map[string]bool{}
	for _, a := range rec.Actors {
		if !mentioned[a.ID] {
			mentioned[a.ID] = true
			if err := e.relationship(MentionsKind, Element{Start: id, End: a.ID}); err != nil {
				return err
			}
		}
	}
	for _, c := range claimsOf(rec) {
		k := ClaimKinds[c.Type]
		if err := e.relationship(k, Element{Start: c.Source, End: c.Target, Values: values(k, "", c.props(id))}); err != nil {
			return err
		}
	}
	reported := map[string]bool{}
	for _, m := range rec.Meetings {
		em, ok := e.meetings[m.ID]
		if !ok {
			em = &exportMeeting{}
			e.meetings[m.ID] = em
			e.order = append(e.order, m.ID)
		}
		em.m = m
		if !reported[m.ID] && !slices.Contains(em.reporters, id) {
			em.reporters = append(em.reporters, id)
		}
		reported[m.ID] = true
	}
	return nil
}

func (e *Exporter) relationship(k *Kind, r Element) error {
	if err := e.enc.Encode(spooled{k.Name, r}); err != nil {
		return fmt.Errorf("export: spool: %w", err)
	}
	return nil
}

// Close sends the actors and meetings, then every relationship, and
// closes the sink.
func (e *Exporter) Close() error {
	defer e.spool.Close()
	for _, a := range e.actors.sorted() {
		k := ActorKinds[a.Label]
		if err := e.sink.Node(k, Element{ID: a.ID, Values: []any{a.ID, a.Name, a.Aliases, a.Country}}); err != nil {
			return err
		}
	}
	for _, id := range e.order {
		m := e.meetings[id].m
		if err := e.sink.Node(MeetingKind, Element{ID: id, Values: values(MeetingKind, id, meetingProps(m))}); err != nil {
			return err
		}
	}
	if err := e.replay(); err != nil {
		return err
	}
	for _, id := range e.order {
		em := e.meetings[id]
		for _, p := range union([]string{}, em.m.Participants) {
			if err := e.sink.Relationship(AttendedKind, Element{Start: p, End: id}); err != nil {
				return err
			}
		}
		if em.m.Place != "" {
			if err := e.sink.Relationship(HeldInKind, Element{Start: id, End: em.m.Place}); err != nil {
				return err
			}
		}
		for _, a := range em.reporters {
			if err := e.sink.Relationship(ReportedKind, Element{Start: a, End: id}); err != nil {
				return err
			}
		}
	}
	return e.sink.Close()
}

// replay sends the spooled relationships to the sink.
func (e *Exporter) replay() error {
	if err := e.buf.Flush(); err != nil {
		return fmt.Errorf("export: spool: %w", err)
	}
	if _, err := e.spool.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("export: spool: %w", err)
	}
	kinds := map[string]*Kind{}
	for _, k := range Kinds() {
		kinds[k.Name] = k
	}
	dec := gob.NewDecoder(bufio.NewReaderSize(e.spool, 1<<20))
	for {
		var s spooled
		if err := dec.Decode(&s); errors.Is(err, io.EOF) {
			return nil
		} else if err != nil {
			return fmt.Errorf("export: spool: %w", err)
		}
		if err := e.sink.Relationship(kinds[s.Kind], s.Element); err != nil {
			return err
		}
	}
}

// values orders props as k's properties, with id, when not empty, as the
// property "id".
func values(k *Kind, id string, props map[string]any) []any {
	vs := make([]any, len(k.Props))
	for i, p := range k.Props {
		if p.Name == "id" {
			vs[i] = id
			continue
		}
		vs[i] = props[p.Name]
	}
	return vs
}
