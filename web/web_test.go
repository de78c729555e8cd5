package web_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/web"
)

// get serves one request to h and returns the response and its body.
func get(t *testing.T, h http.Handler, path string) (*http.Response, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	resp := rec.Result()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

func TestPagesLoadOnlyTheirOwnAssets(t *testing.T) {
	assetRef := regexp.MustCompile(`(?:src|href)="([^"]+)"`)
	for name, h := range map[string]http.Handler{"graphiql": web.GraphiQL(), "explorer": web.Explorer()} {
		t.Run(name, func(t *testing.T) {
			resp, body := get(t, h, "/")
			if got, want := resp.Header.Get("Content-Type"), "text/html; charset=utf-8"; got != want {
				t.Errorf("Content-Type = %q, want %q", got, want)
			}
			if got, want := resp.Header.Get("Cache-Control"), "no-cache"; got != want {
				t.Errorf("Cache-Control = %q, want %q", got, want)
			}
			csp := resp.Header.Get("Content-Security-Policy")
			for _, want := range []string{"default-src 'self'", "script-src 'self';", "connect-src 'self' ws://example.com wss://example.com;", "frame-ancestors 'none'"} {
				if !strings.Contains(csp, want) {
					t.Errorf("Content-Security-Policy %q lacks %q", csp, want)
				}
			}
			if strings.Contains(csp, "unsafe-eval") {
				t.Errorf("Content-Security-Policy allows eval: %q", csp)
			}
			refs := assetRef.FindAllStringSubmatch(body, -1)
			var scripts int
			for _, m := range refs {
				ref := m[1]
				if ref == "data:," || ref == "/" || strings.HasPrefix(ref, "/explore") || strings.HasPrefix(ref, "#") {
					continue
				}
				if !strings.HasPrefix(ref, web.AssetsPrefix) {
					t.Errorf("page refers to %q, outside %s", ref, web.AssetsPrefix)
					continue
				}
				resp, asset := get(t, web.Assets(), ref)
				if resp.StatusCode != http.StatusOK || len(asset) == 0 {
					t.Errorf("GET %s = %d, %d bytes", ref, resp.StatusCode, len(asset))
				}
				if strings.HasSuffix(ref, ".js") {
					scripts++
					if got, want := resp.Header.Get("Content-Type"), "text/javascript; charset=utf-8"; got != want {
						t.Errorf("%s: Content-Type = %q, want %q", ref, got, want)
					}
				}
				if got, want := resp.Header.Get("Cache-Control"), "public, max-age=31536000, immutable"; got != want {
					t.Errorf("%s: Cache-Control = %q, want %q", ref, got, want)
				}
			}
			if scripts != 1 {
				t.Errorf("page loads %d scripts, want its one bundle", scripts)
			}
		})
	}
}

func TestAssetsServesNothingElse(t *testing.T) {
	for _, path := range []string{"/assets/", "/assets/nope.js", "/assets/../index.html", "/assets/x/y.js", "/index.html"} {
		if resp, _ := get(t, web.Assets(), path); resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", path, resp.StatusCode)
		}
	}
}

func TestBundlesReferToNoOtherOrigin(t *testing.T) {
	// A URL the bundle would fetch: in a CSS url() or an import. Links in
	// license comments and strings shown to the user are fine.
	remote := regexp.MustCompile(`url\(\s*["']?(?:https?:)?//|@import\s+["']?(?:url\()?["']?(?:https?:)?//|import\(["'](?:https?:)?//`)
	for _, h := range []http.Handler{web.GraphiQL(), web.Explorer()} {
		_, page := get(t, h, "/")
		for _, m := range regexp.MustCompile(`(?:src|href)="(/assets/[^"]+)"`).FindAllStringSubmatch(page, -1) {
			_, asset := get(t, web.Assets(), m[1])
			if loc := remote.FindStringIndex(asset); loc != nil {
				t.Errorf("%s fetches from another origin: %q", m[1], asset[loc[0]:min(loc[1]+60, len(asset))])
			}
		}
	}
}
