package app

import (
	"runtime/debug"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// The scheduler owns what happens after an edit, once the headline has
// painted: a queue of named jobs (the monthly charts one a frame, the
// address bar, the printed assumptions, the commitment sizing, the volume
// and interactivity curves, the ranking's robustness, the tornado, the
// summary's drivers, the power month by month, the Monte Carlo, and the
// working copy of a draft) run one after the other, in the order given,
// in one goroutine, once typing pauses (debounce). The next edit cancels
// the whole queue: a job checks live (or pace) between steps and stops,
// and what it sends back to the page (apply) is dropped.
//
// Under wasm a goroutine is never preempted: a job that computed for 40 ms
// would hold a keystroke for as long. pace returns to the browser's event
// loop every paceSlice, so a key waits at most that long. It waits for a
// message from the browser (yieldToBrowser), not a timer: Go's wasm
// scheduler returns to the browser only when no goroutine can run, and a
// timer of a millisecond expires while Go's garbage collector marks the
// heap in the gap, so a job that slept kept the browser out for the whole
// collection cycle (tasks of 30–60 ms every 100 ms during the Monte
// Carlo).

// paceSlice is the longest a job computes before letting the browser
// handle input.
const paceSlice = 4 * time.Millisecond

// job is one named step of the queue. It starts no earlier than notBefore
// after the edit (the queue's debounce counts from the edit too).
type job struct {
	name      string
	notBefore time.Duration
	run       func(r *run)
}

// run is one edit's queue being worked through.
type run struct {
	s    *scheduler
	exec executor
	gen  int64
	// last is when pace last returned to the event loop.
	last time.Time
}

// live reports whether no newer edit has cancelled the run.
func (r *run) live() bool { return r.s.gen.Load() == r.gen }

// pace lets the browser handle input every paceSlice and reports whether
// the run is still live: a computation passes it to the engine as its
// continue function (engine.ErrStopped when it returns false).
func (r *run) pace() bool {
	if r.s.clock.now().Sub(r.last) >= paceSlice {
		if y := r.s.clock.yield; y != nil {
			y()
		} else {
			r.s.clock.sleep(time.Millisecond)
		}
		r.last = r.s.clock.now()
	}
	return r.live()
}

// apply sends fn to the page's goroutine, where it runs only if the run is
// still live then.
func (r *run) apply(fn func()) {
	r.exec.apply(func() {
		if r.live() {
			fn()
		}
	})
}

// clock is time as the scheduler sees it (injected by its tests).
type clock struct {
	now   func() time.Time
	sleep func(time.Duration)
	// yield returns to the browser's event loop and back (nil: sleep a
	// millisecond instead).
	yield func()
}

var realClock = clock{now: time.Now, sleep: time.Sleep, yield: yieldToBrowser}

// executor runs the queue off the page's goroutine (spawn) and sends
// results back to it (apply): ctx.Async and ctx.Dispatch in the app.
type executor struct {
	spawn func(func())
	apply func(func())
}

// scheduler is the single owner of debouncing and pacing (see above).
type scheduler struct {
	debounce time.Duration
	clock    clock
	exec     executor
	gen      atomic.Int64

	mu sync.Mutex
	// unfinished are the jobs of the latest queue not yet done (their last
	// apply has not run): resume carries them into the next queue.
	unfinished []job
}

// start cancels the queue under way and queues jobs, in order, to run once
// typing pauses.
func (s *scheduler) start(jobs ...job) {
	s.mu.Lock()
	s.unfinished = append([]job(nil), jobs...)
	s.mu.Unlock()
	s.launch(jobs)
}

// resume cancels the queue under way and queues first, then the jobs of
// the cancelled queue that had not finished: an edit that leaves the
// results as they were (invalid input, or an edit of the uncertainty
// inputs alone) still lets their charts and figures be completed. A job
// of first replaces an unfinished job of the same name (a Monte Carlo
// of the new seed, not also the old one's).
func (s *scheduler) resume(first ...job) {
	s.mu.Lock()
	jobs := append([]job(nil), first...)
	for _, j := range s.unfinished {
		if !slices.ContainsFunc(first, func(f job) bool { return f.name == j.name }) {
			jobs = append(jobs, j)
		}
	}
	s.unfinished = jobs
	s.mu.Unlock()
	s.launch(jobs)
}

// cancel drops the queue under way and what it has not done.
func (s *scheduler) cancel() {
	s.gen.Add(1)
	s.mu.Lock()
	s.unfinished = nil
	s.mu.Unlock()
}

func (s *scheduler) launch(jobs []job) {
	gen := s.gen.Add(1)
	c := s.clock
	if c.now == nil {
		c = realClock
		s.clock = c
	}
	edit := c.now()
	r := &run{s: s, exec: s.exec, gen: gen}
	r.exec.spawn(func() {
		c.sleep(s.debounce) // yields to the browser: the headline paints first
		for _, j := range jobs {
			if wait := j.notBefore - c.now().Sub(edit); wait > 0 {
				c.sleep(wait)
			}
			if !r.live() {
				return
			}
			if c.yield != nil {
				// Each job starts in a task of its own: not after the
				// previous job's last slice and the render it dispatched
				// (the power card's render and the Monte Carlo's set-up
				// made one task of 45–50 ms after the page opened).
				c.yield()
				if !r.live() {
					return
				}
			}
			r.last = c.now()
			j.run(r)
			if !r.live() {
				return
			}
			name := j.name
			r.apply(func() { s.done(name) }) // after the job's own applies
		}
	})
}

// done removes a finished job from the unfinished ones.
func (s *scheduler) done(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, j := range s.unfinished {
		if j.name == name {
			s.unfinished = append(s.unfinished[:i:i], s.unfinished[i+1:]...)
			return
		}
	}
}

// TypingGCPercent paces Go's garbage collector once the page has opened.
// With Go's default (a collection each time the heap doubles), a keystroke
// allocates about 1.5 MB (the evaluation and the redraw) against a live heap
// of 5–10 MB, so two edits in five paid for a collection, 12–20 ms of the
// main thread under wasm (go-app's tree of the page and every JavaScript
// value Go holds are marked and swept): the keystroke's p95 was that
// collection (docs/performance.md, 2026-12-01). A collection once the heap
// is nine times the live heap (about one edit in thirty) keeps it off most
// keystrokes.
const TypingGCPercent = 800

// paceCollector is the last job of the first queue that runs to its end
// after the page opens (before the Monte Carlo's): it sets Go's collector
// to TypingGCPercent, then done. Until then the page runs at Go's default
// (cmd/app), so the collections of start-up are small and frequent and the
// first one, whose code V8 compiles at its first call under wasm (its mark
// took 111–198 ms of wall time), falls in the first render, before the page
// is interactive. Paced at 800 % from the start, the first collection came
// at about 32 MB of heap, in the first edit after the page opened: one task
// of 236–245 ms, the longest of any edit (docs/performance.md, 2026-12-02).
func paceCollector(done func()) job {
	return job{name: "pace-collector", run: func(q *run) {
		debug.SetGCPercent(TypingGCPercent)
		q.apply(done)
	}}
}
