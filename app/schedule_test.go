package app

import (
	"runtime/debug"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeClock is time that moves only when the test advances it: sleep
// blocks until then.
type fakeClock struct {
	mu      sync.Mutex
	t       time.Time
	waiters []fakeWaiter
	asleep  chan struct{} // one send per goroutine that starts sleeping
}

type fakeWaiter struct {
	until time.Time
	wake  chan struct{}
}

func newFakeClock() *fakeClock {
	return &fakeClock{t: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC), asleep: make(chan struct{}, 100)}
}

func (f *fakeClock) now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.t
}

func (f *fakeClock) sleep(d time.Duration) {
	f.mu.Lock()
	w := fakeWaiter{until: f.t.Add(d), wake: make(chan struct{})}
	f.waiters = append(f.waiters, w)
	f.mu.Unlock()
	f.asleep <- struct{}{}
	<-w.wake
}

// advance moves time on by d and wakes the sleepers due by then.
func (f *fakeClock) advance(d time.Duration) {
	f.mu.Lock()
	f.t = f.t.Add(d)
	var keep []fakeWaiter
	for _, w := range f.waiters {
		if !w.until.After(f.t) {
			close(w.wake)
		} else {
			keep = append(keep, w)
		}
	}
	f.waiters = keep
	f.mu.Unlock()
}

// settle waits until a goroutine of the scheduler has gone to sleep.
func (f *fakeClock) settle(t *testing.T, _ *sync.WaitGroup) {
	t.Helper()
	select {
	case <-f.asleep:
	case <-time.After(5 * time.Second):
		t.Fatal("the scheduler did not sleep")
	}
}

// testScheduler is a scheduler on the fake clock whose applies run at once
// and are logged.
type testScheduler struct {
	*scheduler
	clock *fakeClock
	wg    sync.WaitGroup
	mu    sync.Mutex
	log   []string
	ran   atomic.Int32 // jobs started, whether or not their result was kept
}

func newTestScheduler() *testScheduler {
	ts := &testScheduler{clock: newFakeClock()}
	ts.scheduler = &scheduler{debounce: 120 * time.Millisecond, clock: clock{now: ts.clock.now, sleep: ts.clock.sleep}}
	ts.exec = executor{
		spawn: func(fn func()) {
			ts.wg.Add(1)
			go func() { defer ts.wg.Done(); fn() }()
		},
		apply: func(fn func()) { ts.mu.Lock(); defer ts.mu.Unlock(); fn() },
	}
	return ts
}

// logJob is a job that records its name on the page.
func (ts *testScheduler) logJob(name string, notBefore time.Duration) job {
	return job{name: name, notBefore: notBefore, run: func(r *run) {
		ts.ran.Add(1)
		r.apply(func() { ts.log = append(ts.log, name) })
	}}
}

func (ts *testScheduler) logged() []string {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return slices.Clone(ts.log)
}

func TestSchedulerOrderAndDebounce(t *testing.T) {
	ts := newTestScheduler()
	ts.start(ts.logJob("chart", 0), ts.logJob("sizing", 250*time.Millisecond), ts.logJob("tornado", 0))
	ts.clock.settle(t, &ts.wg) // asleep in the debounce
	ts.clock.advance(119 * time.Millisecond)
	if got := ts.logged(); len(got) != 0 {
		t.Fatalf("before the debounce's 120 ms: %v ran", got)
	}
	ts.clock.advance(time.Millisecond)
	ts.clock.settle(t, &ts.wg) // the chart ran; asleep until 250 ms after the edit
	if got := ts.logged(); !slices.Equal(got, []string{"chart"}) {
		t.Fatalf("at 120 ms: %v, want [chart]", got)
	}
	ts.clock.advance(129 * time.Millisecond) // 249 ms
	if got := ts.logged(); !slices.Equal(got, []string{"chart"}) {
		t.Fatalf("at 249 ms: %v, want [chart]", got)
	}
	ts.clock.advance(time.Millisecond)
	ts.wg.Wait()
	if got := ts.logged(); !slices.Equal(got, []string{"chart", "sizing", "tornado"}) {
		t.Fatalf("queue ran %v, want [chart sizing tornado] in that order", got)
	}
	if len(ts.unfinished) != 0 {
		t.Errorf("unfinished after the queue: %v", ts.unfinished)
	}
}

// Typing faster than the debounce runs only the last edit's queue.
func TestSchedulerDebounceDropsEarlierEdits(t *testing.T) {
	ts := newTestScheduler()
	ts.start(ts.logJob("first", 0))
	ts.clock.settle(t, &ts.wg)
	ts.clock.advance(100 * time.Millisecond) // typing goes on before 120 ms
	ts.start(ts.logJob("second", 0))
	ts.clock.settle(t, &ts.wg)
	ts.clock.advance(100 * time.Millisecond) // the first queue's debounce ends: it is cancelled
	ts.clock.advance(20 * time.Millisecond)  // the second's ends
	ts.wg.Wait()
	if got := ts.logged(); !slices.Equal(got, []string{"second"}) {
		t.Fatalf("ran %v, want [second]", got)
	}
	if n := ts.ran.Load(); n != 1 {
		t.Errorf("%d jobs started, want 1: the first edit's never starts", n)
	}
}

// A newer edit stops a job in the middle (its pace turns false), drops
// what it sends back, and the rest of its queue never runs.
func TestSchedulerCancelledByNewerEdit(t *testing.T) {
	ts := newTestScheduler()
	started, stopped := make(chan struct{}), make(chan bool, 1)
	long := job{name: "tornado", run: func(r *run) {
		close(started)
		for r.pace() {
		}
		r.apply(func() { ts.log = append(ts.log, "tornado (stale)") })
		stopped <- true
	}}
	ts.start(ts.logJob("chart", 0), long, ts.logJob("power", 0))
	ts.clock.settle(t, &ts.wg)
	ts.clock.advance(120 * time.Millisecond)
	<-started
	ts.start(ts.logJob("next chart", 0)) // the next edit
	<-stopped
	ts.clock.settle(t, &ts.wg)
	ts.clock.advance(120 * time.Millisecond)
	ts.wg.Wait()
	if got := ts.logged(); !slices.Equal(got, []string{"chart", "next chart"}) {
		t.Fatalf("ran %v, want [chart next chart]: the cancelled queue's tornado and power dropped", got)
	}
}

// An invalid edit (resume) runs its own job first, then what the cancelled
// queue had not finished, without redoing what it had.
func TestSchedulerResumeKeepsUnfinished(t *testing.T) {
	ts := newTestScheduler()
	ts.start(ts.logJob("chart", 0), ts.logJob("sizing", 250*time.Millisecond), ts.logJob("tornado", 0))
	ts.clock.settle(t, &ts.wg)
	ts.clock.advance(120 * time.Millisecond)
	ts.clock.settle(t, &ts.wg)       // chart done; waiting for 250 ms
	ts.resume(ts.logJob("draft", 0)) // at 120 ms
	ts.clock.settle(t, &ts.wg)
	ts.clock.advance(120 * time.Millisecond) // 120 ms after the invalid edit
	ts.clock.settle(t, &ts.wg)               // draft done; sizing waits for 250 ms after it
	ts.clock.advance(130 * time.Millisecond) // the old queue wakes, cancelled; the new one goes on
	ts.wg.Wait()
	if got := ts.logged(); !slices.Equal(got, []string{"chart", "draft", "sizing", "tornado"}) {
		t.Fatalf("ran %v, want [chart draft sizing tornado]", got)
	}
	ts.cancel()
	ts.resume()
	ts.clock.settle(t, &ts.wg)
	ts.clock.advance(time.Second)
	ts.wg.Wait()
	if got := ts.logged(); len(got) != 4 {
		t.Fatalf("after cancel, resume ran %v", got[4:])
	}
}

// A job resumed under the name of an unfinished one replaces it (an edit
// of the uncertainty inputs alone queues the Monte Carlo of the new seed
// ahead of the cancelled queue's tornado, and not also the old seed's run).
func TestSchedulerResumeReplacesNamesake(t *testing.T) {
	ts := newTestScheduler()
	mc := func(seed string) job { // logged apart, queued under one name
		j := ts.logJob("monte-carlo "+seed, 0)
		j.name = "monte-carlo"
		return j
	}
	ts.start(ts.logJob("chart", 0), ts.logJob("tornado", 250*time.Millisecond), mc("old"))
	ts.clock.settle(t, &ts.wg)
	ts.clock.advance(120 * time.Millisecond)
	ts.clock.settle(t, &ts.wg) // chart done; the tornado waits for 250 ms
	ts.resume(mc("new"))       // at 120 ms
	ts.clock.settle(t, &ts.wg)
	ts.clock.advance(120 * time.Millisecond) // the new run's debounce
	ts.clock.settle(t, &ts.wg)
	ts.clock.advance(130 * time.Millisecond) // the tornado's 250 ms, after the new edit
	ts.wg.Wait()
	if got := ts.logged(); !slices.Equal(got, []string{"chart", "monte-carlo new", "tornado"}) {
		t.Fatalf("ran %v, want [chart monte-carlo new tornado]", got)
	}
}

// With a yield (the browser's: a posted message), each job starts after a
// yield of its own, a job cancelled while it yielded never starts, and
// pace yields instead of sleeping.
func TestSchedulerYields(t *testing.T) {
	ts := newTestScheduler()
	yields := make(chan chan struct{}) // each yield waits until the test lets it return
	ts.scheduler.clock.yield = func() {
		back := make(chan struct{})
		yields <- back
		<-back
	}
	paced := make(chan int, 1)
	long := job{name: "tornado", run: func(r *run) {
		ts.ran.Add(1)
		n := 0
		for i := 0; i < 3; i++ {
			ts.clock.advance(paceSlice) // a slice of work
			r.pace()
			n++
		}
		paced <- n
	}}
	ts.start(ts.logJob("chart", 0), long, ts.logJob("power", 0))
	ts.clock.settle(t, &ts.wg)
	ts.clock.advance(120 * time.Millisecond) // the debounce ends
	next := func() chan struct{} {
		t.Helper()
		select {
		case b := <-yields:
			return b
		case <-time.After(5 * time.Second):
			t.Fatal("the scheduler did not yield")
			return nil
		}
	}
	close(next()) // before the chart
	close(next()) // before the tornado
	for i := 0; i < 3; i++ {
		close(next()) // the tornado's paces yield, never sleep
	}
	if n := <-paced; n != 3 {
		t.Fatalf("the tornado paced %d times, want 3", n)
	}
	back := next() // before power: the next edit comes while it yields
	ts.cancel()    // the edit
	close(back)    // the yield returns to a cancelled queue
	ts.wg.Wait()
	if got := ts.logged(); !slices.Equal(got, []string{"chart"}) {
		t.Fatalf("ran %v, want [chart]: power, cancelled while it yielded, never starts", got)
	}
	if n := ts.ran.Load(); n != 2 {
		t.Errorf("%d jobs started, want 2 (chart, tornado)", n)
	}
	select {
	case <-ts.clock.asleep:
		t.Errorf("the scheduler slept after the debounce: pace should yield")
	default:
	}
}

// An edit of the uncertainty inputs alone queues the address bar, the
// printed assumptions and the Monte Carlo of refreshSecondary's queue, in
// its order, the run a frame after the printed assumptions (at 120 + 3 ×
// 17 = 171 ms, not at 250 ms behind the sizing, curves and tornado).
func TestUncertaintyJobs(t *testing.T) {
	var jobs []job
	for _, n := range []string{"chart-monthly", "address", "printed", "chart-breakdown", "sizing", "volume", "interactivity", "robustness", "tornado", "drivers", "power", "monte-carlo"} {
		jobs = append(jobs, job{name: n, notBefore: secondaryDelay})
	}
	got := uncertaintyJobs(jobs)
	var names []string
	for _, j := range got {
		names = append(names, j.name)
	}
	if !slices.Equal(names, []string{"address", "printed", "monte-carlo"}) {
		t.Fatalf("queued %v, want [address printed monte-carlo]", names)
	}
	if got[2].notBefore != 171*time.Millisecond {
		t.Errorf("the run starts at %v, want 171ms", got[2].notBefore)
	}
}

// paceCollector sets the collector's pace for typing when it runs, and
// says so (the Calculator then leaves it out of later queues).
func TestPaceCollector(t *testing.T) {
	prev := debug.SetGCPercent(100)
	defer debug.SetGCPercent(prev)
	ts := newTestScheduler()
	done := false
	ts.start(ts.logJob("power", 0), paceCollector(func() { done = true }))
	ts.clock.settle(t, &ts.wg)
	ts.clock.advance(120 * time.Millisecond)
	ts.wg.Wait()
	if !done {
		t.Fatal("the pace job did not say it ran")
	}
	if got := debug.SetGCPercent(100); got != TypingGCPercent || TypingGCPercent != 800 {
		t.Errorf("the collector's pace after the job: %d %%, want %d %% (800)", got, TypingGCPercent)
	}
}
