// Check 4: the site works from disk. Opens <first language>/index.html by a file:// URL
// and follows links, as a reader would click them, to a report, an indicator page, a
// compare page and the other language; on each page the charts draw and their tables exist.
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { openPage, settle } from '../lib/browser.mjs';

const REPORT = /\/reports\/[^/]+\/[^/]+\/index\.html$/;
const INDICATOR = /\/indicators\/[^/]+\/index\.html$/;
const COMPARE = /\/compare\/[^/]+\/[^/]+-vs-[^/]+\/index\.html$/;
const BUREAU = /\/bureaus\/[^/]+\/index\.html$/;

function relOf(site, url) {
  return path.relative(site.publicDir, fileURLToPath(url)).split(path.sep).join('/');
}

/** The number of charts on the generated page at url (0 if none or no such page). */
function chartsAt(site, url) {
  return site.pages.find((p) => p.url === url)?.charts || 0;
}

/** The visible links of the page whose absolute URL matches re, those to charts first. */
async function linksTo(site, tab, re) {
  const links = await tab.$$eval('a[href]', (as) => as.map((a, i) => ({ i, url: a.href, shown: a.checkVisibility() })));
  const file = (l) => l.url.split('#')[0];
  const charted = (l) => (chartsAt(site, file(l)) > 0 ? 1 : 0);
  return links.filter((l) => l.shown && re.test(file(l))).sort((a, b) => charted(b) - charted(a) || a.i - b.i);
}

/** Clicks link number i of the page and waits for the target to load. */
async function click(tab, link) {
  await Promise.all([tab.waitForURL(link.url, { waitUntil: 'load', timeout: 15000 }), tab.locator('a[href]').nth(link.i).click()]);
  await settle(tab);
}

/** Asserts the page loaded as a generated page with the right language, and its charts drew. */
async function assertPage(site, tab, lang) {
  const state = await tab.evaluate(() => ({
    lang: document.documentElement.lang,
    main: !!document.querySelector('main'),
    charts: [...document.querySelectorAll('figure.chart')].map((fig) => {
      const canvas = fig.querySelector('canvas');
      let inked = 0;
      if (canvas && canvas.width && canvas.height) {
        const d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 3; i < d.length; i += 4) if (d[i]) inked++;
      }
      const table = fig.querySelector('table');
      const values = JSON.parse(fig.getAttribute('data-chart')).datasets.reduce((n, ds) => n + ds.data.filter((v) => v !== null).length, 0);
      return { id: fig.id, inked, values, rows: table && table.tBodies[0] ? table.tBodies[0].rows.length : 0 };
    }),
  }));
  const rel = relOf(site, tab.url());
  assert.ok(site.files.has(rel), `landed on ${tab.url()}, not a generated file`);
  assert.ok(state.main, `${rel}: no <main> (did the file load?)`);
  assert.equal(state.lang, lang, `${rel}: <html lang>`);
  for (const c of state.charts) {
    if (c.values > 0) assert.ok(c.inked > 0, `${rel}: chart ${c.id} drew nothing on its canvas`);
    assert.ok(c.rows > 0, `${rel}: chart ${c.id} has no data table rows`);
  }
  return { rel, charts: state.charts.length };
}

/** Registers the walk as one test with a subtest per step. */
export function registerFromDisk(test, site, browserReady) {
  const has = (type) => site.pages.some((p) => p.type === type);
  const lang = site.languages[0];
  test(`works from disk: ${lang}/index.html by file:// and links to each page type`, { timeout: 120000 }, async (t) => {
    const browser = await browserReady;
    const { context, page: tab, log } = await openPage(browser, undefined, site);
    let chartsSeen = 0;
    const visit = async (what) => {
      const r = await assertPage(site, tab, what.lang || lang);
      chartsSeen += r.charts;
      t.diagnostic(`${what.name}: ${r.rel} (${r.charts} chart(s))`);
      return r;
    };
    try {
      await t.test(`index.html sends the reader to ${lang}/index.html`, async (s) => {
        if (!has('language-choice')) return s.skip('not generated: no root index.html');
        const home = pathToFileURL(path.join(site.publicDir, lang, 'index.html')).href;
        await Promise.all([
          tab.waitForURL(home, { waitUntil: 'load', timeout: 15000 }),
          tab.goto(pathToFileURL(path.join(site.publicDir, 'index.html')).href),
        ]);
      });
      await tab.goto(pathToFileURL(path.join(site.publicDir, lang, 'index.html')).href, { waitUntil: 'load' });
      await settle(tab);
      await t.test('home page opens from file://', () => visit({ name: 'home' }));
      let reportUrl = null;
      await t.test('follow a link to a report (one with a chart where there is one)', async (s) => {
        if (!has('report')) return s.skip('not generated: no report pages');
        let [link] = await linksTo(site, tab, REPORT);
        // No chart in the reports the home page links to: look on each bureau's page.
        if (!(link && chartsAt(site, link.url.split('#')[0]))) {
          for (const bureau of await linksTo(site, tab, BUREAU)) {
            await click(tab, bureau);
            const [found] = await linksTo(site, tab, REPORT);
            if (found && chartsAt(site, found.url.split('#')[0])) {
              link = found;
              break;
            }
            await tab.goBack({ waitUntil: 'load' });
          }
        }
        assert.ok(link, 'the home page links to no report');
        await click(tab, link);
        await visit({ name: 'report' });
        reportUrl = tab.url();
      });
      await t.test('follow a link to an indicator page', async (s) => {
        if (!has('indicator')) return s.skip('not generated: no indicator pages');
        assert.ok(reportUrl, 'no report page reached');
        const [link] = await linksTo(site, tab, INDICATOR);
        assert.ok(link, `${relOf(site, tab.url())} links to no indicator page`);
        await click(tab, link);
        await visit({ name: 'indicator' });
      });
      await t.test('follow a link to a compare page', async (s) => {
        if (!has('compare')) return s.skip('not generated: no compare pages');
        // Compare links may sit on the indicator, report or bureau page: look in that order.
        let [link] = await linksTo(site, tab, COMPARE);
        if (!link && reportUrl && tab.url() !== reportUrl) {
          await tab.goto(reportUrl, { waitUntil: 'load' });
          [link] = await linksTo(site, tab, COMPARE);
        }
        if (!link) {
          const [bureau] = await linksTo(site, tab, BUREAU);
          if (bureau) {
            await click(tab, bureau);
            [link] = await linksTo(site, tab, COMPARE);
          }
        }
        assert.ok(link, 'no compare link on the indicator, report or bureau page');
        await click(tab, link);
        await visit({ name: 'compare' });
      });
      await t.test('follow the language switch to the same page in the other language', async (s) => {
        const other = site.languages.find((l) => l !== lang);
        if (!other) return s.skip('the site has one language');
        const from = relOf(site, tab.url());
        const links = await tab.$$eval('a[href][hreflang]', (as) => as.map((a) => ({ url: a.href, hreflang: a.hreflang, shown: a.checkVisibility() })));
        const target = links.find((l) => l.hreflang === other && l.shown);
        assert.ok(target, `${from} has no visible link with hreflang="${other}"`);
        const i = (await tab.$$eval('a[href]', (as) => as.map((a) => a.href))).indexOf(target.url);
        await click(tab, { i, url: target.url });
        const r = await visit({ name: 'other language', lang: other });
        assert.equal(r.rel, from.replace(new RegExp(`^${lang}/`), `${other}/`), 'the switch leads to another page');
      });
      await t.test('charts drew along the way', (s) => {
        if (!site.pages.some((p) => p.charts > 0)) return s.skip('the site has no charts');
        assert.ok(chartsSeen > 0, 'no page on the walk had a chart');
      });
      await t.test('no off-site request, console error or missing file on the walk', () => {
        assert.deepEqual(log.offsite, [], 'off-site requests');
        assert.deepEqual(log.consoleErrors, [], 'console errors');
        assert.deepEqual(log.failedLocal, [], 'local files that failed to load');
      });
    } finally {
      await context.close();
    }
  });
}
