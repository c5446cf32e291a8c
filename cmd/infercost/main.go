// Command infercost builds and serves the infercost web app and evaluates
// scenarios from the command line. Each subcommand lives in its own file and
// only wires flags to the packages that do the work.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// command is one subcommand: its one-line summary and its entry point, which
// returns the process exit code.
type command struct {
	summary string
	run     func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

var commands = map[string]command{}

// order is the order subcommands appear in the help text.
var order = []string{"build", "serve", "eval", "link"}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(stdout)
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "infercost: unknown command %q\n\n", args[0])
		usage(stderr)
		return 2
	}
	return c.run(args[1:], stdin, stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "infercost: what serving AI models costs at volume.")
	fmt.Fprintln(w, "\nUsage: infercost <command> [flags] [args]\n\nCommands:")
	for _, name := range order {
		if c, ok := commands[name]; ok {
			fmt.Fprintf(w, "  %-6s %s\n", name, c.summary)
		}
	}
	fmt.Fprintln(w, "\nRun `infercost <command> -h` for a command's flags.")
}

// parseFlags parses a subcommand's flags and checks it got at most maxArgs
// positional arguments. It returns done=true with the exit code when the
// command must stop: 0 after -h, 2 on a usage error.
func parseFlags(fs *flag.FlagSet, args []string, maxArgs int, stderr io.Writer) (done bool, code int) {
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return true, 0
		}
		return true, 2
	}
	if fs.NArg() > maxArgs {
		fmt.Fprintf(stderr, "%s: unexpected argument %q\n", fs.Name(), fs.Arg(maxArgs))
		return true, 2
	}
	return false, 0
}
