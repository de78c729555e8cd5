package web_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"regexp"
	"strconv"
	"testing"

	"github.com/newsgraph/newsgraph/web"
)

// bundle returns the path of the explorer's script, read from its page.
func bundle(t *testing.T) string {
	t.Helper()
	_, page := get(t, web.Explorer(), "/")
	m := regexp.MustCompile(`src="(/assets/explore-[^"]+\.js)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("the explorer's page names no bundle: %s", page)
	}
	return m[1]
}

// fetch serves GET path to h with the given request headers.
func fetch(t *testing.T, h http.Handler, path string, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	resp := rec.Result()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

// decode returns body decoded from the content coding enc with a real
// decoder: Go's gzip, and Node's zlib for brotli (Go's standard library
// has none), skipping tb without Node.js.
func decode(t *testing.T, enc string, body []byte) []byte {
	t.Helper()
	switch enc {
	case "":
		return body
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		out, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		return out
	case "br":
		if _, err := exec.LookPath("node"); err != nil {
			t.Skip("no Node.js to decode brotli with")
		}
		cmd := exec.Command("node", "-e", `process.stdout.write(require("zlib").brotliDecompressSync(require("fs").readFileSync(0)))`)
		cmd.Stdin = bytes.NewReader(body)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("node's brotli decoder: %v", err)
		}
		return out
	}
	t.Fatalf("unknown encoding %q", enc)
	return nil
}

func TestAssetsAreServedCompressedByAcceptEncoding(t *testing.T) {
	asset := bundle(t)
	h := web.Assets()
	_, original := fetch(t, h, asset, nil)
	if len(original) < 100_000 {
		t.Fatalf("%s is %d bytes uncompressed", asset, len(original))
	}
	etags := map[string]string{}
	for _, tc := range []struct{ accept, want string }{
		{"", ""},
		{"identity", ""},
		{"gzip", "gzip"},
		{"br", "br"},
		{"gzip, deflate, br, zstd", "br"},
		{"br;q=0, gzip", "gzip"},
		{"gzip;q=0.5, br;q=0", "gzip"},
		{"*", "br"},
		{"*;q=0, gzip", "gzip"},
		{"br;q=0, gzip;q=0", ""},
		{"GZIP", "gzip"},
		{"br;q=nonsense", ""},
	} {
		t.Run(tc.accept, func(t *testing.T) {
			resp, body := fetch(t, h, asset, map[string]string{"Accept-Encoding": tc.accept})
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d", resp.StatusCode)
			}
			if got := resp.Header.Get("Content-Encoding"); got != tc.want {
				t.Errorf("Content-Encoding = %q, want %q", got, tc.want)
			}
			if got := resp.Header.Get("Vary"); got != "Accept-Encoding" {
				t.Errorf("Vary = %q, want Accept-Encoding", got)
			}
			if got := resp.Header.Get("Content-Length"); got != strconv.Itoa(len(body)) {
				t.Errorf("Content-Length = %s, body has %d bytes", got, len(body))
			}
			if got := resp.Header.Get("Content-Type"); got != "text/javascript; charset=utf-8" {
				t.Errorf("Content-Type = %q", got)
			}
			if tc.want != "" && len(body) > len(original)/2 {
				t.Errorf("%s body is %d bytes, the original %d", tc.want, len(body), len(original))
			}
			etag := resp.Header.Get("ETag")
			if prev, ok := etags[tc.want]; ok && prev != etag {
				t.Errorf("ETag %s, another request of the same encoding had %s", etag, prev)
			}
			for enc, other := range etags {
				if enc != tc.want && other == etag {
					t.Errorf("ETag %s is also the %q encoding's", etag, enc)
				}
			}
			etags[tc.want] = etag
			// A revalidation with the representation's own tag is 304.
			if resp, _ := fetch(t, h, asset, map[string]string{"Accept-Encoding": tc.accept, "If-None-Match": etag}); resp.StatusCode != http.StatusNotModified {
				t.Errorf("If-None-Match %s: status %d, want 304", etag, resp.StatusCode)
			}
			if got := decode(t, tc.want, body); !bytes.Equal(got, original) {
				t.Errorf("decoded %s body (%d bytes) differs from the original (%d bytes)", tc.want, len(got), len(original))
			}
		})
	}
}

func TestPrecompressedCopiesAreNotServedByName(t *testing.T) {
	asset := bundle(t)
	for _, path := range []string{asset + ".gz", asset + ".br"} {
		if resp, _ := fetch(t, web.Assets(), path, nil); resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", path, resp.StatusCode)
		}
	}
}

func TestARangeIsOfTheIdentityEncodingOnly(t *testing.T) {
	asset := bundle(t)
	for _, tc := range []struct {
		accept     string
		wantStatus int
		wantLen    string
	}{
		{"", http.StatusPartialContent, "10"},
		{"gzip", http.StatusOK, ""},
		{"br", http.StatusOK, ""},
	} {
		resp, body := fetch(t, web.Assets(), asset, map[string]string{"Accept-Encoding": tc.accept, "Range": "bytes=0-9"})
		if resp.StatusCode != tc.wantStatus {
			t.Errorf("Accept-Encoding %q, Range bytes=0-9: status %d, want %d", tc.accept, resp.StatusCode, tc.wantStatus)
		}
		if want := tc.wantLen; want == "" {
			if got := resp.Header.Get("Content-Length"); got != strconv.Itoa(len(body)) {
				t.Errorf("Accept-Encoding %q: Content-Length %s for %d bytes", tc.accept, got, len(body))
			}
		} else if got := resp.Header.Get("Content-Length"); got != want {
			t.Errorf("Accept-Encoding %q: Content-Length %s, want %s", tc.accept, got, want)
		}
	}
}
