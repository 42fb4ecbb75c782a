import type { DbOrTx } from '../../db/create-db.js';
import { DomainError, type ErrorDetail } from '../../platform/errors.js';
import { findEvent, type NotificationEvent } from './notification-events.js';
import { parseTemplate, renderMessage, TemplateSyntaxError, unknownPlaceholders, type Lang, type RenderedMessage, type TemplateText } from './template-engine.js';

export type { Lang, RenderedMessage } from './template-engine.js';
export { notificationEvents, type NotificationEvent } from './notification-events.js';

export const langs: readonly Lang[] = ['zh-CN', 'en'];

/** The event's definition; NOT_FOUND (naming the event) for one jxc does not know. */
export function eventOrThrow(event: string): NotificationEvent {
  const e = findEvent(event);
  if (!e) throw new DomainError('NOT_FOUND', { entity: 'messageTemplate' }, [{ field: 'event', in: 'params', message: { zh: `没有事件「${event}」`, en: `No event "${event}"` } }]);
  return e;
}

/** An admin's stored template for (event, lang), or undefined when the default applies. */
export const storedTemplate = (db: DbOrTx, event: string, lang: Lang) =>
  db.selectFrom('messageTemplates').select(['subject', 'body', 'updatedBy', 'updatedAt']).where('event', '=', event).where('lang', '=', lang).executeTakeFirst();

/** The template in force for (event, lang): the stored one if an admin edited it, else the default. */
export async function templateFor(db: DbOrTx, event: string, lang: Lang): Promise<TemplateText> {
  const def = eventOrThrow(event);
  const stored = await storedTemplate(db, event, lang);
  return stored ? { subject: stored.subject, body: stored.body } : def.defaults[lang];
}

/** Renders the message for an event in a language with the event's data (outbox payload plus shopName). */
export async function render(db: DbOrTx, event: string, lang: Lang, data: Record<string, unknown>): Promise<RenderedMessage> {
  const def = eventOrThrow(event);
  return renderMessage(await templateFor(db, event, lang), def.placeholders, lang, data);
}

/** The placeholders a template text uses that `event` does not offer (a syntax error throws TemplateSyntaxError). */
export function checkTemplate(event: string, text: string): string[] {
  return unknownPlaceholders(parseTemplate(text), eventOrThrow(event).placeholders);
}

/** VALIDATION_FAILED naming each field with a syntax error or an unknown placeholder; nothing otherwise. */
export function assertValidTemplate(event: string, t: TemplateText): void {
  const details: ErrorDetail[] = [];
  for (const field of ['subject', 'body'] as const) {
    try {
      const unknown = checkTemplate(event, t[field]);
      if (unknown.length) {
        const names = unknown.map((u) => `{{${u}}}`).join(', ');
        details.push({ field, placeholders: unknown, message: { zh: `未知的占位符：${names}（事件 ${event} 不提供）`, en: `Unknown placeholder: ${names} (event ${event} does not offer it)` } });
      }
    } catch (err) {
      if (!(err instanceof TemplateSyntaxError)) throw err;
      details.push({ field, message: { zh: `模板格式错误：${err.zh}`, en: `Template syntax error: ${err.en}` } });
    }
  }
  if (details.length) throw new DomainError('VALIDATION_FAILED', { summary: details.map((d) => `${d.field}: ${(d.placeholders as string[] | undefined)?.join(', ') ?? 'syntax'}`).join('; ') }, details);
}
