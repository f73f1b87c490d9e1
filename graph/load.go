package graph

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"

	"github.com/dipgraph/dipgraph"
)

// DefaultBatchSize is how many rows Load sends per statement when
// DB.BatchSize is zero: big enough that round trips do not dominate, small
// enough that no transaction holds much memory or many locks.
const DefaultBatchSize = 500

// Stats counts what Load wrote: distinct articles, actors, relation claims
// and meetings.
type Stats struct {
	Articles  int
	Actors    int
	Relations int
	Meetings  int
}

// Load writes records to the graph. Loading is idempotent, and a record
// replaces what an earlier load of the same article wrote: its claims,
// mentions and reports that the record no longer has are deleted, so a
// re-extracted article never leaves stale or duplicated facts behind.
// Actors are shared between articles and only ever gain aliases.
//
// Everything is validated before anything is written: an unknown label or
// relation type, or a relation, meeting or place naming an actor that its
// record does not list, is an error. Of several records for one article
// the last wins.
//
// Rows go in batches of DB.BatchSize, one managed write transaction per
// batch and kind of statement, in an order that creates nodes before the
// relationships that need them. A load that fails part way leaves the
// batches before the failure written; loading again completes it.
func (db *DB) Load(ctx context.Context, recs []dipgraph.Record) (Stats, error) {
	p, err := plan(recs)
	if err != nil {
		return Stats{}, fmt.Errorf("load: %w", err)
	}
	if err := db.ensureSchemaOnce(ctx); err != nil {
		return Stats{}, fmt.Errorf("load: %w", err)
	}
	size := db.BatchSize
	if size <= 0 {
		size = DefaultBatchSize
	}
	for _, st := range p.statements {
		for rows := range slices.Chunk(st.rows, size) {
			if err := db.write(ctx, st.cypher, map[string]any{"rows": rows}); err != nil {
				return Stats{}, fmt.Errorf("load %s: %w", st.what, err)
			}
		}
	}
	return p.stats, nil
}

// A statement is one kind of write: Cypher that UNWINDs $rows, and the
// rows to send it.
type statement struct {
	what   string // for error messages, e.g. "MET_WITH relations"
	cypher string
	rows   []any
}

// A loadPlan is the statements that write a set of records, in order.
type loadPlan struct {
	statements []statement
	stats      Stats
}

// Labels and relationship types cannot be query parameters, so these
// statements are templates completed with a member of dipgraph.Labels or
// dipgraph.RelationTypes, and never with text from a record.
const (
	// An actor keeps the first non-empty name and country it was given;
	// its aliases are the union of every article's.
	actorCypher = `
UNWIND $rows AS row
MERGE (n:Actor:%s {id: row.id})
SET n.name = CASE WHEN coalesce(n.name, '') = '' THEN row.name ELSE n.name END,
    n.country = CASE WHEN coalesce(n.country, '') = '' THEN row.country ELSE n.country END,
    n.aliases = coalesce(n.aliases, []) + [x IN row.aliases WHERE NOT x IN coalesce(n.aliases, [])]`

	// Relations merge on their claim key, so a reload finds them again;
	// SET += overwrites every property, because every row has them all.
	relationCypher = `
UNWIND $rows AS row
MATCH (s:Actor {id: row.source})
MATCH (t:Actor {id: row.target})
MERGE (s)-[r:%s {key: row.key}]->(t)
SET r += row.props`
)

// articleCypher writes an article and replaces what an earlier version of
// it contributed. Its old claims are found through its old mentions (a
// claim's source is always mentioned), so they are swept before the
// mentions are, and need no index on a relationship property.
const articleCypher = `
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a += row.props
WITH a, row
CALL (a, row) {
  MATCH (a)-[:MENTIONS]->(:Actor)-[r]->(:Actor)
  WHERE r.article = row.id AND NOT r.key IN row.claims
  DELETE r
}
CALL (a, row) {
  MATCH (a)-[m:MENTIONS]->(x:Actor)
  WHERE NOT x.id IN row.actors
  DELETE m
}
CALL (a, row) {
  MATCH (a)-[p:REPORTED]->(m:Meeting)
  WHERE NOT m.id IN row.meetings
  DELETE p
  WITH m
  WHERE NOT EXISTS { (m)<-[:REPORTED]-(:Article) }
  DETACH DELETE m
}
CALL (a, row) {
  UNWIND row.actors AS id
  MATCH (x:Actor {id: id})
  MERGE (a)-[:MENTIONS]->(x)
}`

// meetingCypher writes a meeting with exactly the participants and place
// of its latest record, and links the article that reports it.
const meetingCypher = `
UNWIND $rows AS row
MERGE (m:Meeting {id: row.id})
SET m += row.props
WITH m, row
CALL (m, row) {
  MATCH (x:Actor)-[e:ATTENDED]->(m)
  WHERE NOT x.id IN row.participants
  DELETE e
}
CALL (m, row) {
  UNWIND row.participants AS id
  MATCH (x:Actor {id: id})
  MERGE (x)-[:ATTENDED]->(m)
}
CALL (m, row) {
  MATCH (m)-[h:HELD_IN]->(p:Actor)
  WHERE p.id <> row.props.place
  DELETE h
}
CALL (m, row) {
  MATCH (p:Actor {id: row.props.place})
  MERGE (m)-[:HELD_IN]->(p)
}
CALL (m, row) {
  MATCH (a:Article {id: row.article})
  MERGE (a)-[:REPORTED]->(m)
}`

// plan validates records and turns them into statements.
func plan(recs []dipgraph.Record) (loadPlan, error) {
	for _, rec := range recs {
		if err := check(rec); err != nil {
			return loadPlan{}, err
		}
	}
	recs = latest(recs)

	var (
		actors    = map[string]*dipgraph.Actor{} // merged across records
		actorIDs  []string                       // in first-seen order
		articles  []any
		relations = map[dipgraph.RelationType][]any{}
		meetings  []any
		meetingID = map[string]bool{}
		stats     Stats
	)
	for _, rec := range recs {
		mentioned := []string{} // never nil: Cypher's IN null is null
		for _, a := range rec.Actors {
			if !slices.Contains(mentioned, a.ID) {
				mentioned = append(mentioned, a.ID)
			}
			m, ok := actors[a.ID]
			if !ok {
				m = &dipgraph.Actor{ID: a.ID, Label: a.Label, Aliases: []string{}}
				actors[a.ID] = m
				actorIDs = append(actorIDs, a.ID)
			}
			if m.Label != a.Label {
				return loadPlan{}, fmt.Errorf("article %q: actor %q has label %s here but %s in an earlier record", rec.Article.ID, a.ID, a.Label, m.Label)
			}
			if m.Name == "" {
				m.Name = a.Name
			}
			if m.Country == "" {
				m.Country = a.Country
			}
			m.Aliases = union(m.Aliases, a.Aliases)
		}

		claims := claimsOf(rec)
		keys := make([]string, len(claims))
		for i, c := range claims {
			keys[i] = c.key
			relations[c.Type] = append(relations[c.Type], c.row(rec.Article.ID))
		}
		stats.Relations += len(claims)

		reported := []string{}
		for _, m := range rec.Meetings {
			if !slices.Contains(reported, m.ID) {
				reported = append(reported, m.ID)
			}
			meetingID[m.ID] = true
			meetings = append(meetings, map[string]any{
				"id":           m.ID,
				"article":      rec.Article.ID,
				"participants": union([]string{}, m.Participants),
				"props": map[string]any{
					"date":     m.Date,
					"place":    m.Place,
					"format":   m.Format,
					"modality": string(m.Modality),
				},
			})
		}

		a := rec.Article
		articles = append(articles, map[string]any{
			"id": a.ID,
			"props": map[string]any{
				"title":     a.Title,
				"source":    a.Source,
				"published": a.Published,
				"url":       a.URL,
				"path":      a.Path,
			},
			"actors":   mentioned,
			"claims":   keys,
			"meetings": reported,
		})
	}

	var p loadPlan
	for _, label := range dipgraph.Labels {
		var rows []any
		for _, id := range actorIDs {
			if a := actors[id]; a.Label == label {
				rows = append(rows, map[string]any{
					"id":      a.ID,
					"name":    a.Name,
					"country": a.Country,
					"aliases": a.Aliases,
				})
			}
		}
		p.add(string(label)+" actors", fmt.Sprintf(actorCypher, label), rows)
	}
	p.add("articles", articleCypher, articles)
	for _, t := range dipgraph.RelationTypes {
		p.add(string(t)+" relations", fmt.Sprintf(relationCypher, t), relations[t])
	}
	p.add("meetings", meetingCypher, meetings)

	stats.Articles = len(articles)
	stats.Actors = len(actorIDs)
	stats.Meetings = len(meetingID)
	p.stats = stats
	return p, nil
}

func (p *loadPlan) add(what, cypher string, rows []any) {
	if len(rows) > 0 {
		p.statements = append(p.statements, statement{what: what, cypher: cypher, rows: rows})
	}
}

// check validates what Load would otherwise have to trust: the closed
// lists of labels and relation types, and that every actor a relation or
// meeting names is one of its record's actors. A dangling id would
// otherwise make a MATCH find nothing and the fact vanish silently.
func check(rec dipgraph.Record) error {
	art := rec.Article.ID
	if art == "" {
		return fmt.Errorf("a record has no article id (title %q)", rec.Article.Title)
	}
	known := func(id string) bool {
		_, ok := rec.Actor(id)
		return ok
	}
	for _, a := range rec.Actors {
		if a.ID == "" {
			return fmt.Errorf("article %q: actor %q has no id", art, a.Name)
		}
		if !a.Label.Valid() {
			return fmt.Errorf("article %q: actor %q has label %q, which is not one of %v", art, a.ID, a.Label, dipgraph.Labels)
		}
	}
	for i, r := range rec.Relations {
		if !r.Type.Valid() {
			return fmt.Errorf("article %q: relation %d has type %q, which is not one of %v", art, i, r.Type, dipgraph.RelationTypes)
		}
		for _, id := range []string{r.Source, r.Target} {
			if !known(id) {
				return fmt.Errorf("article %q: relation %d (%s) names actor %q, which the record does not list", art, i, r.Type, id)
			}
		}
		if r.Place != "" && !known(r.Place) {
			return fmt.Errorf("article %q: relation %d (%s) has place %q, which the record does not list as an actor", art, i, r.Type, r.Place)
		}
	}
	for _, m := range rec.Meetings {
		if m.ID == "" {
			return fmt.Errorf("article %q: a meeting has no id", art)
		}
		for _, id := range m.Participants {
			if !known(id) {
				return fmt.Errorf("article %q: meeting %q names participant %q, which the record does not list", art, m.ID, id)
			}
		}
		if m.Place != "" && !known(m.Place) {
			return fmt.Errorf("article %q: meeting %q has place %q, which the record does not list as an actor", art, m.ID, m.Place)
		}
	}
	return nil
}

// latest keeps the last record of each article, in the order the articles
// first appear.
func latest(recs []dipgraph.Record) []dipgraph.Record {
	index := map[string]int{}
	var out []dipgraph.Record
	for _, rec := range recs {
		if i, ok := index[rec.Article.ID]; ok {
			out[i] = rec
			continue
		}
		index[rec.Article.ID] = len(out)
		out = append(out, rec)
	}
	return out
}

// A claim is one relation as stored: one relationship per article, type,
// pair of actors, modality and date.
type claim struct {
	dipgraph.Relation
	key string
}

// claimsOf returns the claims of a record. Symmetric relations get their
// actors in id order, so that "A met B" and "B met A" are one claim.
// Relations that make the same claim are merged: their evidence is pooled
// and the higher confidence kept, so that no sentence is lost.
func claimsOf(rec dipgraph.Record) []*claim {
	var claims []*claim
	byKey := map[string]*claim{}
	for _, r := range rec.Relations {
		if r.Type.Symmetric() && r.Source > r.Target {
			r.Source, r.Target = r.Target, r.Source
		}
		key := claimKey(rec.Article.ID, r)
		c, ok := byKey[key]
		if !ok {
			r.Evidence = slices.Clone(r.Evidence)
			c = &claim{Relation: r, key: key}
			byKey[key] = c
			claims = append(claims, c)
			continue
		}
		for _, e := range r.Evidence {
			if !slices.Contains(c.Evidence, e) {
				c.Evidence = append(c.Evidence, e)
			}
		}
		c.Confidence = max(c.Confidence, r.Confidence)
		c.Place = cmp.Or(c.Place, r.Place)
		c.CAMEO = cmp.Or(c.CAMEO, r.CAMEO)
		c.Role = cmp.Or(c.Role, r.Role)
	}
	return claims
}

// claimKey identifies a claim: a hash of what makes two relations the same
// fact as told by the same article.
func claimKey(article string, r dipgraph.Relation) string {
	h := sha256.New()
	for _, f := range []string{string(r.Type), r.Source, r.Target, string(r.Modality), r.Date, article} {
		h.Write([]byte(f))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// row is the claim as a row of relationCypher. Evidence is stored as three
// parallel lists because a property cannot hold a list of maps.
func (c *claim) row(article string) map[string]any {
	sentences := make([]string, len(c.Evidence))
	starts := make([]int64, len(c.Evidence))
	ends := make([]int64, len(c.Evidence))
	for i, e := range c.Evidence {
		sentences[i], starts[i], ends[i] = e.Sentence, int64(e.Start), int64(e.End)
	}
	return map[string]any{
		"source": c.Source,
		"target": c.Target,
		"key":    c.key,
		"props": map[string]any{
			"article":    article,
			"date":       c.Date,
			"place":      c.Place,
			"modality":   string(c.Modality),
			"confidence": c.Confidence,
			"cameo":      c.CAMEO,
			"role":       c.Role,
			"sentences":  sentences,
			"starts":     starts,
			"ends":       ends,
		},
	}
}

// union appends to list the members of more it lacks, skipping empty
// strings.
func union(list, more []string) []string {
	for _, s := range more {
		if s != "" && !slices.Contains(list, s) {
			list = append(list, s)
		}
	}
	return list
}
