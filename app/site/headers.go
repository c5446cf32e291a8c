package site

import (
	"net/http"
	"strings"
)

// ContentSecurityPolicy is everything the built site needs and nothing more:
// its own scripts, styles, images, manifest and worker, plus
// 'wasm-unsafe-eval', without which the browser refuses to compile
// app.wasm. The pages hold no inline script or style (go-app sets styles
// through the CSSOM, which style-src does not govern), so neither is
// allowed; data: and blob: images are, for pictures made in the page.
// frame-ancestors 'none' keeps the calculator out of other sites' frames
// (clickjacking). Server sends it as a header; Build writes it, without
// frame-ancestors, as a meta tag for static hosts that set no headers.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

// PermissionsPolicy denies the powerful features the app never uses, so that
// neither a bug nor a script injected some day can reach them. Copying a link
// needs clipboard-write, which keeps its default (this origin only). Every
// name is one Chromium knows: an unknown one only earns a console warning.
const PermissionsPolicy = "accelerometer=(), autoplay=(), browsing-topics=(), camera=(), clipboard-read=(), " +
	"display-capture=(), encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), hid=(), " +
	"idle-detection=(), magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), " +
	"publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()"

// securityHeaders are set on every response of Server, errors included.
var securityHeaders = [...][2]string{
	{"Content-Security-Policy", ContentSecurityPolicy},
	{"Permissions-Policy", PermissionsPolicy},
	{"Referrer-Policy", "no-referrer"}, // a model's source link need not learn who reads the calculator
	{"X-Content-Type-Options", "nosniff"},
}

// SetSecurityHeaders adds the site's security headers to h.
func SetSecurityHeaders(h http.Header) {
	for _, kv := range securityHeaders {
		h.Set(kv[0], kv[1])
	}
}

// MetaContentSecurityPolicy is ContentSecurityPolicy as a
// <meta http-equiv> tag may carry it: browsers ignore frame-ancestors there.
func MetaContentSecurityPolicy() string {
	var keep []string
	for _, d := range strings.Split(ContentSecurityPolicy, ";") {
		if d = strings.TrimSpace(d); d != "" && !strings.HasPrefix(d, "frame-ancestors ") {
			keep = append(keep, d)
		}
	}
	return strings.Join(keep, "; ")
}
