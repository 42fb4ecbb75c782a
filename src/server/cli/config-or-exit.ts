import { ConfigError, loadConfig, type Config } from '../config.js';
import { setBusinessTimeZone } from '../platform/clock.js';
import { version } from '../version.js';

/**
 * The configuration, or exit 2 with the message naming each bad variable (for commands and the
 * server). Sets the business time zone at once: migrations that fill rollups by business month run before the app.
 */
export function configOrExit(): Config {
  try {
    const config = loadConfig(process.env, version);
    setBusinessTimeZone(config.timeZone);
    return config;
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}
