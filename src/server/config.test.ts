import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('uses defaults for an empty environment', () => {
    const c = loadConfig({}, '1.2.3');
    expect(c).toMatchObject({
      databaseUrl: 'sqlite:./data/jxc.sqlite', port: 3000, host: '0.0.0.0', logLevel: 'info', cookieSecure: false,
      sessionTtlHours: 168, maxUploadBytes: 10 * 1024 * 1024, loginRateLimit: 10, version: '1.2.3',
    });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('treats empty variables as unset (DATABASE_URL= falls back to SQLite)', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).databaseUrl).toBe('sqlite:./data/jxc.sqlite');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/jxc' }, 'DATABASE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ JXC_COOKIE_SECURE: 'maybe' }, 'JXC_COOKIE_SECURE'],
    [{ JXC_LOGIN_RATE_LIMIT: '0' }, 'JXC_LOGIN_RATE_LIMIT'],
    [{ JXC_ADMIN_EMAIL: 'a@b.cn' }, 'JXC_ADMIN_PASSWORD'],
  ])('throws ConfigError naming the bad variable: %o', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  it('names every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'y' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/LOG_LEVEL/);
    }
  });

  it('parses the rest', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://jxc@db/jxc', PORT: '8080', JXC_COOKIE_SECURE: 'yes', JXC_MAX_UPLOAD_MB: '1.5',
      JXC_ADMIN_EMAIL: 'Boss@Example.COM', JXC_ADMIN_PASSWORD: 'long-enough', JXC_LOGIN_RATE_LIMIT: '3',
    });
    expect(c).toMatchObject({ databaseUrl: 'postgres://jxc@db/jxc', port: 8080, cookieSecure: true, maxUploadBytes: 1572864, adminEmail: 'boss@example.com', loginRateLimit: 3 });
  });
});
