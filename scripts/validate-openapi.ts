// Validates an OpenAPI 3.1 document. First a maintained validator, @apidevtools/swagger-parser:
// the document against the OAS 3.1 schema, and every $ref resolves. For 3.1 it stops there:
// it does not check Schema Objects (its Ajv cannot follow the OAS schema's $dynamicRef, so any
// object passes as a schema) nor the rules the OAS schema cannot express (it runs those for
// Swagger 2.0 only). So, second, what it leaves out: every Schema Object against the JSON
// Schema 2020-12 meta-schema, compiled by a strict Ajv (unknown keywords and formats fail);
// path templates against path parameters; security requirements against the declared
// schemes; every example against the schema of the response it illustrates.
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import { isRecord } from '../src/json-object.ts';

type Json = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const COMPONENTS_ID = 'urn:openapi:components';
const COMPONENT_REF = /^#\/components\/schemas\//;

/** Every problem found, as "where: what"; [] when the document is valid. Never throws. */
export async function validateOpenApi(document: unknown): Promise<string[]> {
  const problems: string[] = [];
  try {
    // A deep copy: swagger-parser dereferences in place. No external refs: this document has none to fetch.
    await SwaggerParser.validate(structuredClone(document) as never, { resolve: { external: false } });
  } catch (err) {
    problems.push(`swagger-parser: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!isRecord(document)) return problems;
  problems.push(...checkSchemasAndExamples(document), ...checkPathParameters(document), ...checkSecurity(document));
  return problems;
}

/** #/components/schemas/X → urn:openapi:components#/$defs/X, so Ajv resolves refs into one registered schema. */
function rebase(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebase);
  if (!isRecord(node)) return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' && COMPONENT_REF.test(v)
        ? v.replace(COMPONENT_REF, `${COMPONENTS_ID}#/$defs/`)
        : rebase(v),
    ]),
  );
}

function operations(document: Json): { where: string; pathItem: Json; operation: Json }[] {
  const paths = isRecord(document.paths) ? document.paths : {};
  return Object.entries(paths).flatMap(([path, item]) =>
    isRecord(item)
      ? METHODS.filter((m) => isRecord(item[m])).map((m) => ({
          where: `${m.toUpperCase()} ${path}`,
          pathItem: item,
          operation: item[m] as Json,
        }))
      : [],
  );
}

/**
 * A strict JSON Schema 2020-12 compiler for the Schema Objects of a document: components/schemas are
 * registered (checked against the meta-schema) and #/components/schemas/X refs resolve into them.
 * Throws when a component is not a valid schema.
 */
export function schemaCompiler(document: Json): { ajv: Ajv2020; compile(schema: unknown): ValidateFunction } {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  (formatsPlugin as unknown as typeof formatsPlugin.default)(ajv);
  const components = isRecord(document.components) ? document.components : {};
  const schemas = isRecord(components.schemas) ? components.schemas : {};
  ajv.addSchema({ $id: COMPONENTS_ID, $defs: rebase(schemas) as Json });
  ajv.getSchema(COMPONENTS_ID);
  return { ajv, compile: (schema) => ajv.compile(rebase(schema) as Json) };
}

function checkSchemasAndExamples(document: Json): string[] {
  const problems: string[] = [];
  const components = isRecord(document.components) ? document.components : {};
  let compiler: ReturnType<typeof schemaCompiler>;
  try {
    compiler = schemaCompiler(document);
  } catch (err) {
    problems.push(`components/schemas: ${err instanceof Error ? err.message : String(err)}`);
    return problems;
  }
  const { ajv } = compiler;
  const compile = (where: string, schema: unknown): ValidateFunction | undefined => {
    try {
      return compiler.compile(schema);
    } catch (err) {
      problems.push(`${where}: not a valid JSON Schema 2020-12: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  };
  const examples = isRecord(components.examples) ? components.examples : {};
  const exampleValue = (example: unknown): { found: boolean; value?: unknown } => {
    if (!isRecord(example)) return { found: false };
    if (typeof example.$ref === 'string') {
      const name = example.$ref.replace(/^#\/components\/examples\//, '');
      return exampleValue(examples[name]);
    }
    return 'value' in example ? { found: true, value: example.value } : { found: false };
  };

  for (const { where, pathItem, operation } of operations(document)) {
    const parameters = [pathItem.parameters, operation.parameters].flatMap((p) => (Array.isArray(p) ? p : []));
    for (const p of parameters)
      if (isRecord(p) && p.schema !== undefined) compile(`${where} parameter ${String(p.name)}`, p.schema);
    const responses = isRecord(operation.responses) ? operation.responses : {};
    for (const [status, response] of Object.entries(responses)) {
      if (!isRecord(response)) continue;
      const headers = isRecord(response.headers) ? response.headers : {};
      for (const [name, header] of Object.entries(headers)) {
        if (isRecord(header) && header.schema !== undefined) compile(`${where} ${status} header ${name}`, header.schema);
      }
      const content = isRecord(response.content) ? response.content : {};
      for (const [mediaType, media] of Object.entries(content)) {
        if (!isRecord(media) || media.schema === undefined) continue;
        const at = `${where} ${status} ${mediaType}`;
        const validate = compile(at, media.schema);
        const named = isRecord(media.examples) ? Object.entries(media.examples) : [];
        for (const [name, example] of named) {
          const { found, value } = exampleValue(example);
          if (!found) problems.push(`${at} example ${name}: no value (external or unresolved)`);
          else if (validate && !validate(value)) {
            problems.push(`${at} example ${name} does not match the schema: ${ajv.errorsText(validate.errors)}`);
          }
        }
      }
    }
  }
  return problems;
}

function checkPathParameters(document: Json): string[] {
  const problems: string[] = [];
  for (const { where, pathItem, operation } of operations(document)) {
    const path = where.slice(where.indexOf(' ') + 1);
    const templated = new Set([...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!));
    const declared = new Set(
      [pathItem.parameters, operation.parameters]
        .flatMap((p) => (Array.isArray(p) ? p : []))
        .filter((p): p is Json => isRecord(p) && p.in === 'path')
        .map((p) => String(p.name)),
    );
    for (const name of templated) if (!declared.has(name)) problems.push(`${where}: path parameter {${name}} is not declared`);
    for (const name of declared) if (!templated.has(name)) problems.push(`${where}: path parameter ${name} is not in the path`);
  }
  return problems;
}

function checkSecurity(document: Json): string[] {
  const problems: string[] = [];
  const components = isRecord(document.components) ? document.components : {};
  const schemes = new Set(Object.keys(isRecord(components.securitySchemes) ? components.securitySchemes : {}));
  const check = (where: string, security: unknown) => {
    if (!Array.isArray(security)) return;
    for (const requirement of security) {
      for (const name of Object.keys(isRecord(requirement) ? requirement : {})) {
        if (!schemes.has(name)) problems.push(`${where}: security requirement names no declared scheme: ${name}`);
      }
    }
  };
  check('security', document.security);
  for (const { where, operation } of operations(document)) check(`${where} security`, operation.security);
  return problems;
}
