package extract

import (
	"iter"
	"runtime"
	"sync"

	"github.com/dipgraph/dipgraph"
)

// Result is an input and, when it could be read, its record.
type Result struct {
	Input
	Record dipgraph.Record
}

// Stream extracts every input with workers goroutines (0 means one per
// core) and calls fn with the results in input order, so the output of a
// parallel run is byte for byte that of a serial one. It stops early, and
// returns fn's error, if fn fails. Memory stays bounded: at most a few
// articles per worker are in flight.
func (x *Extractor) Stream(inputs iter.Seq[Input], workers int, fn func(Result) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		in  Input
		out chan Result
	}
	jobs := make(chan job, workers*2)
	order := make(chan chan Result, workers*4)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				r := Result{Input: j.in}
				if j.in.Err == nil {
					r.Record = x.Extract(j.in.Article)
				}
				j.out <- r
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(jobs)
		for in := range inputs {
			out := make(chan Result, 1)
			select {
			case order <- out:
			case <-stop:
				return
			}
			jobs <- job{in: in, out: out}
		}
	}()
	var err error
	for out := range order {
		r := <-out
		if err == nil {
			if err = fn(r); err != nil {
				close(stop)
			}
		}
	}
	wg.Wait()
	return err
}
