// Self-tests of validate.mjs (node --test). Each mutation of minimal-valid.jsonld is a
// mistake an exporter can make; the test pins what the official shapes say about it.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, 'validate.mjs');
const minimalPath = join(here, 'reference/minimal-valid.jsonld');
const officialExample = join(here, 'reference/example-public-service.jsonld');
const work = mkdtempSync(join(tmpdir(), 'guichet-shacl-'));
after(() => rmSync(work, { recursive: true, force: true }));

function run(file) {
  const r = spawnSync(process.execPath, [cli, file], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout ? JSON.parse(r.stdout) : null, err: r.stderr };
}
let n = 0;
function runDoc(doc) {
  const file = join(work, `case-${++n}.jsonld`);
  writeFileSync(file, JSON.stringify(doc));
  return run(file);
}
const minimal = () => JSON.parse(readFileSync(minimalPath, 'utf8'));
const node = (doc, id) => doc['@graph'].find((x) => x['@id'] === id);
const SERVICE = 'guichet:service/building-permit';
const ORG = 'guichet:organisation/urbanism';
const components = (out) => out.results.map((r) => `${r.path.split(/[/#]/).pop()} ${r.sourceConstraintComponent.split('#').pop()}`).sort();

test('minimal-valid.jsonld has zero violations', () => {
  const { code, out } = run(minimalPath);
  assert.equal(code, 0);
  assert.equal(out.violations, 0);
  assert.equal(out.conforms, true);
});

test('the official example fails exactly the 6 untyped-code-list shapes', () => {
  const { code, out } = run(officialExample);
  assert.equal(code, 1);
  assert.equal(out.violations, 6);
  assert.ok(out.results.every((r) => r.sourceConstraintComponent.endsWith('#ClassConstraintComponent')));
  assert.deepEqual(components(out), [
    'evidenceTypeClassification ClassConstraintComponent',
    'frequency ClassConstraintComponent',
    'frequency ClassConstraintComponent',
    'spatial ClassConstraintComponent',
    'type ClassConstraintComponent',
    'type ClassConstraintComponent',
  ]);
});

test('an untyped dct:Location is a violation wherever it is used', () => {
  const doc = minimal();
  delete node(doc, 'http://publications.europa.eu/resource/authority/atu/BEL')['@type'];
  const { code, out } = runDoc(doc);
  assert.equal(code, 1);
  assert.deepEqual(components(out), ['spatial ClassConstraintComponent', 'spatial ClassConstraintComponent']);
});

test('a plain string where rdf:langString is required is a violation', () => {
  const doc = minimal();
  node(doc, SERVICE)['dct:title'] = 'Permis d\'urbanisme';
  const { out } = runDoc(doc);
  assert.deepEqual(components(out), ['title DatatypeConstraintComponent']);
});

test('a JSON-LD language map is an accepted way to write multilingual text', () => {
  const doc = minimal();
  doc['@context'].title = { '@id': 'dct:title', '@container': '@language' };
  const s = node(doc, SERVICE);
  delete s['dct:title'];
  s.title = { fr: 'Permis d\'urbanisme', nl: 'Omgevingsvergunning', de: 'Städtebauliche Genehmigung', en: 'Building permit' };
  assert.equal(runDoc(doc).out.violations, 0);
});

test('xsd:duration: P2W (ISO week form) and .NET TimeSpan text are rejected, P14D/PT4H30M pass', () => {
  for (const [lexical, ok] of [['P14D', true], ['PT4H30M', true], ['P1DT2H', true], ['P2W', false], ['14.00:00:00', false]]) {
    const doc = minimal();
    node(doc, SERVICE)['cv:processingTime'] = { '@value': lexical, '@type': 'xsd:duration' };
    assert.equal(runDoc(doc).out.violations, ok ? 0 : 1, lexical);
  }
  const doc = minimal();
  node(doc, SERVICE)['cv:processingTime'] = 'P14D'; // untyped string
  assert.deepEqual(components(runDoc(doc).out), ['processingTime DatatypeConstraintComponent']);
});

test('cv:hasValue as a bare JSON number becomes xsd:integer and is a violation', () => {
  const doc = minimal();
  node(doc, 'guichet:cost/building-permit-fee')['cv:hasValue'] = 50;
  assert.deepEqual(components(runDoc(doc).out), ['hasValue DatatypeConstraintComponent']);
});

test('no subclass inference: a LifeEvent used by cv:isGroupedBy must also be typed cv:Event', () => {
  const doc = minimal();
  node(doc, 'guichet:event/building-a-home')['@type'] = 'cv:LifeEvent';
  assert.deepEqual(components(runDoc(doc).out), ['isGroupedBy ClassConstraintComponent']);
});

test('no subclass inference: the public organisation must also be typed org:Organization', () => {
  const doc = minimal();
  node(doc, ORG)['@type'] = 'cv:PublicOrganisation';
  assert.deepEqual(components(runDoc(doc).out), ['isDefinedBy ClassConstraintComponent', 'ownedBy ClassConstraintComponent']);
});

test('cardinalities: one dct:identifier exactly, mandatory channel identifier', () => {
  const doc = minimal();
  node(doc, SERVICE)['dct:identifier'] = ['building-permit', 'BP-2'];
  delete node(doc, 'guichet:channel/counter-main')['dct:identifier'];
  assert.deepEqual(components(runDoc(doc).out), ['identifier MaxCountConstraintComponent', 'identifier MinCountConstraintComponent']);
});

test('the official remote context is served from the local copy (value objects required)', () => {
  const doc = {
    '@context': 'https://semiceu.github.io/uri.semic.eu-generated/CPSV-AP/releases/3.2.0/context/cpsv-ap.jsonld',
    '@id': 'https://guichet.example.be/id/service/x',
    '@type': 'PublicService',
    'PublicService.identifier': 'x',
    'PublicService.name': 'plain string: coerced to rdf:langString by the context, but ends up xsd:string',
    'PublicService.description': { '@value': 'ok', '@language': 'fr' },
  };
  const { code, out } = runDoc(doc);
  assert.equal(code, 1);
  assert.deepEqual(components(out), ['hasCompetentAuthority MinCountConstraintComponent', 'title DatatypeConstraintComponent']);
});

test('offline: an unknown remote context is refused with exit code 2', () => {
  const { code, err } = runDoc({ '@context': 'https://schema.org/', '@type': 'GovernmentService' });
  assert.equal(code, 2);
  assert.match(err, /refusing to load remote document <https:\/\/schema.org\/>/);
});

test('safe mode: a key without a term definition (silently dropped by JSON-LD) is exit code 2', () => {
  const doc = minimal();
  node(doc, SERVICE).name = 'oops';
  const { code, err } = runDoc(doc);
  assert.equal(code, 2);
  assert.match(err, /Dropping property/);
});

test('usage and parse errors are exit code 2', () => {
  assert.equal(spawnSync(process.execPath, [cli], { encoding: 'utf8' }).status, 2);
  const bad = join(work, 'bad.jsonld');
  writeFileSync(bad, '{ not json');
  assert.equal(run(bad).code, 2);
});

test('warnings and infos are reported but do not fail (exit code 0)', () => {
  const shapes = join(work, 'warn.ttl');
  writeFileSync(shapes, `@prefix sh: <http://www.w3.org/ns/shacl#> .
<urn:s:w> a sh:NodeShape ; sh:targetClass <http://purl.org/vocab/cpsv#PublicService> ;
  sh:property [ sh:path <urn:p:missing> ; sh:minCount 1 ; sh:severity sh:Warning ] ,
              [ sh:path <urn:p:other> ; sh:minCount 1 ; sh:severity sh:Info ] .
`);
  const r = spawnSync(process.execPath, [cli, minimalPath, shapes], { encoding: 'utf8' });
  assert.equal(r.status, 0);
  const out = JSON.parse(r.stdout);
  assert.deepEqual([out.violations, out.warnings, out.infos, out.conforms], [0, 1, 1, false]);
  assert.deepEqual(out.results.map((x) => x.severity).sort(), ['Info', 'Warning']);
});
