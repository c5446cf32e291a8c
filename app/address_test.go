package app

import (
	"net/url"
	"testing"
)

func TestParseableURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"http://h/#1r.n=x", "http://h/#1r.n=x"}, // parses: unchanged
		{"http://h/#%", "http://h/#%25"},
		{"http://h/#1r.n=100%", "http://h/#1r.n=100%25"},
		{"http://h/#1r.n=50%off~x", "http://h/#1r.n=50%25off~x"},
		{"http://h/#1r.n=50%2541", "http://h/#1r.n=50%2541"}, // a valid escape stays
		{"http://h/repo/?q=%zz#a%", "http://h/repo/?q=%25zz#a%25"},
		{"http://h/#a%4", "http://h/#a%254"},
	} {
		got, changed := ParseableURL(tc.in)
		if got != tc.want || changed != (tc.in != tc.want) {
			t.Errorf("ParseableURL(%q) = %q, %v; want %q", tc.in, got, changed, tc.want)
		}
		if _, err := url.Parse(got); err != nil {
			t.Errorf("%q still does not parse: %v", got, err)
		}
	}
}

func FuzzParseableURL(f *testing.F) {
	for _, s := range []string{"http://h/#%", "http://[::1/#x", "http://h/%zz?%#%%", "http://h\x7f/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, href string) {
		got, _ := ParseableURL(href)
		if _, err := url.Parse(got); err != nil {
			t.Fatalf("ParseableURL(%q) = %q, which url.Parse refuses: %v", href, got, err)
		}
	})
}
