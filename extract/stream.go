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
// core) and calls fn with the results in input order. See Parallel.
func (x *Extractor) Stream(inputs iter.Seq[Input], workers int, fn func(Result) error) error {
	return Parallel(inputs, workers, x.Result, fn)
}

// Result extracts one input, unless it could not be read.
func (x *Extractor) Result(in Input) Result {
	r := Result{Input: in}
	if in.Err == nil {
		r.Record = x.Extract(in.Article)
	}
	return r
}

// Parallel calls work on every input with workers goroutines (0 means one
// per core) and fn with the outcomes in input order, so the output of a
// parallel run is byte for byte that of a serial one. Work that can run in
// parallel (decoding a line, extraction, and encoding the record, say)
// belongs in work; fn sees one outcome at a time, in the caller's
// goroutine. Parallel stops early, and returns fn's error, if fn fails;
// it returns once it no longer reads inputs. Memory stays bounded: at most
// a few inputs per worker are in flight.
func Parallel[In, T any](inputs iter.Seq[In], workers int, work func(In) T, fn func(T) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		in  In
		out chan T
	}
	jobs := make(chan job, workers*2)
	order := make(chan chan T, workers*4)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.out <- work(j.in)
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(jobs)
		for in := range inputs {
			out := make(chan T, 1)
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
