// Command dipgraph turns news articles into a diplomatic-event knowledge
// graph in Neo4j and answers questions about it.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	cmd := newRootCmd(streams{in: os.Stdin, out: os.Stdout, err: os.Stderr})
	if err := cmd.ExecuteContext(ctx); err != nil {
		var silent exitError
		if !errors.As(err, &silent) {
			fmt.Fprintln(os.Stderr, "dipgraph:", err)
		}
		os.Exit(1)
	}
}
