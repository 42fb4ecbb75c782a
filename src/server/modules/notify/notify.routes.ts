import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/access.js';
import { errorResponses, idParams, pageOf } from '../../platform/http-schemas.js';
import { notifySettingsInput, notifySettingsView, outboxMessageDetail, outboxMessageView, outboxQuery, testEmailInput, testEmailResult } from './dispatcher.schemas.js';
import * as settings from './notify-settings.service.js';
import * as outbox from './outbox.service.js';

const tags = ['outbox'];
const settingsTags = ['notification-settings'];

/** The outbox (messages, their delivery log, resend) and the email settings. */
export const notifyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;
  const { config } = app.deps;
  app.get('/api/v1/outbox', {
    config: { access: 'notify:manage' },
    schema: { tags, summary: 'Outbox messages, newest first, by status and topic', querystring: outboxQuery, response: { 200: pageOf(outboxMessageView), ...errorResponses } },
  }, async (req) => outbox.listOutbox(db, req.query));
  app.get('/api/v1/outbox/:id', {
    config: { access: 'notify:manage' },
    schema: { tags, summary: 'One message with its delivery log (one row per attempt and recipient)', params: idParams, response: { 200: outboxMessageDetail, ...errorResponses } },
  }, async (req) => outbox.getOutboxMessage(db, req.params.id));
  app.post('/api/v1/outbox/:id/resend', {
    config: { access: 'notify:manage' },
    schema: { tags, summary: 'A failed or dead message back to pending, due now, attempts from 0 (409 OUTBOX_STATE otherwise); recipients it already reached are skipped', params: idParams, response: { 200: outboxMessageDetail, ...errorResponses } },
  }, async (req) => outbox.resendOutboxMessage(db, actorOf(req), req.params.id));

  app.get('/api/v1/settings/notifications', {
    config: { access: 'notify:manage' },
    schema: { tags: settingsTags, summary: 'Email (SMTP) settings; the password is never returned, only whether one is saved', response: { 200: notifySettingsView, ...errorResponses } },
  }, async () => settings.getNotifySettings(db, config));
  app.put('/api/v1/settings/notifications', {
    config: { access: 'notify:manage' },
    schema: { tags: settingsTags, summary: 'Change the email settings; fields left out stay', body: notifySettingsInput, response: { 200: notifySettingsView, ...errorResponses } },
  }, async (req) => settings.updateNotifySettings(db, config, actorOf(req), req.body));
  app.post('/api/v1/settings/notifications/test-email', {
    config: { access: 'notify:manage' },
    schema: { tags: settingsTags, summary: 'Send a test email now; 422 SMTP_FAILED with the server’s reply, SMTP_NOT_CONFIGURED without a server', body: testEmailInput, response: { 200: testEmailResult, ...errorResponses } },
  }, async (req) => settings.sendTestEmail(db, config, req.body.to));
};
