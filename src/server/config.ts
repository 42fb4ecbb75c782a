import { z } from 'zod';

/** Typed, frozen configuration read once from the environment. */
export type Config = Readonly<{
  databaseUrl: string;
  port: number;
  host: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  adminEmail?: string;
  adminPassword?: string;
  cookieSecure: boolean;
  sessionTtlHours: number;
  maxUploadBytes: number;
  loginRateLimit: number;
  trustProxy: boolean;
  timeZone: string;
  /** Carrier callback secrets from JXC_CARRIER_SECRET_<CODE>, by carrier code (upper case); they override the carrier's own. */
  carrierSecrets: Readonly<Record<string, string>>;
  /** SMTP server from JXC_SMTP_URL (smtp:// or smtps://); it takes the place of the saved email settings. */
  smtpUrl?: string;
  /** Sender for JXC_SMTP_URL (JXC_SMTP_FROM), e.g. "鑫源商贸 <shop@example.com>". */
  smtpFrom?: string;
  /** Whether the server runs the outbox dispatcher itself (JXC_DISPATCHER=off when only `npm run worker` sends). */
  dispatcher: boolean;
  version: string;
}>;

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .refine((v) => /^(sqlite:|postgres:|postgresql:)/.test(v), {
      message: 'must start with sqlite: or postgres:// (for example sqlite:./data/jxc.sqlite)',
    })
    .default('sqlite:./data/jxc.sqlite'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JXC_ADMIN_EMAIL: z.email().optional(),
  JXC_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  JXC_COOKIE_SECURE: boolish.default(false),
  JXC_SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
  JXC_MAX_UPLOAD_MB: z.coerce.number().positive().max(512).default(10),
  JXC_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  JXC_TRUST_PROXY: boolish.default(false),
  JXC_TIMEZONE: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as Asia/Shanghai')
    .default('Asia/Shanghai'),
  JXC_SMTP_URL: z.string().regex(/^smtps?:\/\/[^/?#]+/, 'must be smtp://user:password@host:port or smtps://… (TLS from the start)').optional(),
  JXC_SMTP_FROM: z.string().min(3).max(200).optional(),
  JXC_DISPATCHER: z.enum(['on', 'off']).default('on'),
});

const CARRIER_SECRET_PREFIX = 'JXC_CARRIER_SECRET_';

/** JXC_CARRIER_SECRET_<CODE> variables as {CODE: secret}, and a line for each bad one. */
function carrierSecretsOf(env: Record<string, string | undefined>): { secrets: Record<string, string>; problems: string[] } {
  const secrets: Record<string, string> = {};
  const problems: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith(CARRIER_SECRET_PREFIX) || value === undefined) continue;
    const code = name.slice(CARRIER_SECRET_PREFIX.length);
    if (!/^[A-Za-z0-9_-]{1,20}$/.test(code)) problems.push(`  ${name}: the carrier code after ${CARRIER_SECRET_PREFIX} must be 1-20 letters, digits, - or _`);
    else if (value.length < 16 || value.length > 200) problems.push(`  ${name}: must be 16 to 200 characters`);
    else secrets[code.toUpperCase()] = value;
  }
  return { secrets, problems };
}

/** Thrown when an environment variable has a bad value; the message names each one. */
export class ConfigError extends Error {}

/** Parses the environment into a Config, or throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, version = '0.0.0'): Config {
  const blanked = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(blanked);
  const carriers = carrierSecretsOf(blanked);
  if (!parsed.success || carriers.problems.length > 0) {
    const lines = [...(parsed.error?.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`) ?? []), ...carriers.problems];
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if ((e.JXC_ADMIN_EMAIL === undefined) !== (e.JXC_ADMIN_PASSWORD === undefined)) {
    throw new ConfigError('Invalid configuration:\n  JXC_ADMIN_EMAIL and JXC_ADMIN_PASSWORD must be set together');
  }
  return Object.freeze({
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    adminEmail: e.JXC_ADMIN_EMAIL?.toLowerCase(),
    adminPassword: e.JXC_ADMIN_PASSWORD,
    cookieSecure: e.JXC_COOKIE_SECURE,
    sessionTtlHours: e.JXC_SESSION_TTL_HOURS,
    maxUploadBytes: Math.round(e.JXC_MAX_UPLOAD_MB * 1024 * 1024),
    loginRateLimit: e.JXC_LOGIN_RATE_LIMIT,
    trustProxy: e.JXC_TRUST_PROXY,
    timeZone: e.JXC_TIMEZONE,
    carrierSecrets: Object.freeze(carriers.secrets),
    smtpUrl: e.JXC_SMTP_URL,
    smtpFrom: e.JXC_SMTP_FROM,
    dispatcher: e.JXC_DISPATCHER === 'on',
    version,
  });
}
