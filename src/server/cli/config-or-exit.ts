import { ConfigError, loadConfig, type Config } from '../config.js';
import { version } from '../version.js';

/** The configuration, or exit 2 with the message naming each bad variable (for commands and the server). */
export function configOrExit(): Config {
  try {
    return loadConfig(process.env, version);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}
