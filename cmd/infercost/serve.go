package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"

	"github.com/infercost/infercost/app/site"
)

func init() {
	commands["serve"] = command{"serve a built site over HTTP", runServe}
}

func runServe(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("infercost serve", flag.ContinueOnError)
	addr := fs.String("addr", ":8000", "listen `address`")
	dir := fs.String("dir", "dist", "built site `directory`")
	base := fs.String("base", "", "sub-path to serve the site under, e.g. /repo (as GitHub Pages does)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: infercost serve [-addr :8000] [-dir dist] [-base /repo]")
		fmt.Fprintln(stderr, "\nServes a site written by `infercost build`, with precompressed files and security headers.\nTimeouts and a cap on connections keep idle or slow clients from locking others out.")
		fs.PrintDefaults()
	}
	if done, code := parseFlags(fs, args, 0, stderr); done {
		return code
	}
	srv, err := site.NewServer(*dir, *base)
	if err != nil {
		fmt.Fprintln(stderr, "infercost serve:", err)
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(stderr, "infercost serve:", err)
		return 1
	}
	host := ln.Addr().(*net.TCPAddr)
	url := fmt.Sprintf("http://localhost:%d%s/", host.Port, srv.Base)
	fmt.Fprintf(stdout, "serving %s at %s\n", *dir, url)
	if err := site.Serve(context.Background(), ln, srv, site.DefaultLimits); err != nil {
		fmt.Fprintln(stderr, "infercost serve:", err)
		return 1
	}
	return 0
}
