package main

import (
	"encoding/json"
	"testing"
)

// The extractor's quality on the gold of testdata/gold, through the eval
// command: the floor the seeds must keep, and our own articles of varied
// constructions.
func TestEvalQuality(t *testing.T) {
	cases := []struct {
		gold, input                string
		precision, recall, dateAcc float64
	}{
		{"../../testdata/gold/seeds.gold.jsonl", "../../testdata/eval/seeds.jsonl", 0.90, 0.90, 0.85},
		{"../../testdata/gold/constructions.gold.jsonl", "../../testdata/eval/constructions.jsonl", 0.90, 0.90, 0.85},
	}
	for _, c := range cases {
		out, _, err := run(t, "", "eval", "--json", "--gold", c.gold, c.input)
		if err != nil {
			t.Fatal(err)
		}
		var rep struct {
			Overall      struct{ Precision, Recall float64 }
			DateAccuracy float64 `json:"date_accuracy"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		if rep.Overall.Precision < c.precision || rep.Overall.Recall < c.recall || rep.DateAccuracy < c.dateAcc {
			t.Errorf("%s: precision %.3f recall %.3f date accuracy %.3f, want at least %.2f %.2f %.2f",
				c.input, rep.Overall.Precision, rep.Overall.Recall, rep.DateAccuracy, c.precision, c.recall, c.dateAcc)
		}
	}
}
