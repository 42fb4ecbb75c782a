import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChannels, ChannelError, dingtalkChannel, wecomChannel } from '../../src/server/modules/notify/channels.js';
import { render } from '../../src/server/modules/notify/templates.js';
import { createTestApp, dialectLabel, expectError, type TestApp, type TestClient } from '../support/index.js';

type Received = { method: string; url: string; headers: IncomingHttpHeaders; body: string };

// A stand-in for the robots' webhook endpoints: records every request; the path picks the answer.
async function startRobotServer() {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const path = req.url!.split('?')[0];
      const send = (status: number, json: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      if (path.endsWith('/refuse')) send(200, { errcode: 310000, errmsg: 'sign not match' });
      else if (path.endsWith('/broken')) send(500, { message: 'internal' });
      else if (path.endsWith('/slow')) setTimeout(() => send(200, { errcode: 0, errmsg: 'ok' }), 1500);
      else send(200, { errcode: 0, errmsg: 'ok' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { received, base, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function closedPortUrl(): Promise<string> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return `http://127.0.0.1:${port}/robot/send`;
}

describe(`WeCom and DingTalk group robots, SMS log adapter, channel settings ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let robot: Awaited<ReturnType<typeof startRobotServer>>;
  const en = { headers: { 'accept-language': 'en' } };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    robot = await startRobotServer();
  });
  afterAll(async () => {
    await robot.close();
    await t.close();
  });

  it('starts with every channel off and builds none', async () => {
    const res = await admin.get('/api/v1/notify-channels');
    expect(res.body.items).toEqual([
      expect.objectContaining({ kind: 'dingtalk', enabled: false, webhookUrl: null, secretSet: false }),
      expect.objectContaining({ kind: 'sms', enabled: false, adapter: 'log' }),
      expect.objectContaining({ kind: 'wecom', enabled: false, webhookUrl: null }),
    ]);
    expect(await buildChannels(t.db)).toEqual({});
  });

  it('refuses a webhook URL that is not http(s), and enabling a robot without one; nothing changes', async () => {
    for (const webhookUrl of ['ftp://robot.example.com/send', 'javascript:alert(1)', 'file:///etc/passwd', 'not a url']) {
      const res = await admin.request('PUT', '/api/v1/notify-channels/wecom', { enabled: true, webhookUrl }, en);
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.error.details[0]).toMatchObject({ field: 'webhookUrl', message: 'Must be an http:// or https:// URL' });
    }
    expectError(await admin.request('PUT', '/api/v1/notify-channels/dingtalk', { enabled: true }), 400, 'VALIDATION_FAILED');
    expectError(await admin.request('PUT', '/api/v1/notify-channels/sms', { adapter: 'aliyun' }), 400, 'VALIDATION_FAILED');
    expect((await admin.get('/api/v1/notify-channels')).body.items.every((c: { enabled: boolean; webhookUrl: string | null }) => !c.enabled && !c.webhookUrl)).toBe(true);
  });

  it('WeCom: the markdown message arrives at the webhook in WeCom’s JSON shape', async () => {
    const webhookUrl = `${robot.base}/cgi-bin/webhook/send?key=wecom-key-1`;
    const put = await admin.request('PUT', '/api/v1/notify-channels/wecom', { enabled: true, webhookUrl });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    robot.received.length = 0;
    const res = await admin.post('/api/v1/notify-channels/wecom/test', { event: 'shipment.shipped' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(robot.received).toHaveLength(1);
    const [r] = robot.received;
    expect(r).toMatchObject({ method: 'POST', url: '/cgi-bin/webhook/send?key=wecom-key-1' });
    expect(r.headers['content-type']).toContain('application/json');
    const body = JSON.parse(r.body);
    expect(Object.keys(body).sort()).toEqual(['markdown', 'msgtype']);
    expect(body.msgtype).toBe('markdown');
    expect(Object.keys(body.markdown)).toEqual(['content']);
    expect(body.markdown.content).toContain('### 【鑫源商贸】订单 SO-20261128-0001 已发货，顺丰速运 SF1234567890123');
    expect(body.markdown.content).toContain('[https://shop.example.com/t/8KQ2ZP4M](https://shop.example.com/t/8KQ2ZP4M)');
  });

  it('DingTalk: markdown title and text, signed with the secret as DingTalk documents (verified here)', async () => {
    const secret = 'SEC0123456789abcdef0123456789abcdef';
    const put = await admin.request('PUT', '/api/v1/notify-channels/dingtalk', { enabled: true, webhookUrl: `${robot.base}/robot/send?access_token=tok-1`, secret });
    expect(put.body).toMatchObject({ enabled: true, secretSet: true });
    expect(JSON.stringify(put.body)).not.toContain(secret);
    robot.received.length = 0;
    const channels = await buildChannels(t.db);
    expect(Object.keys(channels).sort()).toEqual(['dingtalk', 'wecom']);
    const message = await render(t.db, 'order.confirmed', 'en', { shopName: 'Xinyuan', customerName: 'Ming Hui', number: 'SO-7', total: 123450, tax: 14202, lines: [{ name: 'Hinge', quantity: 2, unit: 'pc', total: 1000 }] });
    const before = Date.now();
    await channels.dingtalk!.send('ops group', message);
    expect(robot.received).toHaveLength(1);
    const url = new URL(robot.received[0].url, robot.base);
    expect(url.pathname).toBe('/robot/send');
    expect(url.searchParams.get('access_token')).toBe('tok-1');
    const timestamp = url.searchParams.get('timestamp')!;
    expect(Number(timestamp)).toBeGreaterThanOrEqual(before);
    expect(Number(timestamp)).toBeLessThanOrEqual(Date.now());
    // DingTalk: sign = urlEncode(base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret))).
    const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
    expect(url.searchParams.get('sign')).toBe(expected);
    expect(robot.received[0].url).toContain(`sign=${encodeURIComponent(expected)}`);
    const body = JSON.parse(robot.received[0].body);
    expect(body).toEqual({ msgtype: 'markdown', markdown: { title: '[Xinyuan] Your order SO-7 is confirmed', text: message.markdown } });
    expect(body.markdown.text).toContain('Total ¥1,234.50');
  });

  it('a refusal (errcode ≠ 0), an HTTP error, a server that is down and one that does not answer are failures saying why', async () => {
    const message = await render(t.db, 'stock.low', 'zh-CN', { name: '合页', sku: 'A-1', warehouseName: '总仓', available: 1, incoming: 0, reorderPoint: 5 });
    await expect(dingtalkChannel({ webhookUrl: `${robot.base}/robot/refuse` }).send('', message)).rejects.toThrow('DingTalk robot refused the message: errcode 310000 sign not match');
    await expect(wecomChannel({ webhookUrl: `${robot.base}/wecom/refuse` }).send('', message)).rejects.toMatchObject({ name: 'ChannelError', retryable: false, message: expect.stringContaining('errcode 310000') });
    await expect(wecomChannel({ webhookUrl: `${robot.base}/wecom/broken` }).send('', message)).rejects.toMatchObject({ retryable: true, message: expect.stringContaining('HTTP 500') });
    const down = await closedPortUrl();
    const err = await wecomChannel({ webhookUrl: down }).send('', message).catch((e) => e);
    expect(err).toBeInstanceOf(ChannelError);
    expect(err).toMatchObject({ retryable: true, message: 'WeCom robot unreachable: ECONNREFUSED' });
    await expect(dingtalkChannel({ webhookUrl: `${robot.base}/robot/slow`, timeoutMs: 200 }).send('', message)).rejects.toThrow('DingTalk robot unreachable: no answer within 200 ms');

    // Through the API: 502 with the robot's own reason, in the caller's language around it.
    await admin.request('PUT', '/api/v1/notify-channels/wecom', { webhookUrl: `${robot.base}/wecom/refuse` });
    const refused = await admin.post('/api/v1/notify-channels/wecom/test', {}, en);
    expectError(refused, 502, 'NOTIFY_CHANNEL_FAILED');
    expect(refused.body.error.message).toBe('Sending through channel "wecom" failed: WeCom robot refused the message: errcode 310000 sign not match');
    await admin.request('PUT', '/api/v1/notify-channels/wecom', { webhookUrl: down });
    const unreachable = await admin.post('/api/v1/notify-channels/wecom/test', {});
    expectError(unreachable, 502, 'NOTIFY_CHANNEL_FAILED');
    expect(unreachable.body.error.message).toContain('ECONNREFUSED');
  });

  it('SMS through the built-in log adapter: written to sms_log, the subject as text; not a phone number is refused', async () => {
    expect((await admin.request('PUT', '/api/v1/notify-channels/sms', { enabled: true })).body).toMatchObject({ enabled: true, adapter: 'log' });
    const res = await admin.post('/api/v1/notify-channels/sms/test', { to: '+86 138-0013-8000', event: 'shipment.shipped' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const rows = await t.db.selectFrom('smsLog').selectAll().execute();
    expect(rows).toEqual([expect.objectContaining({ id: res.body.providerId, recipient: '+8613800138000', adapter: 'log', text: '【鑫源商贸】订单 SO-20261128-0001 已发货，顺丰速运 SF1234567890123' })]);
    expectError(await admin.post('/api/v1/notify-channels/sms/test', { to: 'someone@example.com' }), 502, 'NOTIFY_CHANNEL_FAILED');
    expect(await t.db.selectFrom('smsLog').selectAll().execute()).toHaveLength(1);
  });

  it('changes are audited and admin-only', async () => {
    const audits = await t.db.selectFrom('auditLog').select(['entityId', 'after']).where('entity', '=', 'notifyChannel').execute();
    expect(audits.map((a) => a.entityId)).toEqual(expect.arrayContaining(['wecom', 'dingtalk', 'sms']));
    expect(audits.map((a) => String(a.after)).join()).not.toContain('SEC0123456789');
    const warehouse = await t.loginAs('warehouse');
    expectError(await warehouse.get('/api/v1/notify-channels'), 403, 'FORBIDDEN');
  });
});
