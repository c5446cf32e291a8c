package engine

import (
	"strconv"
	"strings"
)

// FieldError is one problem with one input, named by its path in the
// scenario file, e.g. "options[1].hourly_rate".
type FieldError struct {
	Path string `json:"path"`
	Msg  string `json:"message"`
}

func (e FieldError) Error() string { return e.Path + ": " + e.Msg }

// Errors is every problem found at once, in a stable order.
type Errors []FieldError

func (e Errors) Error() string {
	lines := make([]string, len(e))
	for i, fe := range e {
		lines[i] = fe.Error()
	}
	return strings.Join(lines, "\n")
}

// For returns the message for a path, or "".
func (e Errors) For(path string) string {
	for _, fe := range e {
		if fe.Path == path {
			return fe.Msg
		}
	}
	return ""
}

// OptionPath is the path of an option's field as errors name it:
// OptionPath(1, "hourly_rate") is "options[1].hourly_rate".
func OptionPath(i int, key string) string { return "options[" + strconv.Itoa(i) + "]." + key }

// CommitmentPath is the path of a commitment tier's field:
// CommitmentPath(0, 1, "start_month") is "options[0].commitments[1].start_month".
func CommitmentPath(i, tier int, key string) string {
	return OptionPath(i, "commitments["+strconv.Itoa(tier)+"]."+key)
}

// SplitOptionPath is the inverse of OptionPath; ok is false for a path that
// is not an option's.
func SplitOptionPath(path string) (i int, key string, ok bool) {
	rest, ok := strings.CutPrefix(path, "options[")
	if !ok {
		return 0, "", false
	}
	idx, key, ok := strings.Cut(rest, "].")
	if !ok || key == "" {
		return 0, "", false
	}
	i, err := strconv.Atoi(idx)
	return i, key, err == nil && i >= 0
}

func (e *Errors) add(path, msg string) { *e = append(*e, FieldError{path, msg}) }

// dedupe drops repeated errors, keeping the file order they were added in.
func (e Errors) dedupe() Errors {
	seen := map[string]bool{}
	out := e[:0]
	for _, fe := range e {
		k := fe.Path + "\x00" + fe.Msg
		if !seen[k] {
			seen[k] = true
			out = append(out, fe)
		}
	}
	return out
}
