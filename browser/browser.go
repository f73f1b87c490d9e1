// Package browser brings the graph to Neo4j Browser: a guide that walks a
// new user through it with the canned queries as runnable frames, a style
// (GraSS) that colours each label and captions nodes by name and
// relationships by type and date, and links that open Browser with a
// query in the editor.
//
// Browser loads a guide with ":play URL" and a style with ":style URL"
// from hosts its browser.remote_content_hostname_allowlist names, which
// by default include localhost; Handler serves both for that.
package browser

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/queries"
)

// style is the Browser style of the graph, in GraSS.
//
//go:embed dipgraph.grass
var style []byte

//go:embed guide.html
var guideSource string

var guide = template.Must(template.New("guide").Funcs(template.FuncMap{"query": frame}).Parse(guideSource))

// A queryFrame is what the guide shows of a canned query: the command
// that sets its parameters to the values of its example, and the query.
type queryFrame struct {
	queries.Query
	SetParams string
}

// frame returns the guide's frame for the named query, with the values of
// its example.
func frame(name string) (queryFrame, error) {
	q, err := queries.Get(name)
	if err != nil {
		return queryFrame{}, err
	}
	values, err := q.ExampleValues()
	if err != nil {
		return queryFrame{}, err
	}
	params, err := q.Bind(values)
	if err != nil {
		return queryFrame{}, err
	}
	return queryFrame{Query: q, SetParams: Params(q, params)}, nil
}

// Guide writes the guide, an HTML page of slides in the format that
// Browser's ":play URL" plays. base is the address it is served from,
// where its link to the style points.
func Guide(w io.Writer, base string) error {
	return guide.Execute(w, struct{ Base string }{strings.TrimSuffix(base, "/")})
}

// Handler serves the guide at /guide.html and the style at /dipgraph.grass
// to Neo4j Browser, which fetches them from its own page, from another
// origin: hence the answers to CORS preflight requests and the CORS header.
func Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /guide.html", func(w http.ResponseWriter, r *http.Request) {
		var b bytes.Buffer
		if err := Guide(&b, "http://"+r.Host); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(b.Bytes())
	})
	mux.HandleFunc("GET /dipgraph.grass", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write(style)
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		if r.Method == http.MethodOptions { // Browser's fetch asks first
			w.Header().Set("Access-Control-Allow-Methods", "GET")
			w.Header().Set("Access-Control-Allow-Headers", r.Header.Get("Access-Control-Request-Headers"))
			w.WriteHeader(http.StatusNoContent)
			return
		}
		mux.ServeHTTP(w, r)
	})
}

// Params returns the Browser command that sets the parameters of q to
// params, in the order q declares them: ":params {actor: 'putin', ...}".
func Params(q queries.Query, params map[string]any) string {
	var b strings.Builder
	b.WriteString(":params {")
	for i, p := range q.Params {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s: %s", p.Name, literal(params[p.Name]))
	}
	b.WriteString("}")
	return b.String()
}

// literal writes a parameter value as a Cypher literal.
func literal(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(v) + "'"
	case int64:
		return strconv.FormatInt(v, 10)
	}
	panic(fmt.Sprintf("browser: no Cypher literal for %T", v))
}

// Inline returns the Cypher of q with params written into it as
// literals: one statement that Browser runs and shows the answer of, in a
// table or a graph. (Browser's multi-statement editor could run ":params"
// first, but it shows a status for each statement instead of its answer.)
// A first comment line names the question.
func Inline(q queries.Query, params map[string]any) string {
	return "// " + q.Name + ": " + q.Description + "\n" +
		paramRef.ReplaceAllStringFunc(q.Cypher, func(ref string) string { return literal(params[ref[1:]]) })
}

// paramRef is a reference to a parameter in Cypher, as queries checks
// them: every one names a declared parameter.
var paramRef = regexp.MustCompile(`\$[A-Za-z_][A-Za-z0-9_]*`)

// EditURL returns the address of Browser, at base, that opens with text
// in its editor, for the user to run. Spaces are %20, not +, which not
// every decoder of a query string takes for a space.
func EditURL(base, text string) string {
	return base + "?cmd=edit&arg=" + strings.ReplaceAll(url.QueryEscape(text), "+", "%20")
}

// PlayURL returns the address of Browser, at base, that opens with the
// command that plays the guide at guideURL in its editor.
func PlayURL(base, guideURL string) string {
	return EditURL(base, ":play "+guideURL)
}
