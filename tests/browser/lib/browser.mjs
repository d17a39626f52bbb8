// Launches Debian's Chromium through playwright-core (never a downloaded browser) and opens
// pages with every request that leaves file:// refused and recorded.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.NIANBAO_CHROMIUM || '/usr/bin/chromium';

// Schemes a page may use without leaving the site copy on disk.
const LOCAL_SCHEMES = new Set(['file:', 'data:', 'blob:', 'about:']);

/**
 * Starts headless Chromium with the project's flags. Playwright gives it a throwaway
 * profile of its own (it refuses --user-data-dir with launch()).
 */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // A second wall behind the request routing: no host name resolves at all.
      '--host-resolver-rules=MAP * ~NOTFOUND',
    ],
  });
}

/** True when a request URL stays on the local copy of the site. */
export function isLocal(url) {
  try {
    return LOCAL_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * Opens a fresh context and page whose off-site requests are aborted. The returned log
 * collects off-site requests, console errors, uncaught exceptions and failed local loads.
 * With a site: a request to its own base_url (the 404 pages link absolutely) is answered
 * from its files, as its web server would; one to a URL its publish snippet names (build
 * --publish only) is answered empty and logged apart, in `snippet`.
 */
export async function openPage(browser, viewport = { width: 1280, height: 800 }, site = null) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'en-US' });
  const log = {
    offsite: [], consoleErrors: [], failedLocal: [], snippet: [],
    /** Empties the log and returns what it held, for reusing the page. */
    take() {
      const held = { offsite: this.offsite, consoleErrors: this.consoleErrors, failedLocal: this.failedLocal, snippet: this.snippet };
      this.offsite = [];
      this.consoleErrors = [];
      this.failedLocal = [];
      this.snippet = [];
      return held;
    },
  };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.fallback();
    if (site && site.baseUrl && url.startsWith(site.baseUrl)) {
      let rel = decodeURIComponent(new URL(url).pathname.slice(new URL(site.baseUrl).pathname.length));
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const file = path.join(site.publicDir, rel);
      if (!rel.split('/').includes('..') && fs.existsSync(file)) return route.fulfill({ path: file });
      log.failedLocal.push(url);
      return route.abort('filenotfound');
    }
    if (site && site.snippetUrls.has(url)) {
      log.snippet.push(url);
      return route.fulfill({ status: 200, contentType: url.endsWith('.js') ? 'text/javascript' : 'text/plain', body: '' });
    }
    log.offsite.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') log.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => log.consoleErrors.push(`uncaught: ${err.message}`));
  page.on('requestfailed', (req) => {
    if (isLocal(req.url())) log.failedLocal.push(req.url());
  });
  return { context, page, log };
}

/** Waits two animation frames, so resize observers and redraws have run. */
export async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}
