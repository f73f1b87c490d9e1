package graph

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/dipgraph/dipgraph"
)

// DefaultBatchSize is how many articles Load writes per transaction when
// DB.BatchSize is zero. Measured with dipgraph bench (see the README):
// below a thousand articles per transaction the fixed cost of a
// transaction shows; above, a transaction holds more memory and locks
// (some 14,000 relationships a thousand articles) for little more speed.
const DefaultBatchSize = 1000

// DefaultWriters is how many body transactions a Loader keeps in flight
// when asked for none in particular. On the two-core machine of the
// README's numbers two were no faster than one (100,000 articles, a new
// store each time: one writer 45-60 s, two 48-54 s): Neo4j runs each
// transaction on one core, and the second waits on the locks of the
// actors that both batches mention, or deadlocks on the actors of
// meetings and is retried after the driver's back-off of a second or
// more, which made the end of a load take 4-12 s instead of 2-4 s.
const DefaultWriters = 1

// Stats counts what a load wrote: distinct articles, actors, relation
// claims and meetings of each batch, summed over the batches, so an actor
// named in several batches counts once in each.
type Stats struct {
	Articles  int
	Actors    int
	Relations int
	Meetings  int
}

func (s *Stats) add(o Stats) {
	s.Articles += o.Articles
	s.Actors += o.Actors
	s.Relations += o.Relations
	s.Meetings += o.Meetings
}

// Load writes records to the graph. Loading is idempotent, and a record
// replaces what an earlier load of the same article wrote: its claims,
// mentions and reports are swept and written anew, so a re-extracted
// article never leaves stale or duplicated facts behind, and no other
// article's are touched. Actors are shared between articles and only ever
// gain aliases.
//
// Everything is validated before anything is written: an unknown label or
// relation type, or a relation, meeting or place naming an actor that its
// record does not list, is an error. Of several records for one article
// the last wins.
//
// Load writes DB.BatchSize articles per transaction, one batch after the
// other; a Loader writes a stream of records with several transactions in
// flight. A load that fails part way leaves the batches before the failure
// written; loading again completes it. Either way, it ends by recounting
// the actors it wrote (see statsCypher).
func (db *DB) Load(ctx context.Context, recs []dipgraph.Record) (Stats, error) {
	if err := validate(recs); err != nil {
		return Stats{}, fmt.Errorf("load: %w", err)
	}
	if err := db.ensureSchemaOnce(ctx); err != nil {
		return Stats{}, fmt.Errorf("load: %w", err)
	}
	var (
		total   Stats
		touched touched
	)
	err := func() error {
		for recs := range slices.Chunk(latest(recs), db.batchSize()) {
			b, err := plan(recs)
			if err != nil {
				return fmt.Errorf("load: %w", err)
			}
			if err := db.writeActors(ctx, b.actors); err != nil {
				return err
			}
			changed, err := db.writeBody(ctx, b)
			if err != nil {
				return err
			}
			touched.add(changed...)
			total.add(b.stats)
		}
		return nil
	}()
	return total, errors.Join(err, db.recount(ctx, touched.list()))
}

func (db *DB) batchSize() int {
	if db.BatchSize > 0 {
		return db.BatchSize
	}
	return DefaultBatchSize
}

// A Loader writes a stream of records in batches of DB.BatchSize
// articles, with several transactions in flight, so that a load keeps
// Neo4j busy while the caller extracts the next articles. It writes what
// Load writes, batch by batch: each batch is validated before it is
// written.
//
// Each batch is two transactions. The first merges its actors; these run
// one at a time, in batch order, because two transactions that extend the
// same actor's aliases at once would lose one of the additions, and only
// while no body transaction is in flight, because one that writes actors
// that a body transaction is linking deadlocks with it. Most batches of a
// long load add no actor (see Loader.written) and skip this transaction.
// The second writes articles, mentions, claims and meetings; these may run
// concurrently, which is safe because every article belongs to one
// transaction at a time (a batch waits while an earlier one in flight
// holds one of its articles, so the last record of an article still
// wins). They take their locks on actors in id order, but for the
// participants of meetings, on which they may deadlock; the driver then
// retries the transaction.
type Loader struct {
	db      *DB
	parent  context.Context // for the recount, which Close runs after an error too
	ctx     context.Context
	cancel  context.CancelCauseFunc
	size    int
	pending []dipgraph.Record

	planned chan *batch // to the actor writer, in batch order
	ready   chan *batch // to the body writers
	done    sync.WaitGroup

	// invalid is the error of a batch that could not be planned: the
	// batches before it are written, nothing after it.
	invalid error

	// written is what this Loader has written of up to rememberedActors
	// actors (the actor writer's alone), so that a batch leaves out the
	// actors it adds nothing to: the popular ones are named in every batch.
	written actorSet

	mu       sync.Mutex
	idle     *sync.Cond      // signalled when a batch leaves flight
	inflight map[string]bool // article ids of the batches being written
	stats    Stats

	touched touched // actors whose counts Close recomputes
}

// NewLoader starts a Loader with the given number of concurrent body
// writers; zero or less means DefaultWriters. Cancelling ctx stops it.
func (db *DB) NewLoader(ctx context.Context, writers int) *Loader {
	if writers <= 0 {
		writers = DefaultWriters
	}
	parent := ctx
	ctx, cancel := context.WithCancelCause(ctx)
	l := &Loader{
		db:       db,
		parent:   parent,
		ctx:      ctx,
		cancel:   cancel,
		size:     db.batchSize(),
		planned:  make(chan *batch, 1),
		ready:    make(chan *batch),
		written:  actorSet{},
		inflight: map[string]bool{},
	}
	l.idle = sync.NewCond(&l.mu)
	l.done.Add(1 + writers)
	go l.writeActors()
	for range writers {
		go l.writeBodies()
	}
	return l
}

// Add queues a record. It blocks while the writers are busy, so memory
// stays bounded whatever the length of the stream, and returns the error
// of an earlier batch, after which the Loader takes nothing more.
func (l *Loader) Add(rec dipgraph.Record) error {
	if l.invalid != nil {
		return l.invalid
	}
	l.pending = append(l.pending, rec)
	if len(l.pending) < l.size {
		return context.Cause(l.ctx)
	}
	return l.flush()
}

// flush plans the pending records as one batch and hands it on.
func (l *Loader) flush() error {
	if l.invalid != nil {
		return l.invalid
	}
	if len(l.pending) == 0 {
		return context.Cause(l.ctx)
	}
	b, err := plan(latest(l.pending))
	l.pending = nil
	if err != nil {
		l.invalid = fmt.Errorf("load: %w", err)
		return l.invalid
	}
	select {
	case l.planned <- b:
		return nil
	case <-l.ctx.Done():
		return context.Cause(l.ctx)
	}
}

// Close writes the records still queued, waits for every transaction,
// recounts the actors written (after an error too, for the batches that
// were) and returns what was written, with the first error if any. A
// Loader takes no record after Close.
func (l *Loader) Close() (Stats, error) {
	err := l.flush()
	close(l.planned)
	l.done.Wait()
	if cause := context.Cause(l.ctx); cause != nil && !errors.Is(cause, errClosed) {
		err = cause
	}
	l.cancel(errClosed)
	err = errors.Join(err, l.db.recount(l.parent, l.touched.list()))
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.stats, err
}

// errClosed is the cause a Loader's context ends with when it closes
// without an error.
var errClosed = errors.New("loader closed")

// writeActors writes the actors of each batch in turn, once no body
// transaction is in flight if the batch has any to write, then waits until
// none of the batch's articles is in flight and passes the batch to the
// body writers.
func (l *Loader) writeActors() {
	defer l.done.Done()
	defer close(l.ready)
	for b := range l.planned {
		if l.ctx.Err() != nil {
			continue // drain, so that flush never blocks
		}
		if err := l.db.ensureSchemaOnce(l.ctx); err != nil {
			l.cancel(fmt.Errorf("load: %w", err))
			continue
		}
		news := l.news(b.actors)
		if len(news) > 0 {
			l.mu.Lock()
			l.waitWhile(func() bool { return len(l.inflight) > 0 })
			l.mu.Unlock()
		}
		if err := l.db.writeActors(l.ctx, news); err != nil {
			l.cancel(err)
			continue
		}
		l.remember(news)
		l.mu.Lock()
		l.waitWhile(func() bool { return slices.ContainsFunc(b.ids, func(id string) bool { return l.inflight[id] }) })
		for _, id := range b.ids {
			l.inflight[id] = true
		}
		l.mu.Unlock()
		select {
		case l.ready <- b:
		case <-l.ctx.Done():
		}
	}
}

// waitWhile waits, with l.mu held, while busy reports true and the Loader
// runs; the body writers signal l.idle whenever a batch leaves flight.
func (l *Loader) waitWhile(busy func() bool) {
	for busy() && l.ctx.Err() == nil {
		l.idle.Wait()
	}
}

// rememberedActors bounds the memory of Loader.written: some hundred
// bytes an actor.
const rememberedActors = 200_000

// news returns the actors that add something to what the Loader wrote.
func (l *Loader) news(actors []*dipgraph.Actor) []*dipgraph.Actor {
	var news []*dipgraph.Actor
	for _, a := range actors {
		if !l.written.covers(a) {
			news = append(news, a)
		}
	}
	return news
}

// remember notes actors as written, forgetting all others when there are
// too many to remember.
func (l *Loader) remember(actors []*dipgraph.Actor) {
	if len(l.written)+len(actors) > rememberedActors {
		clear(l.written)
	}
	for _, a := range actors {
		l.written.merge(*a)
	}
}

func (l *Loader) writeBodies() {
	defer l.done.Done()
	for b := range l.ready {
		changed, err := l.db.writeBody(l.ctx, b)
		if err != nil {
			l.cancel(err)
		} else {
			l.touched.add(changed...)
		}
		l.mu.Lock()
		for _, id := range b.ids {
			delete(l.inflight, id)
		}
		if err == nil {
			l.stats.add(b.stats)
		}
		l.idle.Broadcast()
		l.mu.Unlock()
	}
}

// Wipe deletes every node and relationship, keeping the schema, like
// Clear, but in transactions of bounded size, so that it empties a graph
// of any size without holding it all in one transaction.
func (db *DB) Wipe(ctx context.Context) error {
	return db.autoCommit(ctx, "wipe", []string{
		"MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
		"MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS",
	})
}

// autoCommit runs statements of the form CALL ... IN TRANSACTIONS, which
// commit as they go and so run outside a managed transaction, and
// without its retries.
func (db *DB) autoCommit(ctx context.Context, what string, stmts []string) error {
	session := db.session(ctx, neo4j.AccessModeWrite)
	defer session.Close(ctx)
	for _, cypher := range stmts {
		res, err := session.Run(ctx, cypher, nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			return db.explain(what, err)
		}
	}
	return nil
}

// Labels and relationship types cannot be query parameters, so some
// statements are templates completed with a member of dipgraph.Labels or
// dipgraph.RelationTypes, and never with text from a record.
const (
	// articleCypher writes the articles, which locks them until the
	// transaction ends, and tells which of them an earlier load wrote
	// something for: only those need sweeping. An article's outgoing
	// relationships are its mentions and reports, and it mentions the
	// source of every claim it makes. The node's element id spares the
	// statements that follow, in the same transaction, an index lookup
	// per mention.
	articleCypher = `
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a += row.props
RETURN row.id AS id, elementId(a) AS node, EXISTS { (a)-->() } AS old`

	// mentionCypher creates the mentions of articles that sweepCypher
	// left with none, a row per actor, in actor order, so that concurrent
	// batches lock shared actors in the same order.
	mentionCypher = `
UNWIND $rows AS row
MATCH (x:Actor {id: row.actor})
UNWIND row.articles AS node
MATCH (a:Article)
WHERE elementId(a) = node
CREATE (a)-[:MENTIONS]->(x)`

	// meetingCypher writes a meeting with exactly the participants and
	// place of its latest record, and links the article that reports it.
	// A meeting may be reported by several articles, so it is merged and
	// its relationships reconciled rather than swept with one article.
	meetingCypher = `
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
)

// unmentionCypher deletes the mentions of articles that an earlier load
// wrote, in actor order, so that concurrent batches lock shared actors in
// the same order, and returns the actors: every actor an article made a
// claim about is one it mentions, so these are all the actors whose
// counts the sweep changes.
const unmentionCypher = `
UNWIND $rows AS row
MATCH (:Article {id: row.id})-[m:MENTIONS]->(x:Actor)
WITH m, x.id AS actor
ORDER BY actor
DELETE m
RETURN DISTINCT actor`

// sweepCypher deletes the rest of what earlier loads of some articles
// wrote: their reports, the meetings that only they reported and that
// their new records no longer report, and their claims, found through the
// index on each relation type's article property, so that sweeping an
// article costs the same however many claims its actors have.
var sweepCypher = func() string {
	var b strings.Builder
	b.WriteString(`
UNWIND $rows AS row
MATCH (a:Article {id: row.id})
CALL (a, row) {
  MATCH (a)-[p:REPORTED]->(m:Meeting)
  DELETE p
  WITH m
  WHERE NOT m.id IN row.meetings AND NOT EXISTS { (m)<-[:REPORTED]-() }
  DETACH DELETE m
}`)
	for _, t := range dipgraph.RelationTypes {
		fmt.Fprintf(&b, `
CALL (row) {
  MATCH ()-[r:%s {article: row.id}]->()
  DELETE r
}`, t)
	}
	return b.String()
}()

// actorCypher merges the actors of one label. An actor keeps the first
// non-empty name and country it was given; its aliases are the union of
// every article's. An actor the batch adds nothing to is only read, so
// that batches naming the same popular actors do not queue behind each
// other's write locks. A new or changed actor gets its keys anew.
var actorCypher = `
UNWIND $rows AS row
MERGE (n:Actor:%s {id: row.id})
ON CREATE SET n.name = row.name, n.country = row.country, n.aliases = row.aliases
WITH n, row
WHERE n.keys IS NULL
   OR (coalesce(n.name, '') = '' AND row.name <> '')
   OR (coalesce(n.country, '') = '' AND row.country <> '')
   OR any(x IN row.aliases WHERE NOT x IN coalesce(n.aliases, []))
SET n.name = CASE WHEN coalesce(n.name, '') = '' THEN row.name ELSE n.name END,
    n.country = CASE WHEN coalesce(n.country, '') = '' THEN row.country ELSE n.country END,
    n.aliases = coalesce(n.aliases, []) + [x IN row.aliases WHERE NOT x IN coalesce(n.aliases, [])]
WITH n
` + setKeysCypher

// setKeysCypher sets the keys of the actors n: every name the queries
// know an actor by, lower-cased, with and without diacritics, between
// bars: "|person:recep-tayyip-erdogan|recep tayyip erdogan|erdogan|
// erdoğan|...|". The names are the actor's id, name and aliases, and for
// a person the surname (the last word of the name, or its part after a
// hyphen: "assad" for Bashar al-Assad). Only names outside ASCII are
// folded, letter by letter: the rest are their own folding, and folding
// every name made loading twice as slow. A text index on keys finds an
// actor by any of them with one CONTAINS '|name|', in a few milliseconds
// however many actors the graph holds (see queries/).
const setKeysCypher = `WITH n, [k IN [n.id, n.name] +
  CASE WHEN n:Person THEN [last(split(n.name, ' ')), last(split(last(split(n.name, ' ')), '-'))] ELSE [] END +
  coalesce(n.aliases, []) WHERE k <> '' | replace(toLower(k), '|', ' ')] AS plain
WITH n, plain + [k IN plain WHERE NOT k =~ '[\\x00-\\x7f]*' | reduce(t = '', c IN split(normalize(k, NFD), '') |
  t + CASE WHEN c >= '\u0300' AND c <= '\u036f' THEN '' ELSE c END)] AS keys
SET n.keys = reduce(s = '|', k IN keys | CASE WHEN s CONTAINS '|' + k + '|' THEN s ELSE s + k + '|' END)`

// claimCypher creates the claims of articles that sweepCypher left with
// none, of every type in one statement. The type is a parameter ($(...)
// needs Neo4j 5.26), which is safe because check admits only the
// ontology's types. Rows come in actor order.
const claimCypher = `
UNWIND $rows AS row
MATCH (s:Actor {id: row.source})
MATCH (t:Actor {id: row.target})
CREATE (s)-[:$(row.type) {key: row.key, article: row.article, date: row.date, place: row.place,
  modality: row.modality, confidence: row.confidence, cameo: row.cameo, role: row.role,
  sentences: row.sentences, starts: row.starts, ends: row.ends}]->(t)`

// writeActors merges actors, in id order, in one transaction.
func (db *DB) writeActors(ctx context.Context, actors []*dipgraph.Actor) error {
	if len(actors) == 0 {
		return nil
	}
	rows := map[dipgraph.Label][]any{}
	for _, a := range actors {
		rows[a.Label] = append(rows[a.Label], map[string]any{
			"id":      a.ID,
			"name":    a.Name,
			"country": a.Country,
			"aliases": a.Aliases,
		})
	}
	return db.transact(ctx, "actors", func(tx neo4j.ManagedTransaction) error {
		for _, label := range dipgraph.Labels {
			if rows := rows[label]; len(rows) > 0 {
				if err := run(ctx, tx, fmt.Sprintf(actorCypher, label), map[string]any{"rows": rows}); err != nil {
					return fmt.Errorf("%s actors: %w", label, err)
				}
			}
		}
		return nil
	})
}

// writeBody writes the articles of a batch and everything they say, in
// one transaction: a few round trips whatever the batch's size. It
// returns the actors whose counts it changed (see statsCypher): the
// batch's, and those that the articles' earlier versions mentioned.
func (db *DB) writeBody(ctx context.Context, b *batch) (changed []string, err error) {
	err = db.transact(ctx, "articles", func(tx neo4j.ManagedTransaction) error {
		changed = changed[:0] // the driver may run this again
		res, err := tx.Run(ctx, articleCypher, map[string]any{"rows": b.articles})
		if err != nil {
			return fmt.Errorf("articles: %w", err)
		}
		written, err := res.Collect(ctx)
		if err != nil {
			return fmt.Errorf("articles: %w", err)
		}
		node := make(map[string]any, len(written))
		var sweep []any
		for _, rec := range written {
			id := rec.Values[0].(string)
			node[id] = rec.Values[1]
			if rec.Values[2].(bool) {
				sweep = append(sweep, map[string]any{"id": id, "meetings": b.reported[id]})
			}
		}
		if len(sweep) > 0 {
			res, err := tx.Run(ctx, unmentionCypher, map[string]any{"rows": sweep})
			if err == nil {
				var recs []*neo4j.Record
				recs, err = res.Collect(ctx)
				for _, rec := range recs {
					changed = append(changed, rec.Values[0].(string))
				}
			}
			if err != nil {
				return fmt.Errorf("sweep mentions: %w", err)
			}
			if err := run(ctx, tx, sweepCypher, map[string]any{"rows": sweep}); err != nil {
				return fmt.Errorf("sweep: %w", err)
			}
		}
		if len(b.mentions) > 0 {
			rows := make([]any, len(b.mentions))
			for i, m := range b.mentions {
				nodes := make([]any, len(m.articles))
				for j, id := range m.articles {
					nodes[j] = node[id]
				}
				rows[i] = map[string]any{"actor": m.actor, "articles": nodes}
			}
			if err := run(ctx, tx, mentionCypher, map[string]any{"rows": rows}); err != nil {
				return fmt.Errorf("mentions: %w", err)
			}
		}
		if len(b.claims) > 0 {
			if err := run(ctx, tx, claimCypher, map[string]any{"rows": b.claims}); err != nil {
				return fmt.Errorf("claims: %w", err)
			}
		}
		if len(b.meetings) > 0 {
			if err := run(ctx, tx, meetingCypher, map[string]any{"rows": b.meetings}); err != nil {
				return fmt.Errorf("meetings: %w", err)
			}
		}
		for _, m := range b.mentions {
			changed = append(changed, m.actor)
		}
		return nil
	})
	return changed, err
}

// transact runs fn in a managed write transaction, which the driver
// retries on transient errors such as deadlocks and leader switches.
func (db *DB) transact(ctx context.Context, what string, fn func(neo4j.ManagedTransaction) error) error {
	session := db.session(ctx, neo4j.AccessModeWrite)
	defer session.Close(ctx)
	_, err := session.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return nil, fn(tx)
	})
	if err != nil {
		return fmt.Errorf("load %s: %w", what, db.explain("write", err))
	}
	return nil
}

func run(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) error {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}

// A batch is the rows that write a set of records, one article each.
type batch struct {
	ids      []string            // the articles
	actors   []*dipgraph.Actor   // merged, by id
	articles []any               // rows of articleCypher
	reported map[string][]string // meeting ids by article
	mentions []mentions          // by actor
	claims   []any               // rows of claimCypher, by source, target, key
	meetings []any               // rows of meetingCypher
	stats    Stats
}

// validate checks records as plan does, and across them: an actor keeps
// one label in every record.
func validate(recs []dipgraph.Record) error {
	labels := map[string]dipgraph.Label{}
	for _, rec := range recs {
		if err := check(rec); err != nil {
			return err
		}
		for _, a := range rec.Actors {
			if l, ok := labels[a.ID]; ok && l != a.Label {
				return labelChange(rec, a, l)
			}
			labels[a.ID] = a.Label
		}
	}
	return nil
}

func labelChange(rec dipgraph.Record, a dipgraph.Actor, was dipgraph.Label) error {
	return fmt.Errorf("article %q: actor %q has label %s here but %s in an earlier record", rec.Article.ID, a.ID, a.Label, was)
}

// plan validates the records of one batch, one per article, and turns
// them into rows. Actors merge in record order, so that the first name
// given stays; the rows that lock actors are sorted by actor id, so that
// concurrent batches lock shared actors in the same order.
func plan(recs []dipgraph.Record) (*batch, error) {
	b := &batch{
		reported: map[string][]string{},
	}
	actors := actorSet{}
	meetingIDs := map[string]bool{}
	mentioned := map[string][]string{} // article ids by actor
	var claims []claimRow
	for _, rec := range recs {
		if err := check(rec); err != nil {
			return nil, err
		}
		for _, a := range rec.Actors {
			if err := actors.add(rec, a); err != nil {
				return nil, err
			}
			if ids := mentioned[a.ID]; len(ids) == 0 || ids[len(ids)-1] != rec.Article.ID {
				mentioned[a.ID] = append(ids, rec.Article.ID)
			}
		}
		for _, c := range claimsOf(rec) {
			claims = append(claims, claimRow{c, rec.Article.ID})
		}
		reported := []string{} // never nil: Cypher's IN null is null
		for _, m := range rec.Meetings {
			if !slices.Contains(reported, m.ID) {
				reported = append(reported, m.ID)
			}
			meetingIDs[m.ID] = true
			b.meetings = append(b.meetings, map[string]any{
				"id":           m.ID,
				"article":      rec.Article.ID,
				"participants": union([]string{}, m.Participants),
				"props":        meetingProps(m),
			})
		}
		b.ids = append(b.ids, rec.Article.ID)
		b.reported[rec.Article.ID] = reported
		b.articles = append(b.articles, map[string]any{"id": rec.Article.ID, "props": articleProps(rec.Article)})
	}

	for _, a := range actors.sorted() {
		b.actors = append(b.actors, a)
		b.mentions = append(b.mentions, mentions{actor: a.ID, articles: mentioned[a.ID]})
	}
	slices.SortFunc(claims, func(x, y claimRow) int {
		return cmp.Or(strings.Compare(x.Source, y.Source), strings.Compare(x.Target, y.Target), strings.Compare(x.key, y.key))
	})
	for _, c := range claims {
		row := c.props(c.article)
		row["type"], row["source"], row["target"] = string(c.Type), c.Source, c.Target
		b.claims = append(b.claims, row)
	}

	b.stats = Stats{Articles: len(recs), Actors: len(actors), Relations: len(claims), Meetings: len(meetingIDs)}
	return b, nil
}

// mentions are the articles of a batch that mention an actor.
type mentions struct {
	actor    string
	articles []string
}

type claimRow struct {
	*claim
	article string
}

// An actorSet merges the actors of several records as the graph does: the
// first non-empty name and country stay, aliases accumulate.
type actorSet map[string]*dipgraph.Actor

// add merges an actor of rec, which must keep the label it has in s.
func (s actorSet) add(rec dipgraph.Record, a dipgraph.Actor) error {
	if m, ok := s[a.ID]; ok && m.Label != a.Label {
		return labelChange(rec, a, m.Label)
	}
	s.merge(a)
	return nil
}

func (s actorSet) merge(a dipgraph.Actor) {
	m, ok := s[a.ID]
	if !ok {
		m = &dipgraph.Actor{ID: a.ID, Label: a.Label, Aliases: []string{}}
		s[a.ID] = m
	}
	m.Name = cmp.Or(m.Name, a.Name)
	m.Country = cmp.Or(m.Country, a.Country)
	m.Aliases = union(m.Aliases, a.Aliases)
}

// covers reports whether merging a into s would change nothing.
func (s actorSet) covers(a *dipgraph.Actor) bool {
	m, ok := s[a.ID]
	return ok && m.Label == a.Label &&
		(a.Name == "" || m.Name != "") && (a.Country == "" || m.Country != "") &&
		!slices.ContainsFunc(a.Aliases, func(x string) bool { return x != "" && !slices.Contains(m.Aliases, x) })
}

// sorted returns the actors in id order.
func (s actorSet) sorted() []*dipgraph.Actor {
	out := make([]*dipgraph.Actor, 0, len(s))
	for _, a := range s {
		out = append(out, a)
	}
	slices.SortFunc(out, func(x, y *dipgraph.Actor) int { return strings.Compare(x.ID, y.ID) })
	return out
}

// articleProps are the properties of an Article node. The hash is null,
// which removes an earlier one, when the record does not carry the text
// (records read from JSON Lines do not), because the graph then no longer
// knows which text it holds the facts of.
func articleProps(a dipgraph.Article) map[string]any {
	var hash any
	if a.Text != "" {
		hash = ArticleHash(a)
	}
	return map[string]any{
		"title":     a.Title,
		"source":    a.Source,
		"published": a.Published,
		"url":       a.URL,
		"path":      a.Path,
		"hash":      hash,
	}
}

func meetingProps(m dipgraph.Meeting) map[string]any {
	return map[string]any{
		"date":     m.Date,
		"place":    m.Place,
		"format":   m.Format,
		"modality": string(m.Modality),
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

// props are the properties of the claim's relationship. Evidence is
// stored as three parallel lists because a property cannot hold a list of
// maps.
func (c *claim) props(article string) map[string]any {
	sentences := make([]string, len(c.Evidence))
	starts := make([]int64, len(c.Evidence))
	ends := make([]int64, len(c.Evidence))
	for i, e := range c.Evidence {
		sentences[i], starts[i], ends[i] = e.Sentence, int64(e.Start), int64(e.End)
	}
	return map[string]any{
		"key":        c.key,
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
