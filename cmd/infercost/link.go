package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/infercost/infercost/engine"
)

func init() {
	commands["link"] = command{"encode a scenario file as a link, or decode a link to JSON", runLink}
}

func runLink(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	usage := func() {
		fmt.Fprintln(stderr, "Usage: infercost link encode [-base URL] FILE|-")
		fmt.Fprintln(stderr, "       infercost link decode LINK|-")
		fmt.Fprintln(stderr, "\nencode prints the fragment of the scenario's link (and the full URL with -base);")
		fmt.Fprintln(stderr, "decode prints the scenario a link holds as JSON.")
	}
	if len(args) == 0 {
		usage()
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help":
		usage()
		return 0
	case "encode":
		fs := flag.NewFlagSet("infercost link encode", flag.ContinueOnError)
		base := fs.String("base", "", "site `URL` to prefix, e.g. https://example.github.io/infercost/")
		fs.Usage = usage
		if done, code := parseFlags(fs, args[1:], 1, stderr); done {
			return code
		}
		if fs.NArg() != 1 {
			usage()
			return 2
		}
		s, err := readScenario(fs.Arg(0), stdin)
		if err != nil {
			fmt.Fprintln(stderr, "infercost link encode:", err)
			return 2
		}
		frag := engine.EncodeLink(&s)
		fmt.Fprintf(stdout, "#%s\n", frag)
		if *base != "" {
			b := *base
			if !strings.HasSuffix(b, "/") {
				b += "/" // a sub-path site's worker only covers the slash form
			}
			fmt.Fprintf(stdout, "%s#%s\n", b, frag)
		}
		return 0
	case "decode":
		fs := flag.NewFlagSet("infercost link decode", flag.ContinueOnError)
		fs.Usage = usage
		if done, code := parseFlags(fs, args[1:], 1, stderr); done {
			return code
		}
		if fs.NArg() != 1 {
			usage()
			return 2
		}
		link := fs.Arg(0)
		if link == "-" {
			b, err := io.ReadAll(io.LimitReader(stdin, engine.MaxLinkLen+1024))
			if err != nil {
				fmt.Fprintln(stderr, "infercost link decode:", err)
				return 1
			}
			link = string(b)
		}
		s, err := engine.DecodeLink(link)
		if err != nil {
			fmt.Fprintln(stderr, "infercost link decode:", err)
			return 2
		}
		if err := engine.EncodeScenario(stdout, &s); err != nil {
			fmt.Fprintln(stderr, "infercost link decode:", err)
			return 1
		}
		return 0
	}
	fmt.Fprintf(stderr, "infercost link: unknown action %q\n", args[0])
	usage()
	return 2
}
