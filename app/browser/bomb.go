package browser

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
)

// bomb is a link payload that inflates to 4 MB, for the hostile-link test.
var bomb = func() string {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	w.Write([]byte("n="))
	w.Write(bytes.Repeat([]byte("A"), 4<<20))
	w.Close()
	return "1z." + base64.RawURLEncoding.EncodeToString(buf.Bytes())
}()
