package browser

import (
	"context"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph"
	"github.com/dipgraph/dipgraph/internal/neo4jtest"
	"github.com/dipgraph/dipgraph/queries"
)

var quoted = queries.Query{Name: "q", Params: []queries.Param{
	{Name: "actor", Type: "actor"},
	{Name: "text", Type: "string"},
	{Name: "limit", Type: "int"},
	{Name: "offset", Type: "int"},
}}

// quotedParams are values that need escaping in a Cypher string.
var quotedParams = map[string]any{
	"actor": "Russia's President", "text": "back\\slash\n\"quoted\"\ttab", "limit": int64(10), "offset": nil,
}

func TestParams(t *testing.T) {
	got := Params(quoted, quotedParams)
	want := `:params {actor: 'Russia\'s President', text: 'back\\slash\n"quoted"\ttab', limit: 10, offset: null}`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestParamsInNeo4j has Neo4j evaluate the parameters as Browser does
// (it runs RETURN and the map) and checks that the values come back.
func TestParamsInNeo4j(t *testing.T) {
	db := neo4jtest.Open(t)
	res, err := db.Read(context.Background(), "RETURN "+strings.TrimPrefix(Params(quoted, quotedParams), ":params "), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Rows[0][0]; !reflect.DeepEqual(got, quotedParams) {
		t.Errorf("Neo4j read %#v\nwant %#v", got, quotedParams)
	}
}

func TestEditURL(t *testing.T) {
	script := ":params {actor: 'putin'};\nMATCH (a) WHERE a.name = $actor + '&x=1' RETURN a;\n"
	link := EditURL("http://localhost:7474/browser/", script)
	if !strings.HasPrefix(link, "http://localhost:7474/browser/?cmd=edit&arg=") || strings.ContainsAny(link, " +\n") {
		t.Errorf("link %s: want the editor command and no raw spaces, + or newlines", link)
	}
	u, err := url.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	if got := u.Query(); got.Get("cmd") != "edit" || got.Get("arg") != script {
		t.Errorf("link carries %v, want cmd=edit and the script", got)
	}
	if got := PlayURL("http://localhost:7474/browser/", "http://localhost:7480/guide.html"); got !=
		"http://localhost:7474/browser/?cmd=edit&arg=%3Aplay%20http%3A%2F%2Flocalhost%3A7480%2Fguide.html" {
		t.Errorf("PlayURL = %s", got)
	}
}

// TestInline checks that every query, with the values of its example
// written into it, answers as it does with them as parameters (most have
// an answer on neo4jtest.Records; all must run).
func TestInline(t *testing.T) {
	db := neo4jtest.Open(t)
	ctx := context.Background()
	if _, err := db.Load(ctx, neo4jtest.Records()); err != nil {
		t.Fatal(err)
	}
	for _, q := range queries.All() {
		t.Run(q.Name, func(t *testing.T) {
			values, err := q.ExampleValues()
			if err != nil {
				t.Fatal(err)
			}
			params, err := q.Bind(values)
			if err != nil {
				t.Fatal(err)
			}
			inline := Inline(q, params)
			if !strings.HasPrefix(inline, "// "+q.Name+": "+q.Description+"\n") || strings.Contains(inline, "$") {
				t.Errorf("inline Cypher: want a first line that names the query and no parameters:\n%s", inline)
			}
			want, err := db.Read(ctx, q.Cypher, params)
			if err != nil {
				t.Fatal(err)
			}
			got, err := db.Read(ctx, inline, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("inline: %v\nwith parameters: %v", got, want)
			}
		})
	}
}

// TestGuide checks that the guide has every canned query, with its
// parameters set to its example's values, and a link to the style. It
// reads the guide's text as HTML does: html/template escapes more than it
// must.
func TestGuide(t *testing.T) {
	var b strings.Builder
	if err := Guide(&b, "http://localhost:7480/"); err != nil {
		t.Fatal(err)
	}
	guide := html.UnescapeString(b.String())
	for _, want := range []string{`<article class="guide">`, `<slide class="row-fluid">`,
		`data-exec="style http://localhost:7480/dipgraph.grass"`} {
		if !strings.Contains(guide, want) {
			t.Errorf("guide lacks %s", want)
		}
	}
	for _, q := range queries.All() {
		f, err := frame(q.Name)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{q.Cypher, `data-exec="` + f.SetParams[1:] + `"`} {
			if !strings.Contains(guide, want) {
				t.Errorf("guide lacks for %s:\n%s", q.Name, want)
			}
		}
	}
	if !strings.Contains(guide, ":params {actor: 'putin', with: '', place: '', since: '2016'") {
		t.Error("met-with is not set up with the values of its example")
	}
}

// TestStyle checks that the style colours and captions every label and
// captions every relation type with its date, in the syntax Browser
// parses: selector { property: value; ... }, with no comments.
func TestStyle(t *testing.T) {
	rules := map[string]map[string]string{}
	for _, m := range regexp.MustCompile(`(?s)([\w.]+) \{\n(.*?)\n\}`).FindAllStringSubmatch(string(style), -1) {
		props := map[string]string{}
		for _, line := range strings.Split(strings.TrimSpace(m[2]), "\n") {
			k, v, ok := strings.Cut(strings.TrimSuffix(strings.TrimSpace(line), ";"), ": ")
			if !ok {
				t.Errorf("%s: bad line %q", m[1], line)
			}
			props[k] = v
		}
		rules[m[1]] = props
	}
	if strings.Contains(string(style), "/*") {
		t.Error("Browser's GraSS parser takes no comments")
	}
	labels := []string{"Actor", "Article", "Meeting"}
	for _, l := range dipgraph.Labels {
		labels = append(labels, string(l))
	}
	for _, l := range labels {
		r := rules["node."+l]
		if r["color"] == "" || !strings.HasPrefix(r["caption"], "'{") {
			t.Errorf("node.%s = %v, want a color and a caption by property", l, r)
		}
	}
	for _, typ := range dipgraph.RelationTypes {
		if got, want := rules["relationship."+string(typ)]["caption"], "'"+string(typ)+" {date}'"; got != want {
			t.Errorf("relationship.%s caption = %s, want %s", typ, got, want)
		}
	}
}

func TestHandler(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	tests := []struct {
		method, path string
		status       int
		contains     string
	}{
		{"GET", "/guide.html", http.StatusOK, `data-exec="style ` + srv.URL + `/dipgraph.grass"`},
		{"GET", "/dipgraph.grass", http.StatusOK, "node.Person {"},
		{"OPTIONS", "/guide.html", http.StatusNoContent, ""},
		{"GET", "/other", http.StatusNotFound, ""},
		{"POST", "/guide.html", http.StatusMethodNotAllowed, ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, srv.URL+tt.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Access-Control-Request-Headers", "x-requested-with")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tt.status || !strings.Contains(string(body), tt.contains) {
				t.Errorf("%d %.200s, want %d and %q", resp.StatusCode, body, tt.status, tt.contains)
			}
			if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "*" {
				t.Errorf("Access-Control-Allow-Origin = %q", got)
			}
			if tt.method == "OPTIONS" && resp.Header.Get("Access-Control-Allow-Headers") != "x-requested-with" {
				t.Errorf("preflight allows headers %q", resp.Header.Get("Access-Control-Allow-Headers"))
			}
		})
	}
}
