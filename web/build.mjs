// Builds the browser UI into dist/: GraphiQL (dist/index.html) and the
// explorer (dist/explore.html), each a page that loads content-hashed
// bundles from dist/assets/. The output is committed and embedded by the Go
// package web; CI rebuilds it from the lockfile and fails if it differs, so
// the build must be deterministic: no timestamps, no absolute paths, a
// pinned esbuild.
import { build } from "esbuild";
import { readFileSync, writeFileSync, rmSync, mkdirSync, readdirSync } from "node:fs";
import { basename, extname } from "node:path";
import { gzipSync, brotliCompressSync, constants as zlib } from "node:zlib";

const here = new URL(".", import.meta.url).pathname;
const dist = here + "dist/";

// The README's example queries become GraphiQL's default tabs, so the two
// cannot drift apart: change the README, rebuild, commit.
function readmeExamples() {
  const readme = readFileSync(here + "../README.md", "utf8");
  const start = readme.indexOf("\n## Example queries");
  const end = readme.indexOf("\n## ", start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const examples = [];
  const re = /((?:[^\n]+\n)*?[^\n]*)\n\n```graphql\n([\s\S]*?)```/g;
  for (const m of section.matchAll(re)) {
    const paragraph = m[1].trim().split("\n\n").pop();
    const title = paragraph.replace(/\s+/g, " ").replace(/[:.]$/, "").trim();
    // GraphiQL names a tab after its operation: name each example after
    // the first words of the sentence that introduces it.
    const name = title.split(/[^A-Za-z]+/).filter((w) => w.length > 3).slice(0, 4)
      .map((w) => w[0].toUpperCase() + w.slice(1)).join("");
    const query = m[2].replace(/^\{/, `query ${name} {`);
    examples.push({ title, query: `# ${title}\n${query}` });
  }
  if (examples.length === 0) throw new Error("no example queries found in README.md");
  return examples;
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist + "assets", { recursive: true });

const result = await build({
  entryPoints: { graphiql: here + "src/graphiql.js", explore: here + "src/explore.js" },
  bundle: true,
  minify: true,
  format: "esm",
  target: ["es2022"],
  outdir: dist + "assets",
  entryNames: "[name]-[hash]",
  chunkNames: "chunk-[hash]",
  assetNames: "[name]-[hash]",
  splitting: false,
  metafile: true,
  legalComments: "eof",
  charset: "utf8",
  loader: { ".woff2": "file", ".woff": "file", ".ttf": "file", ".svg": "file" },
  define: {
    "process.env.NODE_ENV": '"production"',
    __EXAMPLES__: JSON.stringify(readmeExamples()),
  },
  logLevel: "warning",
});

// Map each entry to its hashed outputs.
const outputs = {};
for (const [file, out] of Object.entries(result.metafile.outputs)) {
  if (!out.entryPoint) continue;
  const name = basename(out.entryPoint).replace(/\.js$/, "");
  outputs[name] = { js: "/assets/" + basename(file), css: out.cssBundle ? "/assets/" + basename(out.cssBundle) : null };
}

function page(title, entry, body) {
  const o = outputs[entry];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
${o.css ? `<link rel="stylesheet" href="${o.css}">\n` : ""}<script type="module" src="${o.js}"></script>
</head>
<body>
${body}
</body>
</html>
`;
}

writeFileSync(dist + "index.html", page("newsgraph · GraphiQL", "graphiql",
  '<div id="graphiql" style="height:100vh">Loading GraphiQL…</div>'));
writeFileSync(dist + "explore.html", page("newsgraph · explorer", "explore",
  readFileSync(here + "src/explore.html", "utf8").trim()));

// Every text asset also goes precompressed beside itself, as NAME.gz and
// NAME.br, which package web serves by the request's Accept-Encoding. Both
// encoders are Node's own zlib, so the output is the same on every machine
// of one Node.js major (gzip's header carries no time). Fonts are already
// compressed; a file that would not shrink by a tenth is left alone.
const compressible = new Set([".js", ".css", ".svg", ".txt", ".ttf", ".json", ".map"]);
for (const name of readdirSync(dist + "assets").sort()) {
  if (!compressible.has(extname(name))) continue;
  const data = readFileSync(dist + "assets/" + name);
  const gz = gzipSync(data, { level: 9 });
  const br = brotliCompressSync(data, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: data.length, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT },
  });
  if (gz.length < data.length * 0.9) writeFileSync(dist + "assets/" + name + ".gz", gz);
  if (br.length < data.length * 0.9) writeFileSync(dist + "assets/" + name + ".br", br);
}
