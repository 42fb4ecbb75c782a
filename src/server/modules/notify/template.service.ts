import type { Db, DbOrTx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { exampleData, type NotificationEvent } from './notification-events.js';
import { renderMessage, type TemplateText } from './template-engine.js';
import { assertValidTemplate, eventOrThrow, langs, notificationEvents, storedTemplate, templateFor, type Lang, type RenderedMessage } from './templates.js';

type Stored = { subject: string; body: string; updatedBy: string | null; updatedAt: string } | undefined;

function view(e: NotificationEvent, lang: Lang, stored: Stored) {
  const d = e.defaults[lang];
  return {
    event: e.event, lang, audience: e.audience, zh: e.zh, en: e.en, source: e.source, customised: Boolean(stored),
    subject: stored?.subject ?? d.subject, body: stored?.body ?? d.body, defaultSubject: d.subject, defaultBody: d.body,
    updatedBy: stored?.updatedBy ?? null, updatedAt: stored?.updatedAt ?? null, placeholders: e.placeholders,
  };
}

/** Every event in both languages: the template in force, its default and its placeholders. */
export async function listTemplates(db: DbOrTx) {
  const rows = await db.selectFrom('messageTemplates').selectAll().execute();
  const byKey = new Map(rows.map((r) => [`${r.event}|${r.lang}`, r]));
  return notificationEvents.flatMap((e) => langs.map((lang) => view(e, lang, byKey.get(`${e.event}|${lang}`))));
}

/** One event's template in one language. */
export async function getTemplate(db: DbOrTx, event: string, lang: Lang) {
  return view(eventOrThrow(event), lang, await storedTemplate(db, event, lang));
}

/** Saves an admin's template (refused, nothing saved, when it has an unknown placeholder); audited. */
export async function saveTemplate(db: Db, actor: Actor, event: string, lang: Lang, input: TemplateText) {
  const e = eventOrThrow(event);
  assertValidTemplate(event, input);
  return db.transaction().execute(async (trx) => {
    const before = await storedTemplate(trx, event, lang);
    const row = { event, lang, subject: input.subject, body: input.body, updatedBy: actor.name, updatedAt: nowIso() };
    await trx.insertInto('messageTemplates').values(row)
      .onConflict((oc) => oc.columns(['event', 'lang']).doUpdateSet({ subject: row.subject, body: row.body, updatedBy: row.updatedBy, updatedAt: row.updatedAt })).execute();
    await writeAudit(trx, actor, { action: before ? 'update' : 'create', entity: 'messageTemplate', entityId: `${event}:${lang}`, summary: `${event} ${lang}`, before: before ?? e.defaults[lang], after: input });
    return view(e, lang, row);
  });
}

/** Drops an admin's edit so the built-in default applies again; audited when there was one. */
export async function resetTemplate(db: Db, actor: Actor, event: string, lang: Lang) {
  const e = eventOrThrow(event);
  await db.transaction().execute(async (trx) => {
    const before = await storedTemplate(trx, event, lang);
    if (!before) return;
    await trx.deleteFrom('messageTemplates').where('event', '=', event).where('lang', '=', lang).execute();
    await writeAudit(trx, actor, { action: 'delete', entity: 'messageTemplate', entityId: `${event}:${lang}`, summary: `${event} ${lang}`, before, after: e.defaults[lang] });
  });
  return view(e, lang, undefined);
}

/** Renders the given (unsaved) subject/body, or the template in force, with data over the event's examples. */
export async function previewTemplate(db: DbOrTx, event: string, lang: Lang, input: { subject?: string; body?: string; data?: Record<string, unknown> }): Promise<RenderedMessage> {
  const e = eventOrThrow(event);
  const current = await templateFor(db, event, lang);
  const template = { subject: input.subject ?? current.subject, body: input.body ?? current.body };
  assertValidTemplate(event, template);
  return renderMessage(template, e.placeholders, lang, { ...exampleData(e), ...input.data });
}
