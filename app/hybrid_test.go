package app

import (
	"testing"

	"github.com/infercost/infercost/engine"
)

// TestHybridForm: the form carries the daily profile and the hybrid's
// fields to the engine's scenario, and keeps a hybrid's layers on the same
// options when options move, are duplicated or go.
func TestHybridForm(t *testing.T) {
	s := engine.Scenario{Version: engine.FormatVersion, Workload: engine.Workload{DailyProfile: "business_hours"}, Options: []engine.Option{
		{Label: "c", Kind: engine.Cloud}, {Label: "b", Kind: engine.Cloud}, {Label: "a", Kind: engine.API},
		{Label: "h", Kind: engine.Hybrid, BaseOption: engine.N("1"), BurstOption: engine.N("2"), OverflowOption: engine.N("3"), BurstMinHours: engine.N("4")}}}
	f := formFrom(&s)
	got := f.scenario()
	if got.Workload.DailyProfile != "business_hours" || !got.Options[3].BurstMinHours.Equal(engine.N("4")) || !got.Options[3].OverflowOption.Equal(engine.N("3")) {
		t.Fatalf("scenario %+v", got.Options[3])
	}
	refs := func() string {
		o := f.Options[len(f.Options)-1].Fields
		return o["base_option"] + "," + o["burst_option"] + "," + o["overflow_option"]
	}
	f.move(0, 1) // b, c, a, h: base is now 2, burst 1
	if r := refs(); r != "2,1,3" {
		t.Errorf("after a move: %s", r)
	}
	f.duplicate(0) // b, b copy, c, a, h
	if r := refs(); r != "3,1,4" {
		t.Errorf("after a duplicate: %s", r)
	}
	f.remove(0) // b copy, c, a, h: the burst option is gone
	if r := refs(); r != "2,,3" {
		t.Errorf("after a removal: %s", r)
	}
	// A new hybrid names the first self-hosted option as its base, the
	// first other cloud option as its burst, the first API as overflow.
	f.addOption(engine.Hybrid)
	h := f.Options[len(f.Options)-1]
	if h.Label != "Hybrid fleet" || h.Fields["base_option"] != "1" || h.Fields["burst_option"] != "2" || h.Fields["overflow_option"] != "3" {
		t.Errorf("new hybrid %+v", h.Fields)
	}
	for text, want := range map[string]string{"": "flat", "flat": "flat", "consumer_evenings": "consumer_evenings", "0.5,0.5": customProfile, "weekends": customProfile} {
		if got := profileChoice(text); got != want {
			t.Errorf("profileChoice(%q) = %q, want %q", text, got, want)
		}
	}
	// A preset's shares to 5 places still make a valid profile.
	for _, p := range engine.DailyProfiles {
		if _, err := engine.ParseDailyProfile(presetShares(p.Name)); err != nil {
			t.Errorf("%s: %v", p.Name, err)
		}
	}
}
