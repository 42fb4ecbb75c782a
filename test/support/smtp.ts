import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

// A real SMTP server on 127.0.0.1 for tests: it keeps every message it accepts, can go down and come
// back on the same port, and can refuse recipients with a reply of our choosing.

export type ReceivedMail = { raw: string; to: string[]; from: string; headers: Record<string, string>; subject: string; text: string; messageId: string };

export type TestSmtpServer = {
  port: number;
  received: ReceivedMail[];
  /** Stops accepting connections (clients get ECONNREFUSED). */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  /** Refuse every recipient with this reply (e.g. "550 5.1.1 mailbox unavailable"), or accept again (null). */
  refuse(reply: string | null): void;
  close(): Promise<void>;
};

/** Starts a test SMTP server on a random loopback port (no TLS, no auth). */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  let refusal: string | null = null;
  let port = 0;
  const options: SMTPServerOptions = {
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onRcptTo(address, _session, cb) {
      if (!refusal) return cb();
      const [, code, text] = /^(\d{3})\s+(.*)$/.exec(refusal) ?? [];
      cb(Object.assign(new Error(text ?? refusal), { responseCode: Number(code ?? 550) }));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({ ...parseMail(raw), raw, to: session.envelope.rcptTo.map((r) => r.address), from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '' });
        cb();
      });
    },
  };
  let server: SMTPServer;
  const listen = () => new Promise<void>((resolve, reject) => {
    server = new SMTPServer(options);
    server.on('error', () => {});
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      port = (server.server.address() as AddressInfo).port;
      resolve();
    });
  });
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  await listen();
  return {
    get port() { return port; },
    received,
    down: close,
    up: listen,
    refuse: (reply) => { refusal = reply; },
    close,
  };
}

/** Headers (unfolded, encoded words decoded), subject and the text/plain body of a raw message. */
export function parseMail(raw: string): Omit<ReceivedMail, 'raw' | 'to' | 'from'> {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = parseHeaders(head);
  const body = rest.join('\r\n\r\n');
  const type = headers['content-type'] ?? 'text/plain';
  let text = '';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (boundary) {
    for (const part of body.split(`--${boundary}`)) {
      const [ph, ...pb] = part.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
      const h = parseHeaders(ph);
      if ((h['content-type'] ?? '').startsWith('text/plain')) text = decodeBody(pb.join('\r\n\r\n'), h['content-transfer-encoding']);
    }
  } else {
    text = decodeBody(body, headers['content-transfer-encoding']);
  }
  return { headers, subject: headers.subject ?? '', text, messageId: headers['message-id'] ?? '' };
}

function parseHeaders(head: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i).trim().toLowerCase()] = decodeWords(line.slice(i + 1).trim());
  }
  return out;
}

function decodeWords(v: string): string {
  return v.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*(?==\?)?/gi, (_m, enc: string, data: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : qp(data.replace(/_/g, ' ')));
}

function decodeBody(body: string, encoding = '7bit'): string {
  const e = encoding.toLowerCase();
  if (e === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (e === 'quoted-printable') return qp(body.replace(/=\r?\n/g, ''));
  return body;
}

function qp(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      for (const b of Buffer.from(s[i], 'utf8')) bytes.push(b);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
