// Check 10: search works from disk. Opens <lang>/search/index.html?q=… by a file:// URL and
// reads the results search.js lists; on the sample site the first results are exact.
// Also: the header box submits to the search page by keyboard, full-width letters find
// what half-width ones do, a bureau filter narrows, axe finds nothing with results shown,
// and without JavaScript the page says that search needs it.
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openPage } from '../lib/browser.mjs';
import { AXE_SOURCE, AXE_TAGS, runAxe } from '../lib/visit.mjs';

/** The sample site's queries and their first results (titles, in order). */
const SAMPLE = [
  { lang: 'zh', q: '抽检', first: ['药品抽检批次', '药品抽检合格率', '食品抽检批次'] },
  { lang: 'zh', q: '食品抽检', first: ['食品抽检批次', '食品抽检合格率', '示例市市场监督管理局2022年上半年工作总结和下半年工作安排'] },
  { lang: 'zh', q: '食品安全，抽检', first: ['食品抽检批次', '食品抽检合格率'] },
  { lang: 'zh', q: '抽检', bureau: 'example-county', first: ['示例县市场监督管理局2022年重点工作情况报告'], count: 1 },
  { lang: 'en', q: 'special equipment', first: ['Special equipment periodic inspection rate', 'Special equipment in use'] },
  { lang: 'en', q: 'ＳＰＥＣＩＡＬ Equipment', first: ['Special equipment periodic inspection rate', 'Special equipment in use'] },
  { lang: 'en', q: 'xyzzy', first: [], status: 'No results. Try other words, or remove a filter.' },
];

function searchUrl(site, lang, params) {
  const file = pathToFileURL(path.join(site.publicDir, lang, 'search', 'index.html')).href;
  return `${file}?${new URLSearchParams(params).toString()}`;
}

/** Waits for search.js to finish and returns what it shows. */
async function results(tab) {
  await tab.waitForFunction(() => {
    const s = document.getElementById('search-status');
    return s && s.textContent && !s.hasAttribute('data-busy');
  }, null, { timeout: 15000 });
  // Snippets come with their files, after the list.
  await tab.waitForFunction(() => [...document.querySelectorAll('#search-results > li')].every((li) => li.querySelector('.snippet')), null, { timeout: 15000 }).catch(() => {});
  return tab.evaluate(() => ({
    status: document.getElementById('search-status').textContent,
    items: [...document.querySelectorAll('#search-results > li')].map((li) => ({
      title: li.querySelector('a').textContent,
      href: li.querySelector('a').href,
      marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
      meta: li.querySelector('.meta')?.textContent || '',
    })),
  }));
}

export function registerSearch(test, site, browserReady) {
  test('10. search from disk: exact first results, filters, keyboard, axe, no JavaScript', async (t) => {
    if (!site.pages.some((p) => p.rel === `${site.languages[0]}/search/index.html`)) return t.skip('not generated: no search page');
    const browser = await browserReady;
    const { context, page: tab, log } = await openPage(browser, { width: 1280, height: 800 }, site);
    try {
      if (site.name === 'sample') {
        for (const c of SAMPLE) {
          const params = { q: c.q, ...(c.bureau ? { bureau: c.bureau } : {}) };
          const started = Date.now();
          await tab.goto(searchUrl(site, c.lang, params));
          const r = await results(tab);
          const ms = Date.now() - started;
          t.diagnostic(`${c.lang} "${c.q}"${c.bureau ? ` in ${c.bureau}` : ''}: ${r.status} (${ms} ms)`);
          assert.deepEqual(r.items.slice(0, c.first.length).map((x) => x.title), c.first, `${c.lang} "${c.q}": first results`);
          if (c.count !== undefined) assert.equal(r.items.length, c.count, `${c.lang} "${c.q}": result count`);
          if (c.status) assert.equal(r.status, c.status, `${c.lang} "${c.q}": status`);
          for (const item of r.items) {
            assert.ok(site.files.has(path.relative(site.publicDir, new URL(item.href).pathname)), `${c.q}: result ${item.href} is not a generated file`);
          }
          if (c.first.length) assert.ok(r.items[0].marks.length > 0, `${c.q}: the first result marks no word`);
          if (c.bureau) assert.ok(r.items.every((x) => x.meta.startsWith('示例县')), `${c.q}: a result of another bureau`);
        }
        // Reports show their bureau and period.
        await tab.goto(searchUrl(site, 'zh', { q: '食品抽检' }));
        const report = (await results(tab)).items.find((x) => /\/reports\//.test(x.href));
        assert.equal(report.meta, '示例市市场监督管理局 · 2022年上半年');
      }
      // The header box on the home page, by keyboard: type, Enter, results.
      const lang = site.languages[0];
      await tab.goto(pathToFileURL(path.join(site.publicDir, lang, 'index.html')).href);
      // The start of a bureau's name, as the home page links it: its bureau page has it.
      const word = await tab.evaluate(() => {
        const a = [...document.querySelectorAll('main a[href*="bureaus/"]')].find((x) => !/bureaus\/index\.html$/.test(x.getAttribute('href')));
        return a ? a.textContent.trim().slice(0, 4) : '';
      });
      assert.ok(word, 'the home page links no bureau page');
      await tab.focus('.site-search input[name="q"]');
      await tab.keyboard.type(word);
      await Promise.all([tab.waitForURL(/\/search\/index\.html\?q=/, { timeout: 15000 }), tab.keyboard.press('Enter')]);
      const fromBox = await results(tab);
      t.diagnostic(`header box, "${word}": ${fromBox.status}`);
      assert.ok(fromBox.items.length > 0, `the header box found nothing for "${word}"`);
      // axe on the page with its results.
      await tab.addScriptTag({ content: AXE_SOURCE });
      const axe = await tab.evaluate(runAxe, AXE_TAGS);
      assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), [], 'axe with results');
      const held = log.take();
      assert.deepEqual([...held.offsite, ...held.consoleErrors, ...held.failedLocal], [], 'off-site requests, console errors or failed loads');
    } finally {
      await context.close();
    }
    // Without JavaScript: the notice, no results.
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    try {
      const p = await noJs.newPage();
      await p.goto(searchUrl(site, site.languages[0], { q: 'x' }));
      const shown = await p.evaluate(() => document.querySelector('main noscript') !== null && document.querySelector('main .notice')?.checkVisibility());
      assert.ok(shown, 'no "search needs JavaScript" notice without JavaScript');
    } finally {
      await noJs.close();
    }
  });
}
