// TypeScript types from the OpenAPI document, for clients written in TypeScript (the review console):
// `paths` gives, for each route and method, its path and query parameters, its JSON body and its
// JSON answers by status; `schemas` the named components. Written here because openapi-typescript
// needs TypeScript 5's compiler API, which TypeScript 7 no longer ships. It covers what Bulwark's
// route schemas use: objects (required, additionalProperties), arrays, anyOf/oneOf/allOf, enum,
// const, $ref to components, and the JSON types.

type Schema = Record<string, unknown>;

interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/** The document's types as a TypeScript module (`export interface paths`, `export interface schemas`). */
export function openApiTypes(doc: OpenApiDocument): string {
  const out = ['// Generated from Bulwark\'s OpenAPI document by `bulwark openapi --types`. Do not edit.', '', 'export interface paths {'];
  for (const [route, item] of Object.entries(doc.paths).sort(([a], [b]) => a.localeCompare(b))) {
    const methods = Object.entries(item).filter(([method]) => METHODS.includes(method));
    if (methods.length === 0) continue;
    out.push(`  ${JSON.stringify(route)}: {`);
    for (const [method, op] of methods) out.push(`    ${method}: ${operationType(op, '    ')};`);
    out.push('  };');
  }
  out.push('}', '', 'export interface schemas {');
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) out.push(`  ${JSON.stringify(name)}: ${typeOf(schema, '  ')};`);
  out.push('}', '');
  return out.join('\n');
}

function operationType(op: Operation, indent: string): string {
  const inner = `${indent}  `;
  const params = (where: string) => {
    const list = (op.parameters ?? []).filter((p) => p.in === where);
    if (list.length === 0) return 'never';
    return `{ ${list.map((p) => `${JSON.stringify(p.name)}${p.required ? '' : '?'}: ${typeOf(p.schema ?? {}, inner)}`).join('; ')} }`;
  };
  const body = op.requestBody?.content?.['application/json']?.schema;
  const answers = Object.entries(op.responses ?? {}).map(([status, r]) => {
    const schema = r.content?.['application/json']?.schema;
    return `${inner}  ${/^\d+$/.test(status) ? status : JSON.stringify(status)}: ${schema ? typeOf(schema, `${inner}  `) : 'unknown'};`;
  });
  return [
    '{',
    `${inner}path: ${params('path')};`,
    `${inner}query: ${params('query')};`,
    `${inner}body: ${body ? typeOf(body, inner) : 'never'};`,
    `${inner}responses: {`, ...answers, `${inner}};`,
    `${indent}}`,
  ].join('\n');
}

/** The TypeScript type a JSON schema describes. */
export function typeOf(schema: Schema, indent = ''): string {
  if (typeof schema.$ref === 'string') return `schemas[${JSON.stringify(schema.$ref.replace('#/components/schemas/', ''))}]`;
  if ('const' in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  for (const [key, join] of [['anyOf', ' | '], ['oneOf', ' | '], ['allOf', ' & ']] as const) {
    if (Array.isArray(schema[key])) return `(${(schema[key] as Schema[]).map((s) => typeOf(s, indent)).join(join)})`;
  }
  if (Array.isArray(schema.type)) return `(${schema.type.map((t) => typeOf({ ...schema, type: t }, indent)).join(' | ')})`;
  switch (schema.type) {
    case 'string': return 'string';
    case 'integer': case 'number': return 'number';
    case 'boolean': return 'boolean';
    case 'null': return 'null';
    case 'array': return `Array<${typeOf((schema.items as Schema | undefined) ?? {}, indent)}>`;
    case 'object': return objectType(schema, indent);
    default: return schema.properties ? objectType(schema, indent) : 'unknown';
  }
}

function objectType(schema: Schema, indent: string): string {
  const properties = Object.entries((schema.properties as Record<string, Schema> | undefined) ?? {});
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const extra = schema.additionalProperties;
  const inner = `${indent}  `;
  const lines = properties.map(([name, s]) => `${inner}${JSON.stringify(name)}${required.has(name) ? '' : '?'}: ${typeOf(s, inner)};`);
  if (extra === true || (extra === undefined && properties.length === 0)) lines.push(`${inner}[key: string]: unknown;`);
  // A typed index signature must fit every named property too: with named ones, it says unknown.
  else if (extra && typeof extra === 'object') lines.push(`${inner}[key: string]: ${properties.length > 0 ? 'unknown' : typeOf(extra as Schema, inner)};`);
  return lines.length === 0 ? 'Record<string, never>' : `{\n${lines.join('\n')}\n${indent}}`;
}
