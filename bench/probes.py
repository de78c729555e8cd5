#!/usr/bin/env python3
"""Replays the hostile probes of issue 10 against a real `newsgraph serve`
on its defaults (embedded store, seeded, in a temporary data directory) and
prints one line per probe: what came back, how long it took, and the
server's resident memory before and after. Usage:

    go build -o /tmp/newsgraph ./cmd/newsgraph && python3 bench/probes.py /tmp/newsgraph

The Go tests (graph/hostile_test.go, server/limits_test.go, ...) assert the
bounds; this script measures them on a whole server, for the record.
"""
import json, os, socket, subprocess, sys, tempfile, threading, time, urllib.request, urllib.error

BIN = sys.argv[1] if len(sys.argv) > 1 else "newsgraph"
PORT = 18711
URL = f"http://127.0.0.1:{PORT}/graphql"


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def post(body, key=None, timeout=60):
    data = json.dumps(body).encode() if not isinstance(body, bytes) else body
    req = urllib.request.Request(URL, data=data, headers={"Content-Type": "application/json"})
    if key:
        req.add_header("Authorization", "Bearer " + key)
    start = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            raw, status = resp.read(), resp.status
    except urllib.error.HTTPError as e:
        raw, status = e.read(), e.code
    took = time.monotonic() - start
    try:
        out = json.loads(raw)
    except ValueError:
        out = {}
    errs = out.get("errors") or []
    code = errs[0].get("extensions", {}).get("code", "") if errs else "ok"
    return status, code, took, len(raw)


def aliased(n, field):
    return "{" + " ".join(f"a{i}: {field}" for i in range(n)) + "}"


def main():
    data = tempfile.mkdtemp()
    env = dict(os.environ, NEWSGRAPH_LOG_LEVEL="error")
    key = subprocess.run([BIN, "keys", "create", "--scope", "write", "--data", data], env=env,
                         capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    srv = subprocess.Popen([BIN, "serve", "--addr", f"127.0.0.1:{PORT}", "--data", data], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/readyz", timeout=1)
                break
            except Exception:
                time.sleep(0.1)
        rows = []

        def probe(name, fn):
            before = rss_mb(srv.pid)
            result = fn()
            rows.append((name, result, before, rss_mb(srv.pid)))
            print(f"{name:58} {result:48} RSS {before:6.0f} -> {rss_mb(srv.pid):6.0f} MB", flush=True)

        words = " ".join(chr(ord("a") + i % 26) for i in range(500))

        def search_aliased():
            q = "query($q: String!) " + aliased(100, "search(query: $q) { score }")
            s, c, t, _ = post({"query": q, "variables": {"q": words}})
            return f"{s} {c} in {t*1000:.1f} ms"

        def search_one():
            s, c, t, _ = post({"query": "query($q: String!) { search(query: $q) { score } }", "variables": {"q": words}})
            return f"{s} {c} in {t*1000:.1f} ms"

        def documents_text():
            s, c, t, n = post({"query": aliased(150, 'entity(id: "person:claudia-sheinbaum") { documents { text } }')})
            return f"{s} {c} in {t*1000:.1f} ms, {n} bytes"

        def padded_cache():
            worst = 0.0
            for i in range(1000):
                q = "{ stats { entities } }#" + ("x" * (1000 * 1000 - 40)) + str(i)
                s, c, t, _ = post({"query": q})
                worst = max(worst, t)
            return f"last {s} {c}, slowest {worst*1000:.0f} ms"

        def stalled_bodies():
            socks = []
            for _ in range(1000):
                so = socket.create_connection(("127.0.0.1", PORT))
                so.sendall(b"POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n0123456789")
                socks.append(so)
            start = time.monotonic()
            closed = 0
            for so in socks:
                so.settimeout(30)
                try:
                    so.recv(1)
                    while so.recv(4096):
                        pass
                except Exception:
                    pass
                closed += 1
                so.close()
            return f"{closed} cut off, all within {time.monotonic() - start:.1f} s"

        def subscription_post():
            s, c, t, _ = post({"query": "subscription { graphChanged { kind } }"})
            return f"{s} {c} in {t*1000:.1f} ms"

        def presidents():
            text = " ".join(f"President Surname{i} spoke." for i in range(2000))
            ents = [{"ref": f"p{i}", "kind": "PERSON", "name": f"President Surname{i}"} for i in range(2000)]
            body = {"query": "mutation($i: IngestInput!) { ingestDocument(input: $i) { created { id } } }",
                    "variables": {"i": {"document": {"title": "Presidents", "publishedAt": "2025-11-20", "text": text},
                                        "entities": ents, "relations": []}}}
            s, c, t, _ = post(body, key=key)
            return f"{s} {c} in {t*1000:.0f} ms"

        def bad_text():
            out = []
            for name in ["\u200b", "A\u202eB", "A\x00B"]:
                body = {"query": "mutation($i: IngestInput!) { ingestDocument(input: $i) { created { id } } }",
                        "variables": {"i": {"document": {"title": "T", "publishedAt": "2025-11-20", "text": "A met B."},
                                            "entities": [{"ref": "a", "kind": "PERSON", "name": name}], "relations": []}}}
                out.append(post(body, key=key)[1])
            return " ".join(out)

        def float_range():
            body = b'{"query":"mutation($i: IngestInput!) { ingestDocument(input: $i) { created { id } } }","variables":{"i":{"document":{"title":"T","publishedAt":"2025-11-20","text":"A met B."},"entities":[{"ref":"a","kind":"PERSON","name":"A"},{"ref":"b","kind":"PERSON","name":"B"}],"relations":[{"type":"MET","from":"a","to":"b","quotes":["A met B."],"confidence":1e400}]}}}'
            s, c, t, _ = post(body, key=key)
            return f"{s} {c}"

        probe("search: 500 one-letter words, aliased 100x", search_aliased)
        probe("search: 500 one-letter words, once", search_one)
        probe("documents { text } aliased 150x", documents_text)
        probe("1,000 distinct queries padded with a 1 MB comment", padded_cache)
        probe("1,000 connections whose body stalls after the headers", stalled_bodies)
        probe("subscription sent by POST", subscription_post)
        probe("ingestDocument, 2,000 entities \"President <surname>\"", presidents)
        probe("names U+200B, bidi override, NUL", bad_text)
        probe("confidence 1e400", float_range)
    finally:
        srv.terminate()
        srv.wait(timeout=30)


if __name__ == "__main__":
    main()
