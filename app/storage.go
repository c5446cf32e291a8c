package app

import (
	"encoding/json"
	"errors"
	"time"

	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// savedKey is where saved scenarios live in localStorage. The value is a
// JSON array of savedScenario; each holds its scenario as a link, the same
// versioned format that shared links use, so saved work survives upgrades.
const (
	savedKey     = "infercost.saved.v1"
	maxSavedSize = 1 << 20 // bytes of saved data read back
	maxSaved     = 200
)

type savedScenario struct {
	Name    string `json:"name"`
	Link    string `json:"link"`
	SavedAt string `json:"saved_at"`
}

// loadSaved reads the saved scenarios. Corrupt data is moved aside (never
// deleted) and reported; the app then starts with an empty list.
func loadSaved() ([]savedScenario, string) {
	raw := storageGet(savedKey)
	if raw == "" {
		return nil, ""
	}
	var list []savedScenario
	err := json.Unmarshal([]byte(raw), &list)
	if err == nil && len(raw) > maxSavedSize {
		err = errors.New("too large")
	}
	if err == nil && len(list) > maxSaved {
		list = list[:maxSaved]
	}
	if err != nil {
		backup := savedKey + ".corrupt." + time.Now().UTC().Format("20060102T150405Z")
		storageSet(backup, raw)
		storageRemove(savedKey)
		return nil, "Your saved scenarios could not be read (" + err.Error() + "). They were kept in local storage under " + backup + " and the list starts empty."
	}
	return list, ""
}

func storeSaved(list []savedScenario) error {
	b, err := json.Marshal(list)
	if err != nil {
		return err
	}
	return storageSet(savedKey, string(b))
}

func localStorage() ga.Value {
	if !ga.IsClient {
		return nil
	}
	ls := ga.Window().Get("localStorage")
	if !ls.Truthy() {
		return nil
	}
	return ls
}

func storageGet(k string) string {
	ls := localStorage()
	if ls == nil {
		return ""
	}
	v := ls.Call("getItem", k)
	if v.IsNull() || v.IsUndefined() {
		return ""
	}
	s := v.String()
	if len(s) > 4*maxSavedSize {
		return s[:4*maxSavedSize] // cut: it will fail to parse and be reported
	}
	return s
}

func storageSet(k, v string) (err error) {
	ls := localStorage()
	if ls == nil {
		return errors.New("local storage is not available")
	}
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("local storage is full or blocked")
		}
	}()
	ls.Call("setItem", k, v)
	return nil
}

func storageRemove(k string) {
	if ls := localStorage(); ls != nil {
		ls.Call("removeItem", k)
	}
}
