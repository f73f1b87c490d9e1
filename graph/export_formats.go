package graph

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// AdminDelimiter separates the elements of a list in the CSV files of
// AdminSink. It is a control character (unit separator) that news text
// does not contain; one inside a list element is dropped.
const AdminDelimiter = "\x1f"

// AdminSink writes the header and data CSV files that
// "neo4j-admin database import full" builds a new database from: a pair
// per kind of node and relationship, and import.args, the options that
// name them, for neo4j-admin's @file syntax.
type AdminSink struct {
	dir   string
	files map[*Kind]*adminFile
	order []*Kind
}

type adminFile struct {
	f *os.File
	w *bufio.Writer
}

// NewAdminSink writes into dir, which it creates if need be.
func NewAdminSink(dir string) (*AdminSink, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	return &AdminSink{dir: dir, files: map[*Kind]*adminFile{}}, nil
}

// Node writes a node to its kind's data file.
func (s *AdminSink) Node(k *Kind, n Element) error { return s.write(k, n.Values) }

// Relationship writes a relationship to its kind's data file.
func (s *AdminSink) Relationship(k *Kind, r Element) error {
	return s.write(k, append([]any{r.Start, r.End}, r.Values...))
}

func (s *AdminSink) write(k *Kind, values []any) error {
	af, ok := s.files[k]
	if !ok {
		if err := s.writeHeader(k); err != nil {
			return err
		}
		f, err := os.Create(s.path(k, ""))
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		af = &adminFile{f, bufio.NewWriterSize(f, 1<<16)}
		s.files[k] = af
		s.order = append(s.order, k)
	}
	for i, v := range values {
		if i > 0 {
			af.w.WriteByte(',')
		}
		af.w.WriteString(adminField(v))
	}
	return af.w.WriteByte('\n')
}

func (s *AdminSink) path(k *Kind, suffix string) string {
	prefix := "nodes"
	if k.Labels == nil {
		prefix = "relationships"
	}
	return filepath.Join(s.dir, prefix+"-"+k.Name+suffix+".csv")
}

// writeHeader writes the header file of k: the id column names the id
// space, so that relationships find their ends.
func (s *AdminSink) writeHeader(k *Kind) error {
	var cols []string
	if k.Labels == nil {
		cols = append(cols, ":START_ID("+k.From+")", ":END_ID("+k.To+")")
	}
	for _, p := range k.Props {
		switch {
		case p.Name == "id" && k.Labels != nil:
			cols = append(cols, "id:ID("+k.Space+")")
		case p.Type == "string":
			cols = append(cols, p.Name)
		default:
			cols = append(cols, p.Name+":"+p.Type)
		}
	}
	if err := os.WriteFile(s.path(k, ".header"), []byte(strings.Join(cols, ",")+"\n"), 0o644); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// adminField renders a value as neo4j-admin reads it. Strings are always
// quoted, because an unquoted empty field is a missing property while
// Load stores empty strings.
func adminField(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return quote(v)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	case []string:
		parts := make([]string, len(v))
		for i, s := range v {
			parts[i] = strings.ReplaceAll(s, AdminDelimiter, "")
		}
		return quote(strings.Join(parts, AdminDelimiter))
	case []int64:
		parts := make([]string, len(v))
		for i, n := range v {
			parts[i] = strconv.FormatInt(n, 10)
		}
		return quote(strings.Join(parts, AdminDelimiter))
	}
	panic(fmt.Sprintf("export: no CSV form for %T", v))
}

func quote(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// Close closes the data files and writes import.args.
func (s *AdminSink) Close() error {
	args := []string{
		"--array-delimiter=U+001F",
		"--multiline-fields=true",
		"--skip-bad-relationships=false",
	}
	for _, k := range s.order {
		af := s.files[k]
		if err := af.w.Flush(); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		if err := af.f.Close(); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		files := s.path(k, ".header") + "," + s.path(k, "")
		if k.Labels != nil {
			args = append(args, "--nodes="+strings.Join(k.Labels, ":")+"="+files)
		} else {
			args = append(args, "--relationships="+k.Name+"="+files)
		}
	}
	var b strings.Builder
	for _, a := range args {
		// An @file holds one argument a line, quoted, with \ escaping.
		b.WriteString(`"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(a) + "\"\n")
	}
	if err := os.WriteFile(filepath.Join(s.dir, "import.args"), []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// JSONLSink writes one JSON object a line in the format of APOC's
// apoc.export.json (which apoc.import.json reads back): nodes
// {"type":"node","id","labels","properties"}, then relationships
// {"type":"relationship","label","start":{"id","labels"},"end",
// "properties"}. Ends carry the label of their id space (Article, Actor
// or Meeting), which every node of that space has.
type JSONLSink struct {
	w   *bufio.Writer
	enc *json.Encoder
}

// NewJSONLSink writes to w.
func NewJSONLSink(w io.Writer) *JSONLSink {
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &JSONLSink{bw, enc}
}

type jsonEnd struct {
	ID     string   `json:"id"`
	Labels []string `json:"labels"`
}

// Node writes a node line.
func (s *JSONLSink) Node(k *Kind, n Element) error {
	return s.enc.Encode(struct {
		Type       string         `json:"type"`
		ID         string         `json:"id"`
		Labels     []string       `json:"labels"`
		Properties map[string]any `json:"properties"`
	}{"node", n.ID, k.Labels, propertyMap(k, n.Values)})
}

// Relationship writes a relationship line.
func (s *JSONLSink) Relationship(k *Kind, r Element) error {
	return s.enc.Encode(struct {
		Type       string         `json:"type"`
		Label      string         `json:"label"`
		Start      jsonEnd        `json:"start"`
		End        jsonEnd        `json:"end"`
		Properties map[string]any `json:"properties"`
	}{"relationship", k.Name, jsonEnd{r.Start, []string{k.From}}, jsonEnd{r.End, []string{k.To}}, propertyMap(k, r.Values)})
}

// Close flushes what is buffered.
func (s *JSONLSink) Close() error { return s.w.Flush() }

// propertyMap names values, leaving out the missing ones.
func propertyMap(k *Kind, values []any) map[string]any {
	m := make(map[string]any, len(values))
	for i, v := range values {
		if v != nil {
			m[k.Props[i].Name] = v
		}
	}
	return m
}

// CSVSink writes two plain CSV files for spreadsheets and graph tools
// that read an edge list: nodes.csv (id, labels, then every node
// property) and relationships.csv (source, target, type, then every
// relationship property). Labels are joined with ";", lists are JSON
// arrays, and a property a node or relationship lacks is an empty cell.
type CSVSink struct {
	nodes, rels         *csvFile
	nodeCols, relCols   []string
	nodeIndex, relIndex map[string]int
}

type csvFile struct {
	f *os.File
	w *csv.Writer
}

// NewCSVSink writes nodes.csv and relationships.csv into dir, which it
// creates if need be.
func NewCSVSink(dir string) (*CSVSink, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	s := &CSVSink{nodeCols: []string{"id", "labels"}, relCols: []string{"source", "target", "type"}}
	for _, k := range Kinds() {
		for _, p := range k.Props {
			if k.Labels != nil && !slices.Contains(s.nodeCols, p.Name) {
				s.nodeCols = append(s.nodeCols, p.Name)
			}
			if k.Labels == nil && !slices.Contains(s.relCols, p.Name) {
				s.relCols = append(s.relCols, p.Name)
			}
		}
	}
	s.nodeIndex, s.relIndex = indexOf(s.nodeCols), indexOf(s.relCols)
	var err error
	if s.nodes, err = createCSV(filepath.Join(dir, "nodes.csv"), s.nodeCols); err != nil {
		return nil, err
	}
	if s.rels, err = createCSV(filepath.Join(dir, "relationships.csv"), s.relCols); err != nil {
		s.nodes.f.Close()
		return nil, err
	}
	return s, nil
}

func indexOf(cols []string) map[string]int {
	m := make(map[string]int, len(cols))
	for i, c := range cols {
		m[c] = i
	}
	return m
}

func createCSV(path string, header []string) (*csvFile, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	w := csv.NewWriter(bufio.NewWriterSize(f, 1<<16))
	return &csvFile{f, w}, w.Write(header)
}

// Node writes a row of nodes.csv.
func (s *CSVSink) Node(k *Kind, n Element) error {
	row := make([]string, len(s.nodeCols))
	row[0], row[1] = n.ID, strings.Join(k.Labels, ";")
	for i, p := range k.Props {
		row[s.nodeIndex[p.Name]] = plainCell(n.Values[i])
	}
	return s.nodes.w.Write(row)
}

// Relationship writes a row of relationships.csv.
func (s *CSVSink) Relationship(k *Kind, r Element) error {
	row := make([]string, len(s.relCols))
	row[0], row[1], row[2] = r.Start, r.End, k.Name
	for i, p := range k.Props {
		row[s.relIndex[p.Name]] = plainCell(r.Values[i])
	}
	return s.rels.w.Write(row)
}

func plainCell(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// Close flushes and closes both files.
func (s *CSVSink) Close() error {
	for _, c := range []*csvFile{s.nodes, s.rels} {
		c.w.Flush()
		if err := c.w.Error(); err != nil {
			c.f.Close()
			return fmt.Errorf("export: %w", err)
		}
		if err := c.f.Close(); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	return nil
}

// GraphMLSink writes GraphML, which Gephi, yEd, NetworkX and igraph
// open. Nodes carry their labels as ":Actor:Person" (as APOC writes them)
// and a display label (an actor's name, an article's title, a meeting's
// id); edges carry their type as their label. Lists are JSON arrays.
type GraphMLSink struct {
	w     *bufio.Writer
	edges int
}

// NewGraphMLSink writes to w, starting with the declarations of every
// attribute.
func NewGraphMLSink(w io.Writer) (*GraphMLSink, error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString(xml.Header)
	bw.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns">` + "\n")
	bw.WriteString(`<key id="labels" for="node" attr.name="labels" attr.type="string"/>` + "\n")
	bw.WriteString(`<key id="label" for="node" attr.name="label" attr.type="string"/>` + "\n")
	bw.WriteString(`<key id="e_label" for="edge" attr.name="label" attr.type="string"/>` + "\n")
	seen := map[string]bool{}
	for _, k := range Kinds() {
		domain, prefix := "node", "n_"
		if k.Labels == nil {
			domain, prefix = "edge", "e_"
		}
		for _, p := range k.Props {
			if seen[prefix+p.Name] {
				continue
			}
			seen[prefix+p.Name] = true
			typ := "string"
			if p.Type == "double" {
				typ = "double"
			}
			fmt.Fprintf(bw, `<key id="%s%s" for="%s" attr.name="%s" attr.type="%s"/>`+"\n", prefix, p.Name, domain, p.Name, typ)
		}
	}
	_, err := bw.WriteString(`<graph id="dipgraph" edgedefault="directed">` + "\n")
	return &GraphMLSink{w: bw}, err
}

// Node writes a node element.
func (s *GraphMLSink) Node(k *Kind, n Element) error {
	fmt.Fprintf(s.w, `<node id="%s">`, escape(n.ID))
	s.data("labels", ":"+strings.Join(k.Labels, ":"))
	display := n.ID
	for _, name := range []string{"name", "title"} {
		if i := slices.IndexFunc(k.Props, func(p Property) bool { return p.Name == name }); i >= 0 && n.Values[i] != "" {
			display = n.Values[i].(string)
		}
	}
	s.data("label", display)
	s.props("n_", k, n.Values)
	_, err := s.w.WriteString("</node>\n")
	return err
}

// Relationship writes an edge element.
func (s *GraphMLSink) Relationship(k *Kind, r Element) error {
	s.edges++
	fmt.Fprintf(s.w, `<edge id="e%d" source="%s" target="%s">`, s.edges, escape(r.Start), escape(r.End))
	s.data("e_label", k.Name)
	s.props("e_", k, r.Values)
	_, err := s.w.WriteString("</edge>\n")
	return err
}

func (s *GraphMLSink) props(prefix string, k *Kind, values []any) {
	for i, v := range values {
		if v != nil {
			s.data(prefix+k.Props[i].Name, plainCell(v))
		}
	}
}

func (s *GraphMLSink) data(key, value string) {
	fmt.Fprintf(s.w, `<data key="%s">%s</data>`, key, escape(value))
}

// escape makes text safe in XML; characters XML cannot hold become U+FFFD.
func escape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// Close ends the document and flushes it.
func (s *GraphMLSink) Close() error {
	s.w.WriteString("</graph>\n</graphml>\n")
	return s.w.Flush()
}
