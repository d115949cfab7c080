import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openChromium } from '@voltstream/launcher';

export const SCREENSHOTS = join(process.cwd(), 'test-results', 'dashboard');

export interface Browser {
  page: Page;
  /** Saves a PNG of the whole page to test-results/dashboard/<name>.png. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openBrowser(): Promise<Browser> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const { page, close } = await openChromium();
  return { page, screenshot: async (name) => void (await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })), close };
}
