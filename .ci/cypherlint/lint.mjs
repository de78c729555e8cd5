// lint.mjs lints every neo4j/queries/*.cypher file with Neo4j's own Cypher
// front end (@neo4j-cypher/language-support, lintCypherQuery) for Cypher 5.
//
// Each file must start with a header comment declaring its parameters,
// "// params: a, b" or "// params: (none)". The file is linted against a
// database schema that declares exactly those parameters, the functions and
// procedures of a Neo4j 5 server (the package's own snapshot), and the graph
// model's labels, relationship types and property keys, so that:
//   - syntax and semantic errors fail,
//   - an undeclared parameter fails,
//   - a deprecated feature, function or procedure fails,
//   - any other warning fails too (an unknown label or property, a cartesian
//     product): add the name to the model below when it is intended.
// A declared parameter that the statement never uses also fails.
//
// Statements target Cypher 5 (Neo4j 5.26 LTS). They are linted as Cypher 25
// too, so that they keep working on newer servers whose databases default to
// Cypher 25; they carry no "CYPHER 5" prefix, which 5.26 does not accept.
//
// Usage: cd .ci/cypherlint && npm ci && node lint.mjs [files...]
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintCypherQuery, testData } from '@neo4j-cypher/language-support';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const queriesDir = join(root, 'neo4j', 'queries');

// The graph model (see neo4j/doc.go). Domain relationship types are dynamic
// ($(row.type)), so only the provenance and audit links MENTIONS and
// MERGED_INTO appear literally, and CONTRADICTS (newsgraph.ContradictsType),
// whose relations at a claim entity_degrees.cypher counts for a sketch.
const labels = [
  'Entity', 'Person', 'Organization', 'Place', 'LegalConcept', 'Event', 'Claim', 'Document',
  'Redirect', 'Merge',
];
const relationshipTypes = ['MENTIONS', 'MERGED_INTO', 'CONTRADICTS'];
const propertyKeys = [
  // Entity
  'id', 'kind', 'name', 'aliases', 'description', 'roles', 'startDate', 'endDate', 'placeId',
  'jurisdiction', 'claimText', 'claimantId', 'verdict', 'counterEvidence', 'searchKeys', 'searchDescription',
  // Relation
  'validFrom', 'validTo', 'confidence', 'evidenceQuotes', 'evidenceDocumentIds',
  // Document
  'title', 'publishedAt', 'source', 'url', 'text',
  // MENTIONS: listed marks a mention the article's entity list recorded
  // (not only evidence), spans its offsets, flattened start, end, ...
  'listed', 'spans',
  // Redirect (id, into) and Merge (into, from, actor, at, seq)
  'into', 'actor', 'at', 'seq',
  // The marker that takes a write lock before a read-modify-write, and the
  // one MERGE puts on the entities it creates.
  'locked', 'created',
  // Keys of parameter maps the statements read (row.from, ev.quote, ...).
  'from', 'to', 'type', 'label', 'properties', 'evidence', 'quote', 'documentId', 'entityId', 'relation',
  'asOf',
];

// The target version first, then the newer one.
const CYPHER_VERSIONS = ['CYPHER 5', 'CYPHER 25'];

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

// declaredParams returns the parameter names of the file's header, or null
// when the header is missing.
function declaredParams(text) {
  const m = /^\/\/ params: (.*)$/m.exec(text.split('\n', 1)[0]);
  if (!m) return null;
  const list = m[1].trim();
  if (list === '(none)') return [];
  return list.split(',').map((s) => s.trim()).filter(Boolean);
}

// usedParams returns the $parameters of a statement, outside comments and
// string literals.
function usedParams(text) {
  const code = text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/.*$/gm, ' ')
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
  return new Set([...code.matchAll(/\$`?([A-Za-z_][A-Za-z0-9_]*)`?/g)].map((m) => m[1]));
}

function lintFile(file) {
  const name = relative(root, file);
  const text = readFileSync(file, 'utf8');
  const problems = [];
  const params = declaredParams(text);
  if (params === null) {
    problems.push(`${name}:1:1: error: missing header comment "// params: a, b" (or "// params: (none)")`);
    return problems;
  }
  const used = usedParams(text);
  for (const p of params) {
    if (!used.has(p)) problems.push(`${name}:1:1: error: parameter $${p} is declared but never used`);
  }
  for (const version of CYPHER_VERSIONS) {
    const schema = {
      functions: testData.mockSchema.functions,
      procedures: testData.mockSchema.procedures,
      labels,
      relationshipTypes,
      propertyKeys,
      defaultLanguage: version,
      // The values only need to be defined; the front end checks names.
      parameters: Object.fromEntries(params.map((p) => [p, null])),
    };
    const { diagnostics } = lintCypherQuery(text, schema);
    for (const d of diagnostics) {
      const line = d.range.start.line + 1;
      const col = d.range.start.character + 1;
      const deprecated = (d.tags ?? []).includes(2) || /deprecat/i.test(d.message);
      const severity = SEVERITY[d.severity] ?? 'error';
      const kind = deprecated ? `${severity} (deprecation)` : severity;
      problems.push(`${name}:${line}:${col}: ${kind} [${version}]: ${d.message.replace(/\s+/g, ' ')}`);
    }
  }
  return problems;
}

const args = process.argv.slice(2);
const files = args.length > 0
  ? args.map((f) => resolve(f))
  : readdirSync(queriesDir).filter((f) => f.endsWith('.cypher')).sort().map((f) => join(queriesDir, f));
if (files.length === 0) {
  console.error(`no .cypher files in ${relative(root, queriesDir)}`);
  process.exit(1);
}
let failed = 0;
for (const file of files) {
  const problems = lintFile(file);
  for (const p of problems) console.log(p);
  if (problems.length > 0) failed++;
}
console.log(`cypherlint: ${files.length} files, ${failed} with problems`);
process.exit(failed > 0 ? 1 : 0);
