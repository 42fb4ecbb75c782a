import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { constraintKind } from './db-errors.js';
import { DomainError, statusByCode, type ErrorDetail } from './errors.js';
import { pick, pickLocale, translate, zodIssueMessage, type Locale } from './i18n.js';

/** Sends the standard `{error:{code,message,details}}` body. */
export function sendError(reply: FastifyReply, locale: Locale, err: DomainError): FastifyReply {
  const status = statusByCode[err.code] ?? 400;
  const details = Array.isArray(err.details) ? err.details.map((d) => localizeDetail(d, locale)) : err.details;
  return reply.status(status).send({ error: { code: err.code, message: translate(err.code, locale, err.params), details } });
}

function localizeDetail(d: ErrorDetail, locale: Locale): ErrorDetail {
  return typeof d.message === 'object' && d.message ? { ...d, message: locale === 'en' ? d.message.en : d.message.zh } : d;
}

function validationDetails(err: FastifyError, locale: Locale): ErrorDetail[] {
  const where = err.validationContext;
  const list = hasZodFastifySchemaValidationErrors(err) ? err.validation : [];
  return list.map((v) => {
    const path = v.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
    const params = (v.params ?? {}) as Record<string, unknown>;
    const issue = { ...params, code: v.keyword, message: v.message };
    let field = path;
    // Unknown keys are reported on the object that holds them; name the keys themselves.
    if (v.keyword === 'unrecognized_keys' && Array.isArray(params.keys)) field = params.keys.map((k) => (path ? `${path}.${k}` : String(k))).join(',');
    return { field: field || (where ?? ''), in: where, message: zodIssueMessage(issue, locale, v.message ?? '') };
  });
}

const formatBytes = (n: number) => (n >= 1048576 ? `${+(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/**
 * Errors Fastify raises before routing (a path segment over 100 characters, a malformed URL) skip
 * the error handler; they get the standard body too, as a validation failure of the path.
 */
export function frameworkErrors(error: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const locale = pickLocale(req.headers['accept-language']);
  const summary = pick(locale, '请求路径无效（' + error.message + '）', 'Invalid request path (' + error.message + ')');
  sendError(reply, locale, new DomainError('VALIDATION_FAILED', { summary }, [{ field: 'path', in: 'params', message: error.message }]));
}

/** Installs the error handler and the 404 handler for API routes. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const locale = req.locale ?? pickLocale(req.headers['accept-language']);
    if (error instanceof DomainError) return sendError(reply, locale, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = validationDetails(error, locale);
      const summary = details.map((d) => `${d.field}: ${d.message}`).join('; ');
      return sendError(reply, locale, new DomainError('VALIDATION_FAILED', { summary }, details));
    }
    const kind = constraintKind(error);
    if (kind === 'unique') return sendError(reply, locale, new DomainError('CONFLICT'));
    if (kind === 'foreign_key') return sendError(reply, locale, new DomainError('IN_USE', { entity: { zh: '记录', en: 'Record' }, refs: { zh: '其他数据', en: 'other records' } }));
    const code = (error as FastifyError).code;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || code === 'FST_REQ_FILE_TOO_LARGE') {
      return sendError(reply, locale, new DomainError('FILE_TOO_LARGE', { limit: formatBytes(app.deps.config.maxUploadBytes) }));
    }
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      const summary = pick(locale, '表单字段或文件过多（每次只能上传一个文件）', 'Too many form fields or files (upload one file at a time)');
      return sendError(reply, locale, new DomainError('VALIDATION_FAILED', { summary }, [{ field: 'file', message: summary }]));
    }
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
      return sendError(reply, locale, new DomainError('UNSUPPORTED_MEDIA_TYPE', { type: String(req.headers['content-type'] ?? '') }));
    }
    if (error.statusCode === 429) return sendError(reply, locale, new DomainError('RATE_LIMITED', { retryAfter: String(reply.getHeader('retry-after') ?? 60) }));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON, empty body and other request-level faults from Fastify itself.
      const summary = pick(locale, '请求格式错误（' + error.message + '）', 'Malformed request (' + error.message + ')');
      return sendError(reply, locale, new DomainError('VALIDATION_FAILED', { summary }, [{ field: 'body', message: error.message }]));
    }
    req.log.error({ err: error }, 'unhandled error');
    return sendError(reply, locale, new DomainError('INTERNAL'));
  });
}
