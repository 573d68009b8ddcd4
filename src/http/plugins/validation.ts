// Schema validation with two strictness levels: JSON bodies are taken exactly as sent (no type
// coercion, unknown fields rejected rather than silently dropped), while query strings and path
// params are coerced from their string form.

import { Ajv } from 'ajv';
import type { FastifyInstance, FastifySchema } from 'fastify';
import addFormatsModule from 'ajv-formats';

// ajv-formats ships CJS with a default export; under NodeNext it arrives as a namespace object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as
  (ajv: Ajv) => Ajv;

function makeAjv(coerceTypes: boolean | 'array'): Ajv {
  const ajv = new Ajv({
    coerceTypes,
    removeAdditional: false,
    useDefaults: true,
    allErrors: false,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

export function installValidation(app: FastifyInstance): void {
  const strict = makeAjv(false);
  const coercing = makeAjv('array');
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? strict : coercing;
    return ajv.compile(schema as FastifySchema & object);
  });
}
