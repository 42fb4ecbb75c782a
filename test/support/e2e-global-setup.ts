import { existsSync } from 'node:fs';

/** Where the browser tests expect Debian's Chromium. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Runs once before the e2e project: without Chromium the run fails instead of silently passing. */
export default function checkChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Browser tests are required (CI=true) but ${CHROMIUM_PATH} is missing.\n  Install it: apt-get update && apt-get install -y chromium fonts-wqy-microhei`);
  }
}
