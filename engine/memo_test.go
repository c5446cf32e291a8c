package engine

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// The evaluation's memos change no figure: the months of requests a day
// that Check's growthProblem keeps for demand (rpdPath), and the preset
// daily profiles read once (presetProfiles). For the reference, every
// example and every link of the golden corpus, the result with the memo
// and with it dropped (demand working each month out again) are the same
// JSON, digit for digit; a memo made for other values is not read.
func TestMemosChangeNothing(t *testing.T) {
	scenarios := corpusScenarios(t)
	memos, grown := 0, 0
	for k := range scenarios {
		s := &scenarios[k]
		with, errs := Check(s)
		if errs != nil {
			continue
		}
		without, _ := Check(s)
		if with.workload.path != nil {
			memos++
			if with.workload.growth.Sign() > 0 {
				grown++
			}
		}
		without.workload.path = nil
		if !reflect.DeepEqual(with.demand(), without.demand()) {
			t.Errorf("%s: the months differ with the memo", s.Name)
		}
		a, errA := with.evaluate()
		b, errB := without.evaluate()
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if (errA == nil) != (errB == nil) || string(ja) != string(jb) {
			t.Errorf("%s: the result differs with the memo (errors %v, %v)", s.Name, errA, errB)
		}
		// A memo made for other requests a day is not read.
		stale, _ := Check(s)
		stale.workload.rpd = stale.workload.rpd.Add(one)
		fresh := *stale
		fresh.workload.path = nil
		if !reflect.DeepEqual(stale.demand(), fresh.demand()) {
			t.Errorf("%s: a memo made for other requests a day was read", s.Name)
		}
	}
	if memos < 10 || grown < 5 {
		t.Errorf("only %d scenarios with the months memo (%d growing)", memos, grown)
	}
	for _, d := range DailyProfiles {
		got, err := parseProfile(d.Name)
		want, werr := readProfile(d.Name)
		if err != nil || werr != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("preset profile %s: read once %v (%v), read now %v (%v)", d.Name, got, err, want, werr)
		}
	}
}

// Evaluations running at once (a server, tests in parallel) give each its
// own numbers: newInt hands each integer cell to one caller. Run with
// -race too.
func TestConcurrentEvaluations(t *testing.T) {
	scenarios := []*Scenario{loadReference(t)}
	for _, e := range Examples {
		s := e.Scenario.Clone()
		scenarios = append(scenarios, &s)
	}
	want := make([]string, len(scenarios))
	for k, s := range scenarios {
		r, err := Evaluate(s)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(r)
		want[k] = string(b)
	}
	done := make(chan error)
	for g := range 4 {
		go func() {
			for round := range 3 {
				k := (g + round) % len(scenarios)
				r, err := Evaluate(scenarios[k])
				if err != nil {
					done <- err
					return
				}
				if b, _ := json.Marshal(r); string(b) != want[k] {
					done <- fmt.Errorf("%s: another result when evaluated alongside others", scenarios[k].Name)
					return
				}
			}
			done <- nil
		}()
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

// corpusScenarios are the reference, every built-in example and every
// valid link of the golden corpora (testdata/links/v*.json): the scenarios
// on which a seam that must change no figure is checked.
func corpusScenarios(t *testing.T) []Scenario {
	t.Helper()
	scenarios := []Scenario{*loadReference(t)}
	for _, e := range Examples {
		scenarios = append(scenarios, e.Scenario.Clone())
	}
	files, _ := filepath.Glob("testdata/links/v*.json")
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var corpus []goldenLink
		if err := json.Unmarshal(b, &corpus); err != nil {
			t.Fatal(err)
		}
		for _, g := range corpus {
			if s, err := DecodeLink(g.Link); err == nil {
				scenarios = append(scenarios, s)
			}
		}
	}
	return scenarios
}
