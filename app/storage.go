package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Saved scenarios and the working copy live in localStorage. Every access
// goes through store, which never panics: reading localStorage throws when
// the browser blocks site data, and setItem throws when the quota is full
// (on GitHub Pages every project under one user.github.io shares one quota).
// Nothing is shown as saved that was not written, and nothing stored is
// deleted unless the user asks.
//
// Each saved entry holds its scenario as a link, the same versioned format
// that shared links use, so saved work survives upgrades.
const (
	savedKey   = "infercost.saved.v1"
	workingKey = "infercost.working.v1" // the scenario being edited, for a reload
	// MaxSaved is how many scenarios one browser keeps; the page says so.
	MaxSaved     = 200
	maxSavedSize = 1 << 20 // bytes of saved data read back
)

type savedScenario struct {
	Name    string `json:"name"`
	Link    string `json:"link"`
	SavedAt string `json:"saved_at"`
}

// key identifies an entry: a name is unique in the list, and SavedAt tells a
// replaced entry from the one a handler was drawn for.
func (s savedScenario) key() string { return s.SavedAt + "\x00" + s.Name }

// errNoStorage is returned when the browser gives no localStorage at all.
var errNoStorage = errors.New("this browser blocks site storage")

// storageBlocked records that reading window.localStorage threw at start-up
// (see GuardStorage).
var storageBlocked bool

// GuardStorage keeps go-app alive in a browser that blocks site data. go-app
// reads window.localStorage when its engine starts (to drop expired
// persisted states), with a Get that wasm_exec.js does not guard: the throw
// would end the program before the first render. When the probe throws,
// window.localStorage becomes an empty, inert stand-in for go-app, and
// infercost's own storage reports the browser's refusal instead of using
// it. Call it before ga.RunWhenOnBrowser.
func GuardStorage() {
	if !ga.IsClient {
		return
	}
	if _, err := (store{}).call("getItem", savedKey); err == nil || err == errNoStorage {
		return
	}
	storageBlocked = true
	defer func() { recover() }() // a property that cannot be redefined: nothing more to do
	win := ga.Window()
	inert := win.Get("Object").New()
	inert.Set("length", 0)
	none := ga.FuncOf(func(ga.Value, []ga.Value) any { return nil })
	for _, m := range []string{"getItem", "setItem", "removeItem", "key", "clear"} {
		inert.Set(m, none)
	}
	desc := win.Get("Object").New()
	desc.Set("value", inert)
	desc.Set("configurable", true)
	win.Get("Object").Call("defineProperty", win, "localStorage", desc)
}

// store is localStorage with every call guarded.
type store struct{}

func (store) call(method string, args ...any) (v ga.Value, err error) {
	if !ga.IsClient || storageBlocked {
		return nil, errNoStorage
	}
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, fmt.Errorf("%v", r)
		}
	}()
	// Reading window.localStorage throws when site data is blocked. A
	// throwing Get is not caught by wasm_exec.js and would end the program;
	// a Call is, and becomes a panic recovered above.
	win := ga.Window()
	ls := win.Get("Reflect").Call("get", win, "localStorage")
	if !ls.Truthy() {
		return nil, errNoStorage
	}
	return ls.Call(method, args...), nil
}

// get returns the value of k; ok is false when there is none.
func (s store) get(k string) (val string, ok bool, err error) {
	v, err := s.call("getItem", k)
	if err != nil {
		return "", false, errNoStorage
	}
	if v.IsNull() || v.IsUndefined() {
		return "", false, nil
	}
	return v.String(), true, nil
}

func (s store) set(k, v string) error {
	if _, err := s.call("setItem", k, v); err != nil {
		if err == errNoStorage {
			return err
		}
		return errors.New("the browser's storage for this site is full")
	}
	return nil
}

func (s store) remove(k string) error {
	_, err := s.call("removeItem", k)
	return err
}

// savedList is the saved scenarios as the page shows them.
type savedList struct {
	items []savedScenario
	// problem explains why the list cannot be used (blocked storage, or
	// unreadable data the user has not decided about); "" when it can.
	problem string
	// corrupt is unreadable data still in place under savedKey: it is
	// neither overwritten nor deleted until the user downloads or clears it.
	corrupt string
}

// readSaved reads the stored list.
func readSaved() savedList {
	raw, ok, err := store{}.get(savedKey)
	switch {
	case err != nil:
		return savedList{problem: "This browser blocks site storage, so scenarios cannot be saved here. Copy link and Export JSON still keep your work."}
	case !ok:
		return savedList{}
	}
	list, perr := parseSaved(raw)
	if perr != nil {
		return savedList{corrupt: raw, problem: "Your saved scenarios could not be read (" + perr.Error() + "). They are left as they are in this browser until you download or clear them; saving is paused until then."}
	}
	return savedList{items: list}
}

// parseSaved decodes the stored list and checks its bounds.
func parseSaved(raw string) ([]savedScenario, error) {
	if len(raw) > maxSavedSize {
		return nil, fmt.Errorf("%d KiB, more than the %d KiB a list can take", len(raw)>>10, maxSavedSize>>10)
	}
	var list []savedScenario
	if err := json.Unmarshal([]byte(raw), &list); err != nil {
		return nil, errors.New("not a list of scenarios")
	}
	for _, s := range list {
		if s.Name == "" || s.Link == "" {
			return nil, errors.New("an entry has no name or no link")
		}
	}
	return list, nil
}

// updateSaved applies edit to the list as stored now (another tab may have
// changed it since this one read it) and writes the result. On success it
// returns the new list; on failure nothing was written and the caller keeps
// showing what it had.
func updateSaved(edit func([]savedScenario) ([]savedScenario, error)) ([]savedScenario, error) {
	cur := readSaved()
	if cur.problem != "" {
		return nil, errors.New(cur.problem)
	}
	next, err := edit(append([]savedScenario(nil), cur.items...))
	if err != nil {
		return nil, err
	}
	b, err := json.Marshal(next)
	if err != nil {
		return nil, err
	}
	if err := (store{}).set(savedKey, string(b)); err != nil {
		return nil, err
	}
	return next, nil
}

// putSaved adds an entry, replacing one of the same name, newest first.
func putSaved(list []savedScenario, e savedScenario) ([]savedScenario, error) {
	for i := range list {
		if list[i].Name == e.Name {
			list = append(list[:i], list[i+1:]...)
			break
		}
	}
	if len(list) >= MaxSaved {
		return nil, fmt.Errorf("this browser keeps at most %d saved scenarios: delete one to save this", MaxSaved)
	}
	return append([]savedScenario{e}, list...), nil
}

// deleteSaved removes the entry with key k.
func deleteSaved(list []savedScenario, k string) ([]savedScenario, error) {
	for i := range list {
		if list[i].key() == k {
			return append(list[:i], list[i+1:]...), nil
		}
	}
	return nil, errors.New("it was already deleted (in another tab?)")
}

// renameSaved renames the entry with key k.
func renameSaved(list []savedScenario, k, name string) ([]savedScenario, error) {
	at := -1
	for i := range list {
		if list[i].key() == k {
			at = i
		}
	}
	if at < 0 {
		return nil, errors.New("it is no longer in the list (deleted in another tab?)")
	}
	for i := range list {
		if i != at && list[i].Name == name {
			return nil, fmt.Errorf("another saved scenario is called “%s”", name)
		}
	}
	list[at].Name = name
	return list, nil
}

// clearCorrupt deletes unreadable saved data, once the user has chosen to.
func clearCorrupt() error { return store{}.remove(savedKey) }

// working is the scenario being edited, kept so that a reload loses nothing.
type working struct {
	Link    string `json:"link"`
	SavedAt string `json:"saved_at"`
}

// saveWorking stores the link of the scenario on screen. A failure is
// returned for the page to mention once; it never stops editing.
func saveWorking(link string) error {
	return store{}.set(workingKey, workingRecord(link))
}

// workingRecord is the working copy as stored.
func workingRecord(link string) string {
	b, _ := json.Marshal(working{Link: link, SavedAt: time.Now().UTC().Format(time.RFC3339)})
	return string(b)
}

// loadWorking returns the stored working copy's link, or "".
func loadWorking() string {
	raw, ok, err := store{}.get(workingKey)
	if err != nil || !ok || len(raw) > maxSavedSize {
		return ""
	}
	var w working
	if json.Unmarshal([]byte(raw), &w) != nil {
		return ""
	}
	return w.Link
}
