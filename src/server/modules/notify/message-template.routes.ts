import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/access.js';
import { errorResponses } from '../../platform/http-schemas.js';
import * as channels from './channel-settings.service.js';
import { channelInput, channelParams, channelTestInput, channelView, previewInput, renderedView, templateInput, templateParams, templateView } from './notify.schemas.js';
import * as svc from './template.service.js';

const tags = ['message-templates'];
const channelTags = ['notify-channels'];

/** Message templates per event and language (edit, reset, preview) and the WeCom/DingTalk/SMS channel settings. */
export const messageTemplateRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;
  app.get('/api/v1/message-templates', {
    config: { access: 'notify:manage' },
    schema: { tags, summary: 'Every event × language: the template in force (default or customised), its default and its placeholders', response: { 200: z.object({ items: z.array(templateView) }), ...errorResponses } },
  }, async () => ({ items: await svc.listTemplates(db) }));
  app.get('/api/v1/message-templates/:event/:lang', {
    config: { access: 'notify:manage' },
    schema: { tags, summary: 'One event’s template in one language', params: templateParams, response: { 200: templateView, ...errorResponses } },
  }, async (req) => svc.getTemplate(db, req.params.event, req.params.lang));
  app.put('/api/v1/message-templates/:event/:lang', {
    config: { access: 'notify:manage' },
    schema: { tags, summary: 'Replace the template (subject, body); an unknown placeholder or a syntax error is refused (400) and nothing is saved', params: templateParams, body: templateInput, response: { 200: templateView, ...errorResponses } },
  }, async (req) => svc.saveTemplate(db, actorOf(req), req.params.event, req.params.lang, req.body));
  app.delete('/api/v1/message-templates/:event/:lang', {
    config: { access: 'notify:manage' },
    schema: { tags, summary: 'Back to the built-in default; answers the default', params: templateParams, response: { 200: templateView, ...errorResponses } },
  }, async (req) => svc.resetTemplate(db, actorOf(req), req.params.event, req.params.lang));
  app.post('/api/v1/message-templates/:event/:lang/preview', {
    config: { access: 'notify:manage' },
    schema: { tags, summary: 'Render the given subject/body (default: the template in force) with data (default: the event’s example values)', params: templateParams, body: previewInput.optional(), response: { 200: renderedView, ...errorResponses } },
  }, async (req) => svc.previewTemplate(db, req.params.event, req.params.lang, req.body ?? {}));

  app.get('/api/v1/notify-channels', {
    config: { access: 'notify:manage' },
    schema: { tags: channelTags, summary: 'Settings of the WeCom and DingTalk group robots and the SMS adapter (secrets are never returned)', response: { 200: z.object({ items: z.array(channelView) }), ...errorResponses } },
  }, async () => ({ items: await channels.listChannels(db) }));
  app.put('/api/v1/notify-channels/:kind', {
    config: { access: 'notify:manage' },
    schema: { tags: channelTags, summary: 'Change a channel’s settings (only http/https webhook URLs); fields left out stay', params: channelParams, body: channelInput, response: { 200: channelView, ...errorResponses } },
  }, async (req) => channels.updateChannel(db, actorOf(req), req.params.kind, req.body));
  app.post('/api/v1/notify-channels/:kind/test', {
    config: { access: 'notify:manage' },
    schema: { tags: channelTags, summary: 'Send an event’s example message through the channel now; 502 NOTIFY_CHANNEL_FAILED with the channel’s error', params: channelParams, body: channelTestInput.optional(), response: { 200: z.object({ ok: z.literal(true), providerId: z.string().optional() }), 502: errorResponses[400], ...errorResponses } },
  }, async (req) => channels.testChannel(db, req.params.kind, req.body ?? {}));
};
