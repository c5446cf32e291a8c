package main

import (
	"bytes"
	"strings"
	"testing"
)

// runCLI runs the command in-process and returns its exit code and output.
func runCLI(stdin string, args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestCommandErrors(t *testing.T) {
	missing := t.TempDir() + "/nothing"
	for _, tc := range []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"no command", nil, 2, "Usage: infercost <command>"},
		{"unknown command", []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"build bad flag", []string{"build", "-nope"}, 2, "flag provided but not defined: -nope"},
		{"build stray arg", []string{"build", "extra"}, 2, `unexpected argument "extra"`},
		{"build bad base", []string{"build", "-base", "/a/../b"}, 2, "want a URL path such as /repo"},
		{"serve bad flag", []string{"serve", "-port", "1"}, 2, "flag provided but not defined: -port"},
		{"serve missing dist", []string{"serve", "-dir", missing, "-addr", "127.0.0.1:0"}, 1, "is not a built site (missing index.html): run `infercost build -out " + missing},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCLI("", tc.args...)
			if code != tc.wantCode || !strings.Contains(stderr, tc.wantErr) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d and %q", code, stderr, tc.wantCode, tc.wantErr)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"help"}} {
		code, stdout, _ := runCLI("", args...)
		if code != 0 || !strings.Contains(stdout, "build ") || !strings.Contains(stdout, "serve ") {
			t.Errorf("%v: exit %d, stdout:\n%s", args, code, stdout)
		}
	}
	for _, sub := range []string{"build", "serve"} {
		code, _, stderr := runCLI("", sub, "-h")
		if code != 0 || !strings.Contains(stderr, "Usage: infercost "+sub) {
			t.Errorf("%s -h: exit %d, stderr:\n%s", sub, code, stderr)
		}
	}
}

// throughLink encodes file as a link, checks that the link and the JSON
// it decodes to both evaluate to want (the file's own table), and returns
// the link and that JSON for the caller's checks of the fields it holds.
func throughLink(t *testing.T, file, want string) (link, decoded string) {
	t.Helper()
	code, out, stderr := runCLI("", "link", "encode", file)
	if code != 0 {
		t.Fatalf("encode: exit %d: %s", code, stderr)
	}
	link = strings.Split(strings.TrimSpace(out), "\n")[0]
	if code, got, stderr := runCLI("", "eval", link); code != 0 || got != want {
		t.Errorf("eval of the link %s: exit %d %s\n%s\nwant\n%s", link, code, stderr, got, want)
	}
	code, decoded, stderr = runCLI("", "link", "decode", link)
	if code != 0 {
		t.Fatalf("decode: exit %d: %s", code, stderr)
	}
	if code, got, _ := runCLI(decoded, "eval", "-"); code != 0 || got != want {
		t.Errorf("eval of the decoded file differs:\n%s", got)
	}
	return link, decoded
}
