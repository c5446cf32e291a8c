package main

// page is the HTML the floor page builds: TestBenchLoadsAB replaces this
// file (go build -overlay) with the body of infercost's prerendered page.
var page = `<p>floor</p>`
