package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/browser"
	"github.com/dipgraph/dipgraph/queries"
)

type browseOptions struct {
	*globalOptions
	url    string
	serve  bool
	port   int
	params *paramFlags
}

func newBrowseCmd(io streams, g *globalOptions) *cobra.Command {
	opts := &browseOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "browse [QUERY]",
		Short: "Show the graph in Neo4j Browser: its address, guide, style and query links",
		Long: `browse prints the address of Neo4j Browser and how to load dipgraph's guide
and style into it. With --serve it also serves them, on localhost, which
Browser's default browser.remote_content_hostname_allowlist lets it load,
until interrupted.

With a query, browse prints a Browser link that opens with the query in
the editor, ready to run, its parameters (given as for ask) written into
it. Actor names go to Browser as given; the query matches them there.`,
		Example: `  dipgraph browse
  dipgraph browse --serve
  dipgraph browse met-with --actor putin`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeQueries,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				values, err := opts.params.values(cmd.Flags())
				if err != nil {
					return err
				}
				return browseQuery(io, opts, args[0], values)
			}
			return runBrowse(cmd.Context(), io, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.url, "url", "http://localhost:7474/browser/", "address of Neo4j Browser")
	f.BoolVar(&opts.serve, "serve", false, "serve the guide and style until interrupted")
	f.IntVar(&opts.port, "port", 7480, "port on localhost to serve the guide and style from, with --serve")
	opts.params = addParamFlags(f)
	return cmd
}

// browseQuery prints the Browser link that pre-fills the query.
func browseQuery(io streams, opts *browseOptions, name string, values map[string]string) error {
	q, err := queries.Get(name)
	if err != nil {
		return err
	}
	params, err := q.Bind(values)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(io.out, browser.EditURL(opts.url, browser.Inline(q, params)))
	return err
}

// runBrowse prints how to use Browser with dipgraph and, with --serve,
// serves the guide and style until ctx ends.
func runBrowse(ctx context.Context, io streams, opts *browseOptions) error {
	var ln net.Listener
	port := opts.port
	if opts.serve {
		var err error
		if ln, err = net.Listen("tcp", net.JoinHostPort("localhost", strconv.Itoa(port))); err != nil {
			return fmt.Errorf("serve the guide and style: %w", err)
		}
		defer ln.Close()
		port = ln.Addr().(*net.TCPAddr).Port
	}
	base := "http://localhost:" + strconv.Itoa(port)
	fmt.Fprintf(io.out, "Neo4j Browser: %s (user %s)\n\n", opts.url, opts.username)
	if opts.serve {
		fmt.Fprintf(io.out, "Serving dipgraph's guide and style at %s/ until interrupted. Run in Browser\n", base)
	} else {
		fmt.Fprintln(io.out, "dipgraph's guide and style: serve them with\n  dipgraph browse --serve\nthen run in Browser")
	}
	fmt.Fprintf(io.out, `  :style %[1]s/dipgraph.grass
  :play %[1]s/guide.html
or open %[2]s
(The style is also browser/dipgraph.grass in dipgraph's source: drop it onto the Browser window.)

A question as a Browser link: dipgraph browse met-with --actor putin
`, base, browser.PlayURL(opts.url, base+"/guide.html"))
	if !opts.serve {
		return nil
	}

	srv := &http.Server{Handler: browser.Handler(), ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
		srv.Close()
		<-served
		return nil
	}
}
