import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/access.js';
import { DomainError } from '../../platform/errors.js';
import { zodIssueMessage } from '../../platform/i18n.js';
import { uploadErrors, commitReply, importMode, mappingSchema, previewReply, templateQuery, uploadHelp } from './import.schemas.js';
import { commitImport, previewImport, type ImportOptions } from './import.service.js';
import type { Mapping } from './columns.js';
import { customerImport } from './customer.import.js';
import { isDocumentSpec, type ImportSpec } from './document-spec.js';
import { openingStockImport } from './opening-stock.import.js';
import { productImport } from './product.import.js';
import { salesOrderImport } from './sales-order.import.js';
import { salesReturnImport } from './sales-return.import.js';
import { supplierImport } from './supplier.import.js';
import { csvTemplate, templateFilename, xlsxTemplate } from './template.js';

/** What can be imported: master data, then documents (opening stock, sales orders, history returns). */
export const importSpecs: ImportSpec[] = [productImport, customerImport, supplierImport, openingStockImport, salesOrderImport, salesReturnImport];

type Upload = { bytes: Buffer; filename: string; fields: Record<string, string> };

/** Reads the multipart body: the one file and the text fields. Over-size files throw 413 in toBuffer(). */
async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) {
    const type = req.headers['content-type'];
    throw type ? new DomainError('UNSUPPORTED_MEDIA_TYPE', { type }) : new DomainError('FILE_REQUIRED');
  }
  let file: { bytes: Buffer; filename: string } | null = null;
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer();
      if (!file && (bytes.length > 0 || part.filename)) file = { bytes, filename: part.filename ?? '' };
    } else fields[part.fieldname] = String(part.value ?? '');
  }
  if (!file) throw new DomainError('FILE_REQUIRED');
  return { ...file, fields };
}

const invalidField = (field: string, message: string) => new DomainError('VALIDATION_FAILED', { summary: `${field}: ${message}` }, [{ field, message }]);

/** `mode` and `mapping` form fields, and a document import's own fields, validated. */
function optionsOf(spec: ImportSpec, up: Upload, req: FastifyRequest): ImportOptions {
  const mode = importMode.safeParse(up.fields.mode || undefined);
  if (!mode.success) throw invalidField('mode', req.locale === 'en' ? 'must be create or upsert' : '须为 create 或 upsert');
  if (isDocumentSpec(spec) && mode.data === 'upsert') throw invalidField('mode', req.locale === 'en' ? 'documents are only created (mode create)' : '单据只能新增（create 模式）');
  let mapping: Mapping = {};
  if (up.fields.mapping?.trim()) {
    let json: unknown;
    try {
      json = JSON.parse(up.fields.mapping);
    } catch {
      throw invalidField('mapping', req.locale === 'en' ? 'is not valid JSON' : '不是有效的 JSON');
    }
    const parsed = mappingSchema(spec).safeParse(json);
    if (!parsed.success) {
      const fields = spec.columns.map((c) => c.field).join(', ');
      throw invalidField('mapping', req.locale === 'en' ? `must be an object {field: "column header"}; fields: ${fields}` : `应为 {字段: "文件中的列名"} 形式的对象；可用字段：${fields}`);
    }
    mapping = parsed.data as Mapping;
  }
  return { mode: mode.data, mapping, filename: up.filename, locale: req.locale, fields: isDocumentSpec(spec) ? documentFields(spec.formFields, up, req) : undefined };
}

/** A document import's own form fields (e.g. confirm), parsed by its schema. */
function documentFields(schema: z.ZodType<Record<string, unknown>> | undefined, up: Upload, req: FastifyRequest): Record<string, unknown> {
  if (!schema) return {};
  const parsed = schema.safeParse(up.fields);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = String(issue.path[0] ?? '');
  throw invalidField(field, zodIssueMessage(issue as never, req.locale, issue.message));
}

/** Template download, preview and commit for products, customers, suppliers, opening stock and sales orders. */
export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;
  const tags = ['imports'];
  for (const spec of importSpecs) {
    const base = `/api/v1/imports/${spec.entity}`;
    const access = spec.permission;
    const description = isDocumentSpec(spec) ? `${uploadHelp} ${spec.help}` : uploadHelp;

    app.get(`${base}/template`, {
      config: { access },
      schema: { tags, summary: `Download the ${spec.entity} import template (headers in the caller's language, one example row)`, querystring: templateQuery, response: { ...uploadErrors } },
    }, async (req, reply) => {
      const { format } = req.query;
      const name = templateFilename(spec, req.locale, format);
      reply.header('content-disposition', `attachment; filename="${spec.entity}-import-template.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`);
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(csvTemplate(spec, req.locale) as never);
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send((await xlsxTemplate(spec, req.locale)) as never);
    });

    app.post(`${base}/preview`, {
      config: { access },
      schema: { tags, summary: `Check a ${spec.entity} file and list every problem; writes nothing`, description, consumes: ['multipart/form-data'], response: { 200: previewReply, ...uploadErrors } },
    }, async (req) => {
      const up = await readUpload(req);
      return previewImport(db, actorOf(req), spec, up.bytes, optionsOf(spec, up, req));
    });

    app.post(`${base}/commit`, {
      config: { access },
      schema: { tags, summary: `Import a ${spec.entity} file in one transaction (422 IMPORT_HAS_ERRORS and nothing written if any row is wrong)`, description, consumes: ['multipart/form-data'], response: { 200: commitReply, ...uploadErrors } },
    }, async (req) => {
      const up = await readUpload(req);
      return commitImport(db, actorOf(req), spec, up.bytes, optionsOf(spec, up, req));
    });
  }
};
