#!/usr/bin/env node
// Offline SHACL validation of a JSON-LD document (Guichet's CPSV-AP 3.2 export).
//
//   node validate.mjs <data.jsonld> [shapes.ttl]
//
// Default shapes: reference/cpsv-ap-SHACL.ttl (official CPSV-AP 3.2.0 shapes).
// Prints ONE JSON object on stdout:
//   { "conforms", "violations", "warnings", "infos", "results": [ { "severity", "focusNode",
//     "path", "sourceShape", "sourceConstraintComponent", "value", "message" } ] }
// Exit codes: 0 = no result of severity Violation (warnings/infos are reported but do not
//             fail), 1 = at least one Violation, 2 = usage, I/O or parse error (on stderr).
//
// Never touches the network: JSON-LD contexts are served from local files (KNOWN_CONTEXTS)
// and any other remote URL makes the run fail with exit code 2.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import jsonld from 'jsonld';
import { Parser } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

const here = dirname(fileURLToPath(import.meta.url));
const DEFAULT_SHAPES = resolve(here, 'reference/cpsv-ap-SHACL.ttl');

// Remote context URL -> local file. Only these are ever "loaded"; nothing is fetched.
const CPSV_AP_CONTEXT = resolve(here, 'reference/cpsv-ap-context.jsonld');
export const KNOWN_CONTEXTS = new Map([
  // the URL used by the official CPSV-AP 3.2.0 example (example-public-service.jsonld)
  ['https://semiceu.github.io/uri.semic.eu-generated/CPSV-AP/releases/3.2.0/context/cpsv-ap.jsonld', CPSV_AP_CONTEXT],
  ['http://semiceu.github.io/uri.semic.eu-generated/CPSV-AP/releases/3.2.0/context/cpsv-ap.jsonld', CPSV_AP_CONTEXT],
]);

const SH = 'http://www.w3.org/ns/shacl#';
const SHORT_SEVERITY = { [`${SH}Violation`]: 'Violation', [`${SH}Warning`]: 'Warning', [`${SH}Info`]: 'Info' };

class UsageError extends Error {}

function die(message, code = 2) {
  process.stderr.write(`validate.mjs: ${message}\n`);
  process.exit(code);
}

/** jsonld documentLoader that never goes to the network. */
export function offlineDocumentLoader(url) {
  const local = KNOWN_CONTEXTS.get(url);
  let file;
  if (local) file = local;
  else if (url.startsWith('file:')) file = fileURLToPath(url);
  else {
    throw new Error(
      `refusing to load remote document <${url}>: validation is offline-only. ` +
      `Inline the @context, or map this URL to a local file in KNOWN_CONTEXTS (validate.mjs).`,
    );
  }
  let document;
  try {
    document = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read context <${url}> from ${file}: ${e.message}`);
  }
  return Promise.resolve({ contextUrl: null, documentUrl: url, document });
}

function termToString(term) {
  if (!term) return null;
  switch (term.termType) {
    case 'NamedNode': return term.value;
    case 'BlankNode': return `_:${term.value}`;
    case 'Literal': {
      const v = JSON.stringify(term.value);
      if (term.language) return `${v}@${term.language}`;
      if (term.datatype && term.datatype.value !== 'http://www.w3.org/2001/XMLSchema#string') return `${v}^^<${term.datatype.value}>`;
      return v;
    }
    default: return term.value;
  }
}

function pathToString(path) {
  if (!path) return null;
  if (path.termType) return termToString(path); // simple predicate path
  return JSON.stringify(path); // complex paths (none in CPSV-AP 3.2.0, kept for other shapes)
}

async function loadShapes(shapesPath) {
  let text;
  try {
    text = readFileSync(shapesPath, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read shapes file ${shapesPath}: ${e.message}`);
  }
  try {
    return new Parser({ baseIRI: pathToFileURL(shapesPath).href }).parse(text);
  } catch (e) {
    throw new UsageError(`cannot parse shapes file ${shapesPath} as Turtle: ${e.message}`);
  }
}

function ignoreHarmlessEvents({ event, next }) {
  if (event.code === 'object with only @id') return; // handled: stop here
  next();
}

async function loadData(dataPath) {
  let text;
  try {
    text = readFileSync(dataPath, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read data file ${dataPath}: ${e.message}`);
  }
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${dataPath} is not valid JSON: ${e.message}`);
  }
  let nquads;
  try {
    nquads = await jsonld.toRDF(doc, {
      format: 'application/n-quads',
      documentLoader: offlineDocumentLoader,
      // no document base: a relative "@id" is an error (safe mode) instead of silently
      // becoming a file:// IRI. An export must use absolute IRIs (or declare @base).
      base: null,
      // Safe mode: anything JSON-LD would silently DROP (a key with no term definition,
      // a relative IRI, a bad language tag ...) is an error instead of a false "conforms".
      // One harmless case is let through: a free-floating node with only an "@id" (it
      // states nothing, so nothing is lost).
      eventHandler: [ignoreHarmlessEvents, jsonld.safeEventHandler],
    });
  } catch (e) {
    const details = e.details ? ` ${JSON.stringify(e.details.event ?? e.details, null, 0).slice(0, 600)}` : '';
    const cause = e.details?.cause?.message ? ` (cause: ${e.details.cause.message})` : '';
    throw new UsageError(`cannot convert ${dataPath} from JSON-LD to RDF: ${e.message}${cause}${details}`);
  }
  try {
    return { quads: new Parser({ format: 'application/n-quads' }).parse(nquads), nquads };
  } catch (e) {
    throw new UsageError(`jsonld produced N-Quads that n3 cannot parse: ${e.message}`);
  }
}

/** sh:name / rdfs:seeAlso / constraint parameters of a shape, to make messages readable. */
function shapeInfo(shapeQuads, shapeIri) {
  const info = { params: {} };
  for (const q of shapeQuads) {
    if (q.subject.value !== shapeIri) continue;
    const p = q.predicate.value;
    if (p === `${SH}name`) info.name ??= q.object.value;
    else if (p === 'http://www.w3.org/2000/01/rdf-schema#seeAlso') info.seeAlso ??= q.object.value;
    else if (p.startsWith(SH)) info.params[p.slice(SH.length)] ??= q.object.value;
  }
  return info;
}

// Messages for components whose validator has none (rdf-validate-shacl only has messages
// for some components and the CPSV-AP shapes carry no sh:message).
const FALLBACK_MESSAGES = {
  ClassConstraintComponent: (p, value) => `Value ${value} is not an instance of <${p.class}> in the data graph ` +
    `(give it "@type": "${p.class}" in the export; nothing is dereferenced)`,
  MinCountConstraintComponent: (p) => `Less than ${p.minCount} value(s) (mandatory property)`,
  MaxCountConstraintComponent: (p) => `More than ${p.maxCount} value(s)`,
  DatatypeConstraintComponent: (p, value) => `Value ${value} is not a well-formed literal of datatype <${p.datatype}>`,
  NodeKindConstraintComponent: (p, value) => `Value ${value} does not have node kind <${p.nodeKind}>`,
};

export async function validate(dataPath, shapesPath = DEFAULT_SHAPES) {
  const shapeQuads = await loadShapes(shapesPath);
  const { quads } = await loadData(dataPath);
  const validator = new SHACLValidator(shapeQuads);
  const dataset = validator.factory.dataset(quads);
  const report = await validator.validate(dataset);

  const results = report.results.map((r) => {
    const sourceShape = termToString(r.sourceShape);
    const { name, seeAlso, params } = shapeInfo(shapeQuads, r.sourceShape?.value);
    const component = r.sourceConstraintComponent?.value?.replace(SH, '') ?? '';
    const value = termToString(r.value);
    const base = r.message.map((m) => m.value).join(' / ') ||
      FALLBACK_MESSAGES[component]?.(params, value) || `${component || 'constraint'} not satisfied`;
    const where = [name && `"${name}"`, seeAlso].filter(Boolean).join(' ');
    return {
      severity: SHORT_SEVERITY[r.severity?.value] ?? termToString(r.severity),
      focusNode: termToString(r.focusNode),
      path: pathToString(r.path),
      sourceShape,
      sourceConstraintComponent: termToString(r.sourceConstraintComponent),
      value,
      message: where ? `${base} (${where})` : base,
    };
  });
  const key = (x) => [x.focusNode, x.path, x.sourceConstraintComponent, x.value, x.sourceShape].join('\u0000');
  results.sort((a, b) => key(a).localeCompare(key(b)));

  const count = (s) => results.filter((x) => x.severity === s).length;
  return {
    conforms: report.conforms,
    violations: count('Violation'),
    warnings: count('Warning'),
    infos: count('Info'),
    results,
  };
}

async function main(argv) {
  const args = argv.slice(2);
  if (args.length < 1 || args.length > 2 || args.some((a) => a === '-h' || a === '--help')) {
    throw new UsageError('usage: node validate.mjs <data.jsonld> [shapes.ttl]\n' +
      `  default shapes: ${DEFAULT_SHAPES}`);
  }
  const [dataPath, shapesPath = DEFAULT_SHAPES] = args;
  const out = await validate(dataPath, shapesPath);
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return out.violations > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv).then(
    (code) => { process.exitCode = code; },
    (e) => die(e instanceof UsageError ? e.message : (e.stack ?? String(e))),
  );
}
