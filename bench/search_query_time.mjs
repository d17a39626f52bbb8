// Time to the first search result from disk (docs/search.md): opens
// <site>/<lang>/search/index.html?q=… by a file:// URL in headless Chromium, in a fresh
// context each time (nothing cached), and reads when the first result was put in the list,
// counted from the start of the navigation (for a query without results: when the status
// says so). Prints the median of RUNS per query.
//   node bench/search_query_time.mjs PUBLIC_DIR [RUNS]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../tests/browser/lib/browser.mjs';

const dir = path.resolve(process.argv[2] || 'public');
const runs = Number(process.argv[3] || 5);
const QUERIES = [['zh', '抽检'], ['zh', '食品抽检'], ['zh', '抽检合格率'], ['zh', '特种设备，安全'],
  ['en', 'special equipment'], ['en', 'food sampling inspections']];

// In the page, before its scripts: the moment the result list first gets an item.
// A query without results counts when the status says so.
const WATCH = `new MutationObserver((m, o) => {
  const list = document.getElementById('search-results');
  const status = document.getElementById('search-status');
  const done = status && status.textContent && !status.hasAttribute('data-busy');
  if ((list && list.firstElementChild) || done) { window.__firstResult = performance.now(); o.disconnect(); }
}).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });`;

const browser = await launchBrowser();
for (const [lang, q] of QUERIES) {
  const times = [];
  let found = '';
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    await context.addInitScript({ content: WATCH });
    const page = await context.newPage();
    const url = `${pathToFileURL(path.join(dir, lang, 'search', 'index.html')).href}?q=${encodeURIComponent(q)}`;
    await page.goto(url);
    await page.waitForFunction(() => window.__firstResult !== undefined, null, { timeout: 30000 });
    times.push(await page.evaluate(() => window.__firstResult));
    found = await page.evaluate(() => document.getElementById('search-status').textContent);
    await context.close();
  }
  times.sort((a, b) => a - b);
  console.log(`${lang} "${q}": first result after ${Math.round(times[Math.floor(times.length / 2)])} ms (median of ${runs}; min ${Math.round(times[0])}, max ${Math.round(times[times.length - 1])}) — ${found}`);
}
await browser.close();
