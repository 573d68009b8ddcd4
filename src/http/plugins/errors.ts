// Every error leaves as { statusCode, code, error, message, requestId }. Our own BulwarkErrors
// keep their code; Fastify's (validation, body size, content type) are mapped to registry codes;
// anything else is a 500 INTERNAL whose cause goes to the log only.

import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BulwarkError, ERRORS } from '../../errors.js';
import type { ErrorCode } from '../../errors.js';

export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  error: string;
  message: string;
  requestId: string;
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'REQUEST_BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'REQUEST_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'REQUEST_INVALID',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'REQUEST_INVALID_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'REQUEST_INVALID_JSON',
};

export function toBulwarkError(err: FastifyError | Error): BulwarkError | null {
  if (err instanceof BulwarkError) return err;
  const fe = err as FastifyError;
  if (fe.validation) {
    const where = fe.validationContext ?? 'request';
    return new BulwarkError('REQUEST_INVALID', `Invalid ${where}: ${describeValidation(fe)}.`);
  }
  const mapped = fe.code ? FASTIFY_CODES[fe.code] : undefined;
  if (mapped) return new BulwarkError(mapped, mapped === 'REQUEST_BODY_TOO_LARGE' ? undefined : fe.message);
  if (fe.statusCode === 400 && err instanceof SyntaxError) return new BulwarkError('REQUEST_INVALID_JSON');
  return null;
}

function describeValidation(err: FastifyError): string {
  const first = err.validation?.[0];
  if (!first) return err.message;
  const field = first.instancePath ? first.instancePath.slice(1).replaceAll('/', '.') : '';
  const params = first.params as Record<string, unknown>;
  if (first.keyword === 'additionalProperties') {
    return `unknown field "${[field, params.additionalProperty].filter(Boolean).join('.')}"`;
  }
  return `${field ? `"${field}" ` : ''}${first.message ?? 'is invalid'}`;
}

export function errorBody(err: BulwarkError, requestId: string): ErrorBody {
  return {
    statusCode: err.statusCode,
    code: err.code,
    error: STATUS_CODES[err.statusCode] ?? 'Error',
    message: err.message,
    requestId,
  };
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const known = toBulwarkError(err);
    if (known) {
      if (known.statusCode >= 500) req.log.error({ err }, known.message);
      else req.log.info({ code: known.code }, known.message);
      return reply.code(known.statusCode).send(errorBody(known, req.id));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send(errorBody(new BulwarkError('INTERNAL', ERRORS.INTERNAL.message), req.id));
  });
  app.setNotFoundHandler((req, reply) => {
    const err = new BulwarkError('NOT_FOUND', `No route ${req.method} ${req.url.split('?')[0]}.`);
    return reply.code(404).send(errorBody(err, req.id));
  });
}
