# dipgraph: the README names these targets. `make demo` and `make test` do
# their own set-up, Neo4j included, on a fresh machine.

GO ?= go
BIN := bin/dipgraph
NEO4J_PASSWORD ?= dipgraph-local
export NEO4J_PASSWORD
TESTFLAGS ?=

.PHONY: all build test unit bench demo neo4j-up neo4j-down neo4j-status vet fmt clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/dipgraph

# Neo4j however this machine can: Docker Compose where a Docker engine
# answers, else a real Neo4j Community server built from Maven Central jars.
neo4j-up:
	@if docker info >/dev/null 2>&1; then docker compose up -d --wait; else scripts/neo4j up; fi

neo4j-down:
	@if docker info >/dev/null 2>&1; then docker compose down; else scripts/neo4j down; fi

neo4j-status:
	@scripts/neo4j status

# Unit tests need no database; the integration tests talk to the Neo4j
# that neo4j-up starts and wipe it first.
test: neo4j-up
	$(GO) vet ./...
	$(GO) test -count=1 $(TESTFLAGS) ./...

unit:
	$(GO) test -count=1 -short ./...

# The README's speed numbers: extraction, loading and query latency on
# BENCH_ARTICLES articles (the Wikinews corpus, repeated), against a Neo4j
# of its own under .neo4j/bench on ports 17687 and 17474, because bench
# wipes its database. It gets a 2 GB heap and a 2 GB page cache, which
# holds the 1.5 GB store of 100,000 articles in memory, as a production
# server would be sized. The server stops afterwards.
BENCH_ARTICLES ?= 100000
BENCHFLAGS ?=
BENCH_NEO4J := DIPGRAPH_NEO4J_DIR=$(CURDIR)/.neo4j/bench NEO4J_BOLT_PORT=17687 NEO4J_HTTP_PORT=17474 \
	NEO4J_PAGECACHE=2g NEO4J_JAVA_OPTS="-Xms2g -Xmx2g"

bench: build
	$(BENCH_NEO4J) scripts/neo4j up
	NEO4J_URI=bolt://127.0.0.1:17687 NEO4J_DATABASE= $(BIN) bench --clear --articles $(BENCH_ARTICLES) $(BENCHFLAGS); \
	status=$$?; $(BENCH_NEO4J) scripts/neo4j down; exit $$status

# Load the seed articles, with their publication dates, and ask the
# canned questions.
demo: neo4j-up build
	$(BIN) load testdata/eval/seeds.jsonl
	@echo
	@echo "== Who met whom"
	$(BIN) ask met-with
	@echo
	@echo "== Whom Putin met"
	$(BIN) ask met-with --actor putin
	@echo
	@echo "== Erdogan's timeline"
	$(BIN) ask timeline --actor erdogan
	@echo
	@echo "== The evidence that Russia backs Assad"
	$(BIN) ask evidence --source russia --target assad --type BACKS
	@echo
	@echo "== Hostile acts"
	$(BIN) ask hostile-acts
	@echo
	@echo "== Country roll-up: what Russia did, counting its leaders"
	$(BIN) ask countries --country russia
	@echo
	$(BIN) browse

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l .)" || (gofmt -l .; exit 1)

clean:
	rm -rf bin
