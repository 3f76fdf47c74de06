#!/usr/bin/env node
// Prints, as Markdown, what a SHACL shapes file (default: the official CPSV-AP 3.2.0
// shapes) requires per target class: one row per property path, with the min/max
// counts, sh:datatype, sh:class and sh:nodeKind gathered from all the property shapes
// that share that path. Used to write and check README.md.
//
//   node summarize-shapes.mjs [shapes.ttl]
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser } from 'n3';

const here = dirname(fileURLToPath(import.meta.url));
const shapesPath = process.argv[2] ?? resolve(here, 'reference/cpsv-ap-SHACL.ttl');

const SH = 'http://www.w3.org/ns/shacl#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDFS_SEEALSO = 'http://www.w3.org/2000/01/rdf-schema#seeAlso';

const PREFIXES = [
  ['cpsv:', 'http://purl.org/vocab/cpsv#'],
  ['cv:', 'http://data.europa.eu/m8g/'],
  ['dct:', 'http://purl.org/dc/terms/'],
  ['dcat:', 'http://www.w3.org/ns/dcat#'],
  ['eli:', 'http://data.europa.eu/eli/ontology#'],
  ['a4g:', 'http://data.europa.eu/a4g/ontology#'],
  ['foaf:', 'http://xmlns.com/foaf/0.1/'],
  ['locn:', 'http://www.w3.org/ns/locn#'],
  ['org:', 'http://www.w3.org/ns/org#'],
  ['skos:', 'http://www.w3.org/2004/02/skos/core#'],
  ['time:', 'http://www.w3.org/2006/time#'],
  ['adms:', 'http://www.w3.org/ns/adms#'],
  ['rdfs:', 'http://www.w3.org/2000/01/rdf-schema#'],
  ['rdf:', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#'],
  ['xsd:', 'http://www.w3.org/2001/XMLSchema#'],
];
const short = (iri) => {
  for (const [p, ns] of PREFIXES) if (iri.startsWith(ns)) return p + iri.slice(ns.length);
  return `<${iri}>`;
};

const quads = new Parser().parse(readFileSync(shapesPath, 'utf8'));
const objs = (s, p) => quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object);
const one = (s, p) => objs(s, p)[0];

const nodeShapes = quads
  .filter((q) => q.predicate.value === RDF_TYPE && q.object.value === `${SH}NodeShape`)
  .map((q) => q.subject.value);

const rows = [];
for (const ns of nodeShapes) {
  const targets = objs(ns, `${SH}targetClass`).map((t) => t.value);
  const byPath = new Map();
  for (const ps of objs(ns, `${SH}property`)) {
    const path = one(ps.value, `${SH}path`);
    const key = path.termType === 'NamedNode' ? path.value : `(complex path ${path.value})`;
    const e = byPath.get(key) ?? { name: undefined, seeAlso: undefined, min: undefined, max: undefined, datatype: [], class: [], nodeKind: [] };
    e.name ??= one(ps.value, `${SH}name`)?.value;
    e.seeAlso ??= one(ps.value, RDFS_SEEALSO)?.value;
    const min = one(ps.value, `${SH}minCount`); if (min) e.min = Math.max(e.min ?? 0, Number(min.value));
    const max = one(ps.value, `${SH}maxCount`); if (max) e.max = Math.min(e.max ?? Infinity, Number(max.value));
    for (const d of objs(ps.value, `${SH}datatype`)) e.datatype.push(d.value);
    for (const c of objs(ps.value, `${SH}class`)) e.class.push(c.value);
    for (const k of objs(ps.value, `${SH}nodeKind`)) e.nodeKind.push(k.value);
    byPath.set(key, e);
  }
  rows.push({ shape: ns.split('#').pop(), targets, byPath });
}
rows.sort((a, b) => a.shape.localeCompare(b.shape));

const out = [];
for (const r of rows) {
  out.push(`### ${r.shape} — targets ${r.targets.map((t) => `\`${short(t)}\` (${t})`).join(', ')}`);
  if (r.byPath.size === 0) { out.push('', 'No property constraints (an instance only needs its rdf:type).', ''); continue; }
  out.push('', '| property (full IRI) | name | min | max | value must be |', '|---|---|---|---|---|');
  const entries = [...r.byPath.entries()].sort((a, b) => ((b[1].min ?? 0) - (a[1].min ?? 0)) || a[0].localeCompare(b[0]));
  for (const [path, e] of entries) {
    const must = [
      ...e.datatype.map((d) => `literal ^^${short(d)}`),
      ...e.class.map((c) => `node typed ${short(c)}`),
      ...e.nodeKind.map((k) => short(k)),
    ].join('; ') || 'anything';
    out.push(`| \`${short(path)}\` ${path} | ${e.name ?? ''} | ${e.min ?? 0} | ${e.max ?? '*'} | ${must} |`);
  }
  out.push('');
}
process.stdout.write(out.join('\n') + '\n');
