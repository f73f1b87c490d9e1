package graph

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/dipgraph/dipgraph"
)

// Synthetic returns n records shaped like extracted news (the Wikinews
// corpus averages 13 actors, 0.6 relations and 0.06 meetings an article),
// drawn from a few hundred actors, some very popular, so that batches
// share actors as real ones do. The same n gives the same records.
func Synthetic(n int) []dipgraph.Record {
	r := rand.New(rand.NewPCG(1, uint64(n)))
	actor := func() dipgraph.Actor {
		i := int(r.ExpFloat64() * 40) // a few actors in most articles
		l := dipgraph.Labels[i%len(dipgraph.Labels)]
		return dipgraph.Actor{ID: fmt.Sprintf("%s:%d", l, i), Label: l, Name: fmt.Sprintf("Actor %d", i),
			Aliases: []string{fmt.Sprintf("A%d", i), fmt.Sprintf("alias %d-%d", i, r.IntN(3))}, Country: "RUS"}
	}
	recs := make([]dipgraph.Record, n)
	for k := range recs {
		id := fmt.Sprintf("synthetic-%d", k)
		rec := dipgraph.Record{Schema: dipgraph.Schema,
			Article: dipgraph.Article{ID: id, Title: "Title " + id, Published: "2016-08-10", Text: "Text of " + id}}
		seen := map[string]bool{}
		for range 5 + r.IntN(16) {
			if a := actor(); !seen[a.ID] {
				seen[a.ID] = true
				rec.Actors = append(rec.Actors, a)
			}
		}
		for range r.IntN(3) {
			s, t := rec.Actors[r.IntN(len(rec.Actors))], rec.Actors[r.IntN(len(rec.Actors))]
			rec.Relations = append(rec.Relations, dipgraph.Relation{
				Type: dipgraph.RelationTypes[r.IntN(len(dipgraph.RelationTypes))], Source: s.ID, Target: t.ID,
				Date: "2016-08", Modality: dipgraph.Asserted, Confidence: 0.8,
				Evidence: []dipgraph.Evidence{{Sentence: "Sentence of " + id, Start: 0, End: 12}}})
		}
		if r.IntN(16) == 0 {
			rec.Meetings = []dipgraph.Meeting{{ID: "meeting:" + id, Date: "2016-08-09", Place: rec.Actors[0].ID,
				Participants: []string{rec.Actors[0].ID, rec.Actors[len(rec.Actors)-1].ID}, Modality: dipgraph.Asserted}}
		}
		recs[k] = rec
	}
	return recs
}

// BenchmarkPlan measures turning a batch of records into the rows of its
// statements: validation, claim keys and merging, sorting for lock order.
func BenchmarkPlan(b *testing.B) {
	recs := Synthetic(DefaultBatchSize)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := plan(recs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(recs))/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkClaimsOf measures keying and merging the claims of a record.
func BenchmarkClaimsOf(b *testing.B) {
	recs := Synthetic(1000)
	b.ReportAllocs()
	for b.Loop() {
		for _, rec := range recs {
			claimsOf(rec)
		}
	}
}

// BenchmarkArticleHash measures the content hash that decides whether an
// article is loaded again.
func BenchmarkArticleHash(b *testing.B) {
	a := dipgraph.Article{ID: "a", Title: "A title", Published: "2016-08-10"}
	for range 2000 {
		a.Text += "word "
	}
	b.SetBytes(int64(len(a.Text)))
	for b.Loop() {
		ArticleHash(a)
	}
}
