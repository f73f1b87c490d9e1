package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/dipgraph/dipgraph/graph"
)

// streams are where a command reads and writes; tests give their own.
type streams struct {
	in       io.Reader
	out, err io.Writer
}

// exitError is an error already reported to the user: main exits non-zero
// without printing it again.
type exitError struct{ msg string }

func (e exitError) Error() string { return e.msg }

// globalOptions are the flags every command shares.
type globalOptions struct {
	quiet        bool
	uri          string
	username     string
	passwordFile string
	database     string
}

// localPassword is the password of the local Neo4j that `make neo4j-up`
// and docker-compose.yml start, documented in the README.
const localPassword = "dipgraph-local"

func newRootCmd(io streams) *cobra.Command {
	opts := &globalOptions{}
	root := &cobra.Command{
		Use:   "dipgraph",
		Short: "Turn news articles into a diplomatic-event graph in Neo4j",
		Long: `dipgraph reads news articles, extracts who met, backed, opposed or attacked
whom (when, where, and the sentence that says so) and loads the result into
Neo4j, where canned questions and Neo4j Browser answer from it.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(io.in)
	root.SetOut(io.out)
	root.SetErr(io.err)
	f := root.PersistentFlags()
	f.BoolVarP(&opts.quiet, "quiet", "q", false, "no progress or summary on stderr")
	f.StringVar(&opts.uri, "uri", env("NEO4J_URI", "bolt://localhost:7687"), "Neo4j URI (env NEO4J_URI)")
	f.StringVar(&opts.username, "username", env("NEO4J_USERNAME", "neo4j"), "Neo4j user (env NEO4J_USERNAME)")
	f.StringVar(&opts.passwordFile, "password-file", os.Getenv("NEO4J_PASSWORD_FILE"), "read the Neo4j password from this file (env NEO4J_PASSWORD_FILE; else env NEO4J_PASSWORD)")
	f.StringVar(&opts.database, "database", os.Getenv("NEO4J_DATABASE"), "Neo4j database (env NEO4J_DATABASE; default: the server's)")
	root.AddCommand(
		newExtractCmd(io, opts),
		newLoadCmd(io, opts),
		newSchemaCmd(io, opts),
		newAskCmd(io, opts),
		newBrowseCmd(io, opts),
		newEvalCmd(io, opts),
		newBenchCmd(io, opts),
		newExportCmd(io, opts),
	)
	return root
}

func env(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// graphConfig is the connection the flags and environment describe. The
// password comes from a file or NEO4J_PASSWORD, never from a flag, so that
// it stays out of shell history and process lists.
func (o *globalOptions) graphConfig() (graph.Config, error) {
	pw := os.Getenv("NEO4J_PASSWORD")
	if o.passwordFile != "" {
		b, err := os.ReadFile(o.passwordFile)
		if err != nil {
			return graph.Config{}, fmt.Errorf("read password file: %w", err)
		}
		pw = strings.TrimRight(string(b), "\r\n")
	}
	if pw == "" {
		pw = localPassword
	}
	return graph.Config{URI: o.uri, Username: o.username, Password: pw, Database: o.database}, nil
}

// openGraph connects to the Neo4j the flags and environment name.
func (o *globalOptions) openGraph(ctx context.Context) (*graph.DB, graph.Config, error) {
	cfg, err := o.graphConfig()
	if err != nil {
		return nil, cfg, err
	}
	db, err := graph.Open(ctx, cfg)
	return db, cfg, err
}

// showProgress reports whether progress belongs on w: a terminal, and not
// --quiet.
func (o *globalOptions) showProgress(w io.Writer) bool {
	f, ok := w.(*os.File)
	return !o.quiet && ok && term.IsTerminal(int(f.Fd()))
}
