// Package graph stores dipgraph records in Neo4j and reads them back. It is
// the only package that speaks to the Neo4j driver: the rest of the program
// sees records going in and plain Go values coming out.
//
// The graph it writes, which the canned queries rely on:
//
//	(:Article {id, title, source, published, url, path})
//	(:Actor:Person|Country|Organization|Group|Place {id, name, aliases, country})
//	(:Meeting {id, date, place, format, modality})
//	(:Article)-[:MENTIONS]->(:Actor)
//	(:Actor)-[:MET_WITH|BACKS|... {key, article, date, place, modality,
//	         confidence, cameo, role, sentences, starts, ends}]->(:Actor)
//	(:Actor)-[:ATTENDED]->(:Meeting)-[:HELD_IN]->(:Actor)
//	(:Article)-[:REPORTED]->(:Meeting)
//
// Each relation is one claim of one article, so the same fact told by two
// articles is two relationships, each with its evidence: the sentences
// and their offsets (starts, ends) in the article's text. Dates are ISO
// strings of the precision the text gave (2024-07-24, 2024-07, 2024) or
// empty; places are actor ids or empty.
package graph

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Config says where the database is and who connects to it.
type Config struct {
	URI      string // e.g. bolt://localhost:7687
	Username string
	Password string
	Database string // empty for the server's default database
	// RetryTime is how long a write keeps being retried while the server
	// cannot be reached or is restarting; zero means DefaultRetryTime.
	// Open does not retry: a server that is not running at the start is
	// reported at once.
	RetryTime time.Duration
}

// DefaultRetryTime is how long writes ride out an unreachable server when
// Config.RetryTime is zero: long enough for a restart.
const DefaultRetryTime = 2 * time.Minute

// ErrUnreachable is wrapped by the errors of Open and of DB's methods when
// no server answers at the configured URI, so that callers (tests, mostly)
// can tell "nothing is running" from "something is wrong".
var ErrUnreachable = errors.New("cannot reach Neo4j")

// DB is an open connection pool to one Neo4j database.
type DB struct {
	// BatchSize is how many rows Load sends per statement; zero means 500.
	BatchSize int

	driver neo4j.DriverWithContext
	config Config

	schemaMu    sync.Mutex
	schemaReady bool
}

// Open connects to the database of c and checks that it answers, so that a
// wrong address, password or database name is reported here, in words a
// user can act on, rather than at the first query.
func Open(ctx context.Context, c Config) (*DB, error) {
	if c.RetryTime <= 0 {
		c.RetryTime = DefaultRetryTime
	}
	driver, err := neo4j.NewDriverWithContext(c.URI, neo4j.BasicAuth(c.Username, c.Password, ""),
		func(dc *neo4j.Config) { dc.MaxTransactionRetryTime = c.RetryTime })
	if err != nil {
		return nil, fmt.Errorf("neo4j at %s: %w", c.URI, err)
	}
	db := &DB{driver: driver, config: c}
	if err := db.ping(ctx); err != nil {
		driver.Close(ctx)
		return nil, err
	}
	return db, nil
}

// ping verifies the connection and the credentials, then runs a trivial
// query because only a query tells whether the database exists. Neither
// step retries, so an unreachable server fails fast.
func (db *DB) ping(ctx context.Context) error {
	if err := db.driver.VerifyConnectivity(ctx); err != nil {
		return db.explain("connect", err)
	}
	session := db.session(ctx, neo4j.AccessModeRead)
	defer session.Close(ctx)
	res, err := session.Run(ctx, "RETURN 1", nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		return db.explain("connect", err)
	}
	return nil
}

// Close releases the connections.
func (db *DB) Close(ctx context.Context) error {
	return db.driver.Close(ctx)
}

func (db *DB) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return db.driver.NewSession(ctx, neo4j.SessionConfig{
		AccessMode:   mode,
		DatabaseName: db.config.Database,
	})
}

// explain turns the driver's errors about connecting into messages that
// say what to do. It never mentions the password. Other errors are wrapped
// with what was being done.
func (db *DB) explain(doing string, err error) error {
	var (
		n4j     *neo4j.Neo4jError
		code    string
		badAuth *neo4j.InvalidAuthenticationError
		expired *neo4j.TokenExpiredError
		conn    *neo4j.ConnectivityError
		gaveUp  string
	)
	if last := lastAttempt(err); last != nil {
		err = last
		gaveUp = fmt.Sprintf(" (retried for %s)", db.config.RetryTime)
	}
	if errors.As(err, &n4j) {
		code = n4j.Code
	}
	switch {
	case errors.As(err, &badAuth), errors.As(err, &expired),
		code == "Neo.ClientError.Security.Unauthorized",
		code == "Neo.ClientError.Security.AuthenticationRateLimit":
		return fmt.Errorf("Neo4j at %s refused the credentials of user %q; set NEO4J_USERNAME/NEO4J_PASSWORD",
			db.config.URI, db.config.Username)
	case code == "Neo.ClientError.Database.DatabaseNotFound":
		return fmt.Errorf("Neo4j at %s has no database %q; set NEO4J_DATABASE to an existing one (empty for the server's default)",
			db.config.URI, db.config.Database)
	case errors.As(err, &conn):
		// conn.Inner says why, e.g. "dial tcp ...: connection refused".
		return fmt.Errorf("%w at %s%s: %v; start one with \"make neo4j-up\" (or \"docker compose up -d\")",
			ErrUnreachable, db.config.URI, gaveUp, conn.Inner)
	}
	return fmt.Errorf("%s%s: %w", doing, gaveUp, err)
}

// lastAttempt returns the error of the last attempt of a transaction that
// the driver gave up retrying when its time ran out, or nil if err is
// not about such a transaction.
func lastAttempt(err error) error {
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) && len(limit.Errors) > 0 {
		return limit.Errors[len(limit.Errors)-1]
	}
	return nil
}

// outage reports whether err says that the server could not be reached,
// went away or is not ready: what a restart looks like.
func outage(err error) bool {
	if last := lastAttempt(err); last != nil {
		err = last
	}
	var (
		conn *neo4j.ConnectivityError
		n4j  *neo4j.Neo4jError
	)
	return errors.As(err, &conn) || errors.As(err, &n4j) && n4j.IsRetriable()
}

// retrying runs fn, an idempotent write, again while it fails because the
// server is unreachable or restarting, for about Config.RetryTime. The
// driver retries a transaction through such failures itself, except when
// the connection dies during a commit, which may or may not have landed:
// only the caller can know that running it again is safe.
func (db *DB) retrying(ctx context.Context, fn func() error) error {
	start := time.Now()
	for wait := time.Second; ; wait = min(2*wait, 10*time.Second) {
		err := fn()
		if err == nil || !outage(err) || time.Since(start)+wait > db.config.RetryTime {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(wait):
		}
	}
}

// Counts returns how many nodes and relationships the database holds.
func (db *DB) Counts(ctx context.Context) (nodes, relationships int64, err error) {
	res, err := db.Read(ctx, `
		CALL () { MATCH (n) RETURN count(n) AS nodes }
		CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
		RETURN nodes, relationships`, nil)
	if err != nil {
		return 0, 0, fmt.Errorf("count: %w", err)
	}
	return res.Rows[0][0].(int64), res.Rows[0][1].(int64), nil
}

// Clear deletes every node and relationship, keeping the schema. It exists
// for tests and for starting a graph over; it runs as one transaction, so
// it suits databases that fit in memory several times over.
func (db *DB) Clear(ctx context.Context) error {
	return db.write(ctx, "MATCH (n) DETACH DELETE n", nil)
}

// write runs one statement in a managed write transaction, which the driver
// retries on transient errors such as deadlocks and leader switches, and
// which is run again if the server goes away: every statement DB writes
// is idempotent.
func (db *DB) write(ctx context.Context, cypher string, params map[string]any) error {
	err := db.retrying(ctx, func() error {
		session := db.session(ctx, neo4j.AccessModeWrite)
		defer session.Close(ctx)
		_, err := session.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			res, err := tx.Run(ctx, cypher, params)
			if err != nil {
				return nil, err
			}
			return res.Consume(ctx)
		})
		return err
	})
	if err != nil {
		return db.explain("write", err)
	}
	return nil
}
