// The browser and validator checks over every built site under test-output/sites/<name>/
// public (scripts/browser-tests.sh builds them). Run with: node --test tests/browser/run-all.mjs
// Each site gets one test per check; a page type a site does not have is skipped and says
// "not generated".
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { launchBrowser } from './lib/browser.mjs';
import { discoverSites, PAGE_TYPES, representatives } from './lib/sites.mjs';
import { visitSite, AXE_TAGS } from './lib/visit.mjs';
import { runNu } from './checks/nu-html.mjs';
import { axeViolations, axeIncomplete } from './checks/axe.mjs';
import { offsiteProblems } from './checks/offsite.mjs';
import { chartProblems, printProblems, narrowProblems, lineHeightProblems, focusProblems, narrowLargeProblems } from './checks/layout.mjs';
import { publishProblems, readingAidsWalk, printReport } from './checks/government.mjs';
import { brokenLinks } from './checks/links.mjs';
import { registerFromDisk } from './checks/from-disk.mjs';
import { registerSearch } from './checks/search.mjs';

const OUT = path.resolve(process.env.NIANBAO_TEST_OUTPUT || 'test-output');
const SHOTS = path.join(OUT, 'screenshots');
const PRINTS = path.join(OUT, 'print');
const WORKERS = Number(process.env.NIANBAO_BROWSER_WORKERS || 2);
const MAX_LINES = 60;

const sites = discoverSites(path.join(OUT, 'sites'));

/** Passes when lines is empty; otherwise fails listing them (the first MAX_LINES). */
function expectNone(lines, what) {
  if (lines.length === 0) return;
  const shown = lines.slice(0, MAX_LINES).join('\n');
  const more = lines.length > MAX_LINES ? `\n… and ${lines.length - MAX_LINES} more lines` : '';
  assert.fail(`${what}:\n${shown}${more}`);
}

// A promise that may reject before a test awaits it must not count as unhandled.
const quiet = (p) => {
  p.catch(() => {});
  return p;
};

// Start the Nu checker (one JVM for all sites) and the browser now; they run side by side.
const nu = quiet(runNu(sites));
const browserReady = quiet(launchBrowser());
after(async () => {
  const browser = await browserReady.catch(() => null);
  if (browser) await browser.close();
});

// Sites are visited one after another, each with WORKERS pages at a time.
const visits = new Map();
let chain = browserReady;
for (const site of sites) {
  const done = chain.then((browser) => visitSite(browser, site, { shotsDir: SHOTS, workers: WORKERS }));
  visits.set(site.name, quiet(done));
  chain = done.then(() => browserReady, () => browserReady);
}

test('at least one built site to check', () => {
  assert.ok(sites.length > 0, `no site under ${path.join(OUT, 'sites')}: run scripts/browser-tests.sh`);
});

for (const site of sites) {
  describe(`site ${site.name} (${site.pages.length} pages, ${site.languages.join('+')})`, () => {
    test('page types', (t) => {
      for (const type of PAGE_TYPES) {
        const n = site.pages.filter((p) => p.type === type).length;
        t.diagnostic(`${type}: ${n ? `${n} page(s)` : 'not generated'}`);
      }
      const other = site.pages.filter((p) => p.type === 'other').map((p) => p.rel);
      t.diagnostic(`other: ${other.length ? other.join(', ') : 'none'}`);
    });

    test('1. Nu HTML Checker: no error in any page or stylesheet', async (t) => {
      const result = (await nu).get(site.name);
      for (const w of result.warnings.slice(0, 20)) t.diagnostic(`warning: ${w}`);
      expectNone(result.errors.length ? [...result.summary, '', ...result.errors] : [], `Nu HTML Checker: ${result.errors.length} error(s), by message then one by one`);
    });

    test(`2. axe-core (${AXE_TAGS.join(', ')}): no violation on any page`, async (t) => {
      const v = await visits.get(site.name);
      for (const note of axeIncomplete(v)) t.diagnostic(note);
      expectNone(v.filter((x) => !x.ok).map((x) => `${x.page.rel}: ${x.error}`), 'pages that failed to load');
      expectNone(axeViolations(v), 'axe violations');
    });

    test('3. nothing leaves the site: no off-site request or console error on any page', async () => {
      expectNone(offsiteProblems(await visits.get(site.name)), 'off-site requests and console errors');
    });

    registerFromDisk(test, site, browserReady);
    registerSearch(test, site, browserReady);

    test('4. every chart draws (non-blank canvas with data) and has its data table', async (t) => {
      const v = await visits.get(site.name);
      t.diagnostic(`${v.reduce((n, x) => n + (x.ok ? x.charts.length : 0), 0)} chart(s) on ${v.filter((x) => x.ok && x.charts.length).length} page(s)`);
      expectNone(chartProblems(v), 'charts');
    });

    test('5. every internal href and src resolves to a generated file', (t) => {
      const { problems, count } = brokenLinks(site);
      t.diagnostic(`${count} references checked in ${site.fileList.length} files`);
      expectNone(problems, 'broken references');
    });

    test('6a. print media shows every chart table', async () => {
      expectNone(printProblems(await visits.get(site.name)), 'print');
    });

    test('6b. no horizontal scroll at 360 px', async () => {
      expectNone(narrowProblems(await visits.get(site.name)), 'pages wider than 360 px');
    });

    test('6c. reading aids: no horizontal scroll at 360 px with large text (one page per type)', async () => {
      expectNone(narrowLargeProblems(await visits.get(site.name)), 'pages wider than 360 px with large text');
    });

    test('6d. Chinese text has line height of at least 1.5, standard and large', async () => {
      expectNone(lineHeightProblems(await visits.get(site.name)), 'tight Chinese text');
    });

    test('6e. keyboard: Tab reaches the controls, each with a visible focus (one page per type)', async (t) => {
      const v = await visits.get(site.name);
      t.diagnostic(`${v.filter((x) => x.ok && x.focus).length} page(s) walked by Tab`);
      expectNone(focusProblems(v), 'keyboard focus');
    });

    test('7. reading aids: large text and high contrast persist across pages, none without JavaScript', async (t) => {
      if (!site.pages.some((p) => p.rel === `${site.languages[0]}/bureaus/index.html`)) return t.skip('not generated: no bureau index');
      await readingAidsWalk(await browserReady, site, t);
    });

    test('8. a report printed to PDF: title, bureau, date, figures, page numbers, no navigation', async (t) => {
      const r = await printReport(await browserReady, site, PRINTS, t);
      if (!r) return t.skip('not generated: no report pages');
      expectNone(r.problems.map((p) => `${r.report}: ${p}`), 'printed report');
    });

    if (site.publishOf) {
      test(`9. publish build: badge and snippet on every page, none in the normal build ${site.publishOf}`, async () => {
        const twin = sites.find((s) => s.name === site.publishOf);
        expectNone(publishProblems(site, twin, await visits.get(site.name)), 'publish build');
      });
    }

    test('screenshots of each page type at 1280 and 360 px', async (t) => {
      const v = await visits.get(site.name);
      t.diagnostic(`visit time (s, phases summed over workers): ${JSON.stringify(v.times)}`);
      const dir = path.join(SHOTS, site.name);
      for (const [key, page] of representatives(site)) {
        t.diagnostic(`${path.relative(process.cwd(), dir)}/${key.replace('/', '-')}-{1280,360}.png: ${page.rel}`);
      }
    });
  });
}
