package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newSchemaCmd(io streams, g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Create the graph's constraints and indexes in Neo4j",
		Long:  "schema creates the uniqueness constraints and indexes dipgraph relies on. load does it on first use; this does it explicitly. It is idempotent.",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			db, cfg, err := g.openGraph(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close(cmd.Context())
			if err := db.EnsureSchema(cmd.Context()); err != nil {
				return err
			}
			if !g.quiet {
				fmt.Fprintln(io.err, "schema ready at", cfg.URI)
			}
			return nil
		},
	}
}
