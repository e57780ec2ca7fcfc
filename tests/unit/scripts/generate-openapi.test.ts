import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import {
  BASIC_SCHEME,
  OAUTH_SCHEME,
  OPENAPI_FILE,
  TRACKERS_PATH,
  apiSchemas,
  buildOpenApi,
  checkOpenApi,
  componentName,
  generateOpenApi,
  refWithAssertionsToAllOf,
  toComponents,
} from '../../../scripts/generate-openapi.ts';
import { MUTATIONS, type ResponseDraft } from '../../../sandbox/mutations.ts';
import { OAUTH_TOKEN_HEADER } from '../../../src/auth.ts';
import { DEFAULTS } from '../../../src/config/api.ts';
import { ERROR_SCHEMA_ID, SUCCESS_SCHEMA_ID, exampleText, loadSchemas } from '../../../src/schemas.ts';
import { validateResponse } from '../../../src/validate.ts';
import { schemaCompiler } from '../../../scripts/validate-openapi.ts';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const doc = buildOpenApi() as Doc;
const operation = doc.paths[TRACKERS_PATH].get;
const responses = operation.responses as Record<string, Doc>;
const jsonOf = (status: number | string) => responses[String(status)]!.content['application/json'];
const exampleNames = (status: number) => Object.keys(jsonOf(status).examples);
const exampleValue = (name: string) => doc.components.examples[name].value;

function ajv(): Ajv2020 {
  const a = new Ajv2020({ strict: true, allErrors: true });
  (formatsPlugin as unknown as typeof formatsPlugin.default)(a);
  return a;
}

/** The document's schemas, compiled strictly, #/components/schemas/X resolved inside the document. */
const compiler = schemaCompiler(doc);
const componentValidator = (schema: unknown) => compiler.compile(schema);

/** The hand-written schemas, compiled as src/validate.ts does (relative $ids), without its tolerant-reader twin. */
const sourceAjv = ajv();
for (const s of loadSchemas()) sourceAjv.addSchema(s);

describe('drift check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the committed document is exactly what the schemas generate', async () => {
    assert.equal((await checkOpenApi()).status, 'ok');
  });

  test('a document that differs from the schemas by one character is drift, and the message says how to fix it', async () => {
    const stale = join(dir, 'stale.json');
    writeFileSync(stale, (await generateOpenApi()).replace('"minItems": 1', '"minItems": 2'));
    const result = await checkOpenApi(stale);
    assert.equal(result.status, 'drift');
    assert.match(result.message, /out of date with schemas\/: run `npm run openapi`/);
  });

  test('a missing document is reported as missing', async () => {
    assert.equal((await checkOpenApi(join(dir, 'nope.json'))).status, 'missing');
  });

  test('the committed file is JSON formatted by the project prettier config (npm run lint checks it)', async () => {
    assert.deepEqual(JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')), doc);
  });
});

describe('components/schemas', () => {
  test('the schemas the two envelopes use become components named by their titles, without $id or $schema', () => {
    assert.deepEqual(Object.keys(doc.components.schemas).sort(), [
      'ApiError',
      'ErrorResponse',
      'IsoDateTime',
      'KnownTrackerType',
      'Pagination',
      'Tracker',
      'TrackerType',
      'TrackersResponse',
    ]);
    assert.deepEqual(apiSchemas().map(componentName).sort(), Object.keys(doc.components.schemas).sort());
    assert.doesNotMatch(JSON.stringify(doc.components.schemas), /"\$id"|"\$schema"/);
  });

  test('a schema in schemas/ that no envelope uses (the monitor config) stays out', () => {
    const unused = loadSchemas().filter((s) => !apiSchemas().includes(s));
    assert.ok(unused.some((s) => s.$id === 'monitor-targets.schema.json'));
    for (const s of unused) assert.equal(doc.components.schemas[componentName(s)], undefined, s.$id);
  });

  test('only the root $id and $schema are dropped: a property named $schema survives', () => {
    const schema = {
      $id: 'x.schema.json',
      $schema: 'd',
      title: 'X',
      type: 'object',
      properties: { $schema: { type: 'string' } },
    };
    assert.deepEqual(toComponents([schema]), { X: { title: 'X', type: 'object', properties: { $schema: { type: 'string' } } } });
  });

  test('every $ref in the document points into the document (no relative *.schema.json left)', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(refs.length > 10);
    for (const ref of refs) {
      const [, kind, name] = /^#\/components\/(schemas|examples)\/(.+)$/.exec(ref) ?? [];
      assert.ok(kind && doc.components[kind][name!], `dangling $ref ${ref}`);
    }
  });

  test('a schema without a title cannot become a component', () => {
    assert.throws(() => componentName({ $id: 'x.schema.json' }), /x\.schema\.json: needs a title/);
  });

  const refCases: { name: string; input: Record<string, unknown>; output: Record<string, unknown> }[] = [
    { name: 'a bare $ref stays', input: { $ref: '#/a' }, output: { $ref: '#/a' } },
    {
      name: 'annotations beside a $ref stay beside it',
      input: { $ref: '#/a', description: 'd' },
      output: { $ref: '#/a', description: 'd' },
    },
    {
      name: 'assertions beside a $ref move into allOf, annotations stay',
      input: { $ref: '#/a', description: 'd', type: 'object', properties: { s: { const: false } } },
      output: { description: 'd', allOf: [{ $ref: '#/a' }, { type: 'object', properties: { s: { const: false } } }] },
    },
  ];
  for (const { name, input, output } of refCases) {
    test(`${name} (Prism 5 drops keywords beside a $ref)`, () => assert.deepEqual(refWithAssertionsToAllOf(input), output));
  }

  // The rewrite (refs, allOf) must not change a verdict: the components judge every documented
  // and mutated body as the hand-written schemas do.
  const success = () => ({ status: 200, contentType: 'application/json', text: exampleText('trackers-98662653') });
  const notFound = () => ({ status: 404, contentType: 'application/json', text: exampleText('error-8015') });
  const bodies: { name: string; envelope: 'success' | 'error'; draft: ResponseDraft }[] = [
    { name: 'the documented body', envelope: 'success', draft: success() },
    { name: 'the documented 8015 body', envelope: 'error', draft: notFound() },
    ...MUTATIONS.flatMap((m) =>
      m.applies === 'success' || m.applies === 'not-found'
        ? [
            {
              name: `mutation ${m.name}`,
              envelope: m.applies === 'success' ? ('success' as const) : ('error' as const),
              draft: m.apply(m.applies === 'success' ? success() : notFound()),
            },
          ]
        : [],
    ),
  ];
  for (const { name, envelope, draft } of bodies) {
    test(`the components judge ${name} as the source schemas do`, () => {
      const body: unknown = JSON.parse(draft.text);
      const id = envelope === 'success' ? SUCCESS_SCHEMA_ID : ERROR_SCHEMA_ID;
      const title = envelope === 'success' ? 'TrackersResponse' : 'ErrorResponse';
      const expected = sourceAjv.getSchema(id)!(body);
      assert.equal(componentValidator({ $ref: `#/components/schemas/${title}` })(body), expected);
    });
  }
});

describe('the operation', () => {
  test('customerId is a required int64 path parameter, at least 1', () => {
    const [param, ...others] = doc.paths[TRACKERS_PATH].parameters;
    assert.equal(others.length, 0);
    assert.deepEqual(
      { name: param.name, in: param.in, required: param.required, schema: param.schema },
      { name: 'customerId', in: 'path', required: true, schema: { type: 'integer', format: 'int64', minimum: 1 } },
    );
  });

  test('either auth scheme is enough: Basic with md5(password), or the OAuth token header', () => {
    assert.deepEqual(doc.security, [{ [BASIC_SCHEME]: [] }, { [OAUTH_SCHEME]: [] }]);
    const { [BASIC_SCHEME]: basic, [OAUTH_SCHEME]: oauth } = doc.components.securitySchemes;
    assert.equal(basic.type, 'http');
    assert.equal(basic.scheme, 'basic');
    assert.match(basic.description, /md5\(password\)/);
    assert.deepEqual(
      { type: oauth.type, in: oauth.in, name: oauth.name },
      { type: 'apiKey', in: 'header', name: OAUTH_TOKEN_HEADER },
    );
  });

  test('servers: a cluster placeholder and the sandbox', () => {
    assert.deepEqual(
      doc.servers.map((s: Doc) => [s.url, s.variables]),
      [
        ['https://{cluster}.api.capillarytech.com', { cluster: { default: 'eu' } }],
        ['http://127.0.0.1:{port}', { port: { default: String(DEFAULTS.sandboxPort) } }],
      ],
    );
  });

  test('the declared statuses: 200, 400, 401 and every status the project accepts with 8015', () => {
    const expected = [...new Set([200, 400, 401, ...DEFAULTS.notFoundStatuses])].map(String).sort();
    assert.deepEqual(Object.keys(responses).sort(), expected);
  });

  for (const status of DEFAULTS.notFoundStatuses) {
    test(`HTTP ${status} may carry the documented 8015 body, and the 8015 example validates as our validator expects it`, () => {
      assert.ok(exampleNames(status).includes('error-8015'));
      assert.equal(componentValidator(jsonOf(status).schema)(exampleValue('error-8015')), true);
      assert.equal(validateResponse(exampleValue('error-8015'), { expect: 'error', errorCode: 8015 }).ok, true);
    });
  }

  test('400 and 401 carry the error envelope', () => {
    for (const status of [400, 401]) assert.deepEqual(jsonOf(status).schema, { $ref: '#/components/schemas/ErrorResponse' });
  });

  // Decision: 200 is anyOf(TrackersResponse, ErrorResponse), not oneOf. An 8015 body that also
  // carries pagination, "data": [] and warnings satisfies both envelopes, so oneOf would reject
  // a body our validator accepts (as an error envelope with code 8015).
  test('200 accepts either envelope with anyOf, because an 8015 body with "data": [] is both', () => {
    const schema = jsonOf(200).schema;
    assert.deepEqual(schema, {
      anyOf: [{ $ref: '#/components/schemas/TrackersResponse' }, { $ref: '#/components/schemas/ErrorResponse' }],
    });
    const both = { ...(JSON.parse(exampleText('error-8015')) as object), data: [] };
    assert.equal(componentValidator({ $ref: '#/components/schemas/TrackersResponse' })(both), true);
    assert.equal(componentValidator({ $ref: '#/components/schemas/ErrorResponse' })(both), true);
    assert.equal(componentValidator(schema)(both), true);
    assert.equal(componentValidator({ oneOf: schema.anyOf })(both), false, 'oneOf would reject it');
    const ours = validateResponse(both, { errorCode: 8015 });
    assert.deepEqual([ours.ok, ours.kind], [true, 'error']);
  });

  test('the documented examples are the files in schemas/examples, with the 97 trackers', () => {
    assert.deepEqual(exampleValue('trackers-98662653'), JSON.parse(exampleText('trackers-98662653')));
    assert.equal(exampleValue('trackers-98662653').data.length, 97);
    assert.deepEqual(exampleValue('error-8015'), JSON.parse(exampleText('error-8015')));
    assert.deepEqual(exampleNames(200).slice(0, 1), ['trackers-98662653'], 'the first example is what a mock serves by default');
  });

  const exampleCases: { status: number; expect: 'success' | 'error'; errorCode?: number }[] = [
    { status: 200, expect: 'success' },
    { status: 400, expect: 'error' },
    { status: 401, expect: 'error', errorCode: 401 },
  ];
  for (const { status, expect, errorCode } of exampleCases) {
    test(`every ${status} example passes validateResponse and the ${status} schema`, () => {
      for (const name of exampleNames(status)) {
        const value = exampleValue(name);
        const kind = name === 'error-8015' ? 'error' : expect;
        const result = validateResponse(value, { expect: kind, errorCode: name === 'error-8015' ? 8015 : errorCode });
        assert.equal(result.ok, true, `${name}: ${JSON.stringify(result.errors)}`);
        assert.equal(componentValidator(jsonOf(status).schema)(value), true, name);
      }
    });
  }
});
