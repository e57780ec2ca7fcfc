// Writes openapi/trackers.openapi.json from schemas/ (npm run openapi), or with --check
// fails when the committed document differs from what the schemas generate.
//
// The schemas stay the one hand-written contract: they become components/schemas
// (relative $refs such as "tracker.schema.json" rewritten to #/components/schemas/Tracker),
// and the rest of the document (path, parameter, auth, responses, examples) is stated
// here, from the API docs and the project's config, once.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { DEFAULTS } from '../src/config/api.ts';
import { OAUTH_TOKEN_HEADER, OAUTH_TOKEN_PATH } from '../src/auth.ts';
import { ERROR_SCHEMA_ID, SCHEMAS_DIR, SUCCESS_SCHEMA_ID, exampleText, loadSchemas, type JsonSchema } from '../src/schemas.ts';
import { MESSAGES, errorEnvelope, successBody } from '../sandbox/envelopes.ts';
import { DEFAULT_CUSTOMER_ID } from '../sandbox/data.ts';
import { validateOpenApi } from './validate-openapi.ts';
import { isEntryPoint } from '../cli/entry-point.ts';

const ROOT = join(SCHEMAS_DIR, '..');
export const OPENAPI_FILE = join(ROOT, 'openapi', 'trackers.openapi.json');
export const TRACKERS_PATH = '/v2/customers/{customerId}/trackers';
/** Prism and other 3.1 tools read the schemas as plain JSON Schema 2020-12, the dialect they are written in. */
export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';
export const BASIC_SCHEME = 'capillaryBasic';
export const OAUTH_SCHEME = 'capillaryOAuthToken';

type Json = Record<string, unknown>;

/** The component name of a schema: its title (TrackersResponse for trackers-response.schema.json). */
export function componentName(schema: JsonSchema): string {
  if (typeof schema.title !== 'string' || !/^[A-Za-z0-9._-]+$/.test(schema.title)) {
    throw new Error(`schemas/${schema.$id}: needs a title usable as a component name, found ${JSON.stringify(schema.title)}`);
  }
  return schema.title;
}

export const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Keywords that only annotate: beside a $ref they change no verdict, and tools may drop them. */
const ANNOTATIONS: ReadonlySet<string> = new Set([
  'title',
  'description',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$comment',
]);

/**
 * {$ref, ...assertions} → {allOf: [{$ref}, {...assertions}]}, annotations kept beside. In JSON Schema 2020-12 (and so
 * OpenAPI 3.1) both mean the same: keywords beside $ref apply. Prism 5.14's resolver still follows OpenAPI 3.0, where
 * they were ignored, and silently drops them (the error item's status const false), so the document spells them out.
 */
export function refWithAssertionsToAllOf(node: Json): Json {
  if (typeof node.$ref !== 'string') return node;
  const asserting = Object.keys(node).filter((k) => k !== '$ref' && !ANNOTATIONS.has(k));
  if (asserting.length === 0) return node;
  const kept: Json = {};
  const rest: Json = {};
  for (const [k, v] of Object.entries(node)) if (k !== '$ref') (ANNOTATIONS.has(k) ? kept : rest)[k] = v;
  return { ...kept, allOf: [{ $ref: node.$ref }, rest] };
}

/** The schemas the endpoint's two envelopes use, transitively (schemas/ also holds others, e.g. the monitor's config). */
export function apiSchemas(schemas: readonly JsonSchema[] = loadSchemas()): JsonSchema[] {
  const byId = new Map(schemas.map((s) => [s.$id, s]));
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    const schema = byId.get(id);
    if (!schema) throw new Error(`no schema with $id ${id} in schemas/`);
    seen.add(id);
    for (const m of JSON.stringify(schema).matchAll(/"\$ref":"([^"#]+)"/g)) visit(m[1]!);
  };
  visit(SUCCESS_SCHEMA_ID);
  visit(ERROR_SCHEMA_ID);
  return schemas.filter((s) => seen.has(s.$id));
}

/** components/schemas: each schema without $id/$schema (a relative $id would rebase the document's refs), refs rewritten. */
export function toComponents(schemas: readonly JsonSchema[]): Record<string, Json> {
  const names = new Map(schemas.map((s) => [s.$id, componentName(s)]));
  if (new Set(names.values()).size !== names.size) throw new Error('two schemas share a title: component names must be unique');
  const rewrite = (node: unknown, where: string): unknown => {
    if (Array.isArray(node)) return node.map((n) => rewrite(n, where));
    if (node === null || typeof node !== 'object') return node;
    const out: Json = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') {
        const name = names.get(v);
        if (name === undefined) throw new Error(`schemas/${where}: $ref ${JSON.stringify(v)} names no schema in schemas/`);
        out[k] = schemaRef(name).$ref;
      } else out[k] = rewrite(v, where);
    }
    return refWithAssertionsToAllOf(out);
  };
  return Object.fromEntries(
    schemas.map(({ $id, $schema: _dialect, ...schema }) => [names.get($id)!, rewrite(schema, $id) as Json]),
  );
}

const parse = (text: string): unknown => JSON.parse(text);
const exampleRef = (name: string) => ({ $ref: `#/components/examples/${name}` });
const json = (schema: Json, examples: string[]) => ({
  'application/json': { schema, examples: Object.fromEntries(examples.map((e) => [e, exampleRef(e)])) },
});

/** The responses: success, the 8015 answer at every status the project accepts, and the 400/401 errors. */
function responses(success: string, error: string): Json {
  const notFound: number[] = [...DEFAULTS.notFoundStatuses].sort((a, b) => a - b);
  const accepted = notFound.join(', ');
  const out: Record<string, Json> = {};
  const errorRef = schemaRef(error);
  for (const status of [...new Set([200, 400, 401, ...notFound])].sort((a, b) => a - b)) {
    const carries8015 = notFound.includes(status);
    if (status === 200) {
      out['200'] = {
        description: carries8015
          ? `The customer's trackers (${success}; data may be empty). The docs do not say which HTTP status comes with the 8015 error ` +
            `("Customer not found for the given identifiers"), and this project accepts it with ${accepted} (CAP_NOT_FOUND_STATUS), ` +
            `so a 200 may also carry the error envelope (${error}). anyOf, not oneOf: the two envelopes overlap (an error body with ` +
            'pagination, "data": [] and warnings satisfies both), and a oneOf would reject such a body. Which one a 200 is depends on ' +
            'the customer, which a schema cannot know: an error envelope has a non-empty errors and no tracker data.'
          : `The customer's trackers (${success}; data may be empty).`,
        content: json(carries8015 ? { anyOf: [schemaRef(success), errorRef] } : schemaRef(success), [
          'trackers-98662653',
          'no-trackers',
          ...(carries8015 ? ['error-8015'] : []),
        ]),
      };
    } else if (status === 400) {
      out['400'] = {
        description:
          'The customerId is not a valid id (not digits, 0, or above the int64 range)' +
          (carries8015 ? `, or the 8015 error for an unknown customer (accepted with ${accepted}).` : '.'),
        content: json(errorRef, ['invalid-customer-id', ...(carries8015 ? ['error-8015'] : [])]),
      };
    } else if (status === 401) {
      out['401'] = {
        description:
          'Authentication failed: no credentials, wrong credentials, a plain (not md5) password in Basic, or an expired OAuth token. ' +
          'The docs do not show this body; the example is what the embedded sandbox answers.',
        headers: {
          'WWW-Authenticate': { description: 'The Basic challenge, when the server sends one.', schema: { type: 'string' } },
        },
        content: json(errorRef, ['authentication-failed']),
      };
    } else {
      out[String(status)] = {
        description: `The 8015 error for an unknown customer (accepted with ${accepted}).`,
        content: json(errorRef, ['error-8015']),
      };
    }
  }
  return out;
}

function examples(): Json {
  const documented = parse(exampleText('trackers-98662653')) as { data: unknown[] };
  return {
    'trackers-98662653': {
      summary: `Customer ${DEFAULT_CUSTOMER_ID}: the documented response (${documented.data.length} trackers)`,
      description:
        'Copied from the API docs. There it is written with values such as 2400.000, the same JSON number as 2400; it has ' +
        'data-quality issues the contract tolerates (periods ending before they start, repeated ids).',
      value: documented,
    },
    'no-trackers': {
      summary: 'A customer without trackers',
      value: parse(successBody([])),
    },
    'error-8015': {
      summary: 'Unknown customer: error 8015, the documented error body',
      value: parse(exampleText('error-8015')),
    },
    'invalid-customer-id': {
      summary: 'Invalid customerId (not documented: what the embedded sandbox answers)',
      value: parse(errorEnvelope(400, MESSAGES.badCustomerId)),
    },
    'authentication-failed': {
      summary: 'Authentication failed (not documented: what the embedded sandbox answers)',
      value: parse(errorEnvelope(401, MESSAGES.unauthorized)),
    },
  };
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The OpenAPI 3.1 document, as an object. */
export function buildOpenApi(schemas: readonly JsonSchema[] = apiSchemas()): Json {
  const byId = new Map(schemas.map((s) => [s.$id, s]));
  const nameOf = (id: string) => {
    const schema = byId.get(id);
    if (!schema) throw new Error(`no schema with $id ${id} in schemas/`);
    return componentName(schema);
  };
  const success = nameOf(SUCCESS_SCHEMA_ID);
  const error = nameOf(ERROR_SCHEMA_ID);
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: JSON_SCHEMA_DIALECT,
    info: {
      title: 'Capillary Get Customer Tracker Details',
      version: packageVersion(),
      summary: 'GET /v2/customers/{customerId}/trackers, as the trackers-contract suite checks it.',
      description:
        'Generated from schemas/*.schema.json by `npm run openapi` (scripts/generate-openapi.ts). DO NOT EDIT: change the ' +
        'schemas and regenerate; `npm test` fails when this file drifts. The API docs are the only spec; where they are ' +
        'silent (the status of the 8015 error, the bodies of 400 and 401) this document says so.',
    },
    servers: [
      {
        url: 'https://{cluster}.api.capillarytech.com',
        description: "A Capillary cluster: {cluster} is its host prefix; the docs' example is https://eu.api.capillarytech.com.",
        // No description on server variables: swagger-parser's bundled OAS 3.1 schema (2021-04-15) misspells the
        // field "descriptions" and rejects the valid one (docs/contracts.md "OpenAPI"; pinned in the generator's tests).
        variables: { cluster: { default: 'eu' } },
      },
      {
        url: 'http://127.0.0.1:{port}',
        description:
          'The embedded sandbox (`npm run sandbox`): a local double of the endpoint built from the docs, with the ' +
          'documented customer, a customer without trackers (98662654), generated customers 200000001..200009999, ' +
          'and fault injection. Basic user sandbox_user / sandbox_password. {port} is SANDBOX_PORT.',
        variables: { port: { default: String(DEFAULTS.sandboxPort) } },
      },
    ],
    security: [{ [BASIC_SCHEME]: [] }, { [OAUTH_SCHEME]: [] }],
    paths: {
      [TRACKERS_PATH]: {
        parameters: [
          {
            name: 'customerId',
            in: 'path',
            required: true,
            description: 'Unique ID of the customer to fetch tracker details. An integer (a Java long on the server): 1..2^63-1.',
            schema: { type: 'integer', format: 'int64', minimum: 1 },
            example: DEFAULT_CUSTOMER_ID,
          },
        ],
        get: {
          operationId: 'getCustomerTrackers',
          summary: 'Get Customer Tracker Details',
          description:
            'Fetches tracker details for a specific customer. Pagination is not supported (pagination is always 0). ' +
            'Needs read access to the customer group resource.',
          responses: responses(success, error),
        },
      },
    },
    components: {
      schemas: toComponents(schemas),
      securitySchemes: {
        [BASIC_SCHEME]: {
          type: 'http',
          scheme: 'basic',
          description:
            "HTTP Basic with Capillary's twist: the password part is md5(password), not the password. The header is " +
            '`Authorization: Basic base64(username + ":" + md5hex(password))`, the md5 in lowercase hex; a client that ' +
            'sends the plain password (curl -u user:password) is refused with 401.',
        },
        [OAUTH_SCHEME]: {
          type: 'apiKey',
          in: 'header',
          name: OAUTH_TOKEN_HEADER,
          description:
            `An OAuth access token, sent in the ${OAUTH_TOKEN_HEADER} header (not Authorization: Bearer, hence an apiKey ` +
            `scheme). The token comes from POST ${OAUTH_TOKEN_PATH} with the client key and secret; it expires, and a 401 ` +
            'means a fresh one is needed.',
        },
      },
      examples: examples(),
    },
  };
}

/** The document as committed: JSON, formatted by the project's prettier config. */
export async function generateOpenApi(): Promise<string> {
  return format(JSON.stringify(buildOpenApi(), null, 2), { ...(await resolveConfig(OPENAPI_FILE)), parser: 'json' });
}

export interface CheckResult {
  status: 'ok' | 'drift' | 'missing';
  message: string;
}

/** Compare a committed document with what the schemas generate. */
export async function checkOpenApi(file: string = OPENAPI_FILE): Promise<CheckResult> {
  const shown = relative(ROOT, file) || file;
  let committed: string;
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    return { status: 'missing', message: `${shown} is missing: run \`npm run openapi\` and commit the result.` };
  }
  if (committed !== (await generateOpenApi())) {
    return { status: 'drift', message: `${shown} is out of date with schemas/: run \`npm run openapi\` and commit the result.` };
  }
  return { status: 'ok', message: `openapi: ${shown} matches schemas/` };
}

async function main(): Promise<void> {
  if (process.argv.includes('--check')) {
    const result = await checkOpenApi();
    (result.status === 'ok' ? process.stdout : process.stderr).write(`${result.message}\n`);
    if (result.status !== 'ok') process.exitCode = 1;
    if (result.status === 'missing') return;
    // Validate what is committed, drifted or not: both failures are worth seeing at once.
    let problems: string[];
    try {
      problems = await validateOpenApi(JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')));
    } catch (err) {
      problems = [`not JSON: ${err instanceof Error ? err.message : String(err)}`];
    }
    if (problems.length > 0) {
      const list = problems.map((p) => `  - ${p}`).join('\n');
      process.stderr.write(`${relative(ROOT, OPENAPI_FILE)} is not a valid OpenAPI 3.1 document:\n${list}\n`);
      process.exitCode = 1;
    } else {
      process.stdout.write(
        'openapi: valid OpenAPI 3.1 (swagger-parser, plus schema, path-parameter, security and example checks)\n',
      );
    }
    return;
  }
  mkdirSync(dirname(OPENAPI_FILE), { recursive: true });
  writeFileSync(OPENAPI_FILE, await generateOpenApi());
  process.stdout.write(`wrote ${relative(ROOT, OPENAPI_FILE)}\n`);
}

if (isEntryPoint(import.meta.url)) await main();
