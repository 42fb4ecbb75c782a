import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got, with whether its signature checked out against the secret it knew. */
export type ReceivedHook = { path: string; headers: IncomingHttpHeaders; raw: string; body: { id: string; type: string; occurredAt: string; data: Record<string, unknown> }; signatureValid: boolean; at: number };

export type WebhookReceiver = {
  url: (path?: string) => string;
  received: ReceivedHook[];
  /** The secret to check signatures with (set after creating the subscription). */
  secret: string;
  /** Status codes to answer with, one per request, then 200. */
  replies: number[];
  /** Milliseconds to wait before answering. */
  delayMs: number;
  close: () => Promise<void>;
};

/** A real HTTP server on a free port that records webhook requests and checks X-Jxc-Signature like a receiver would. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const r: WebhookReceiver = { url: () => '', received: [], secret: '', replies: [], delayMs: 0, close: async () => {} };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(req.headers['x-jxc-timestamp'] ?? '');
      const expected = Buffer.from(`sha256=${createHmac('sha256', r.secret).update(`${timestamp}.${raw}`).digest('hex')}`);
      const got = Buffer.from(String(req.headers['x-jxc-signature'] ?? ''));
      const signatureValid = got.length === expected.length && timingSafeEqual(got, expected);
      r.received.push({ path: req.url ?? '', headers: req.headers, raw, body: JSON.parse(raw) as ReceivedHook['body'], signatureValid, at: Date.now() });
      const status = signatureValid ? (r.replies.shift() ?? 200) : 401;
      setTimeout(() => res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : `receiver says ${status}`), r.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  r.url = (path = '/hooks') => `http://127.0.0.1:${port}${path}`;
  r.close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return r;
}
