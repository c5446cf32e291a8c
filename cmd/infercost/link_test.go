package main

import (
	"strconv"
	"strings"
	"testing"

	"github.com/infercost/infercost/engine"
)

func TestLinkEncodeDecodeEval(t *testing.T) {
	code, out, stderr := runCLI("", "link", "encode", "-base", "https://example.github.io/infercost", "testdata/handworked.json")
	if code != 0 {
		t.Fatalf("encode: exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	v := "#" + strconv.Itoa(engine.LinkVersion)
	if len(lines) != 2 || !strings.HasPrefix(lines[0], v) || !strings.HasPrefix(lines[1], "https://example.github.io/infercost/"+v) {
		t.Fatalf("encode output:\n%s", out)
	}
	// eval accepts the link in place of the file and prints the same table.
	_, want, _ := runCLI("", "eval", "testdata/handworked.json")
	code, got, stderr := runCLI("", "eval", lines[1])
	if code != 0 || got != want {
		t.Errorf("eval of the link: exit %d %s\n%s\nwant\n%s", code, stderr, got, want)
	}
	// decode gives the scenario back; it evaluates to the same table.
	code, js, stderr := runCLI("", "link", "decode", lines[0])
	if code != 0 {
		t.Fatalf("decode: exit %d: %s", code, stderr)
	}
	if code, got, _ := runCLI(js, "eval", "-"); code != 0 || got != want {
		t.Errorf("eval of the decoded JSON differs:\n%s", got)
	}
	// A link given on stdin.
	if code, got, _ := runCLI(lines[1], "eval", "-"); code != 0 || got != want {
		t.Errorf("eval of a link on stdin differs:\n%s", got)
	}
}

func TestLinkErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"link"}, "Usage: infercost link encode"},
		{[]string{"link", "frob"}, `unknown action "frob"`},
		{[]string{"link", "decode", "#10r.x"}, "newer version of infercost"},
		{[]string{"link", "decode", "#1r.zz=1"}, `unknown part "zz"`},
		{[]string{"link", "encode", "nope.json"}, "no such file"},
	} {
		code, _, stderr := runCLI("", tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q", tc.args, code, stderr)
		}
	}
}

// TestLinkDecodeHostileText: `link decode` prints a scenario that has not
// been validated; its names and labels reach the terminal escaped, and the
// JSON reads back to the same text.
func TestLinkDecodeHostileText(t *testing.T) {
	link := "#1r.n=evil%E2%80%AEgnp.exe~o=api~l=a%C2%9B31m%E2%81%A7b%7F"
	code, out, stderr := runCLI("", "link", "decode", link)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if rawHostile(out) {
		t.Errorf("raw control or bidi character in the output:\n%q", out)
	}
	for _, want := range []string{`"name": "evil\u202egnp.exe"`, `"label": "a\u009b31m\u2067b\u007f"`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
	// eval of that JSON refuses the text, naming the field.
	if code, _, stderr := runCLI(out, "eval", "-"); code != 2 || !strings.Contains(stderr, "name: contains an invisible text-direction control character (U+202E)") {
		t.Errorf("eval: exit %d, %s", code, stderr)
	}
}

// TestEvalByteOrderMarkBeforeLink: a link saved in a text file with a
// byte-order mark is still a link.
func TestEvalByteOrderMarkBeforeLink(t *testing.T) {
	_, link, _ := runCLI("", "link", "encode", "testdata/handworked.json")
	_, want, _ := runCLI("", "eval", "testdata/handworked.json")
	if code, got, stderr := runCLI("\uFEFF"+link, "eval", "-"); code != 0 || got != want {
		t.Errorf("exit %d, %s\n%s", code, stderr, got)
	}
}
