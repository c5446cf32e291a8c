package engine

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// MaxScenarioBytes bounds a scenario file: the largest valid scenario is
// a few kilobytes.
const MaxScenarioBytes = 256 << 10

// DecodeScenario reads a scenario file. It rejects unknown fields (a typo
// must not silently fall back to a default), trailing data and oversized
// input; it does not validate values (Check does, naming every field).
func DecodeScenario(r io.Reader) (Scenario, error) {
	var s Scenario
	b, err := io.ReadAll(io.LimitReader(r, MaxScenarioBytes+1))
	if err != nil {
		return s, err
	}
	if len(b) > MaxScenarioBytes {
		return s, fmt.Errorf("scenario file is larger than %d KiB", MaxScenarioBytes>>10)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return Scenario{}, jsonError(err)
	}
	if dec.More() {
		return Scenario{}, errors.New("scenario file: unexpected data after the scenario")
	}
	return s, nil
}

// jsonError turns encoding/json's messages into ones that name the field.
func jsonError(err error) error {
	// encoding/json returns these unwrapped; type assertions rather than
	// errors.As, whose reflection adds kilobytes to app.wasm.
	te, isType := err.(*json.UnmarshalTypeError)
	se, isSyntax := err.(*json.SyntaxError)
	switch {
	case isType:
		return fmt.Errorf("%s: expected %s, got JSON %s", fieldPath(te.Field), te.Type, te.Value)
	case isSyntax:
		return fmt.Errorf("scenario file is not valid JSON (at byte %d): %v", se.Offset, err)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return fmt.Errorf("unknown field %s", strings.TrimPrefix(err.Error(), "json: unknown field "))
	case err == io.EOF:
		return errors.New("scenario file is empty")
	case err == io.ErrUnexpectedEOF:
		return errors.New("scenario file ends early")
	}
	return fmt.Errorf("scenario file: %v", err)
}

// fieldPath rewrites "options.1.hourly_rate" as "options[1].hourly_rate".
func fieldPath(p string) string {
	if p == "" {
		return "scenario"
	}
	parts := strings.Split(p, ".")
	var b strings.Builder
	for i, part := range parts {
		if part != "" && strings.Trim(part, "0123456789") == "" {
			b.WriteString("[" + part + "]")
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(part)
	}
	return b.String()
}

// EncodeScenario writes the scenario file, indented, with numbers as strings.
func EncodeScenario(w io.Writer, s *Scenario) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(s)
}
