// Loads every page of a site once in Chromium and records what each check needs: axe
// results, off-site requests, console errors, chart pixels, overflow at 360 px and the
// chart tables under print media. Representative pages are screenshotted on the way.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { openPage, settle } from './browser.mjs';
import { representatives } from './sites.mjs';

const require = createRequire(import.meta.url);
export const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.0 and 2.1 A/AA rules (GB/T 37668 follows WCAG). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const WIDE = { width: 1280, height: 800 };
export const NARROW = { width: 360, height: 740 };

/** In the page: each chart's canvas ink, Chart.js data points and data table rows. */
function chartState() {
  return [...document.querySelectorAll('figure.chart')].map((fig) => {
    const canvas = fig.querySelector('canvas');
    let inked = 0;
    let points = 0;
    if (canvas && canvas.width > 0 && canvas.height > 0) {
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) inked++;
      const chart = window.Chart && window.Chart.getChart(canvas);
      if (chart) {
        for (const ds of chart.data.datasets) points += ds.data.filter((v) => v !== null).length;
      }
    }
    const table = fig.querySelector('table');
    let values = 0;  // non-null values in the chart's data, as the page ships it
    try {
      for (const ds of JSON.parse(fig.getAttribute('data-chart')).datasets) values += ds.data.filter((v) => v !== null).length;
    } catch {
      values = -1;
    }
    return {
      id: fig.id || '(no id)',
      values,
      shown: !!canvas && canvas.checkVisibility(),
      inked,
      points,
      tableRows: table && table.tBodies[0] ? table.tBodies[0].rows.length : 0,
      tableShown: !!table && table.checkVisibility(),
    };
  });
}

/** In the page: the page's horizontal overflow and the elements that stick out. */
function overflowState() {
  const root = document.documentElement;
  const width = root.clientWidth;
  const culprits = [];
  if (root.scrollWidth > width) {
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 0.5) continue;
      let scroller = false;  // content inside its own horizontal scroller is fine
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) {
          scroller = true;
          break;
        }
      }
      if (scroller) continue;
      const cls = el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      culprits.push(`<${el.tagName.toLowerCase()}${cls}> right edge ${Math.round(box.right)}px: "${(el.textContent || '').trim().slice(0, 40)}"`);
      if (culprits.length >= 5) break;
    }
  }
  return { scrollWidth: root.scrollWidth, clientWidth: width, culprits };
}

/** In the page, under print media: whether each chart's table shows and its canvas hides. */
function printState() {
  return [...document.querySelectorAll('figure.chart')].map((fig) => {
    const table = fig.querySelector('table');
    const box = table ? table.getBoundingClientRect() : { width: 0, height: 0 };
    const canvas = fig.querySelector('canvas');
    return {
      id: fig.id || '(no id)',
      tableShown: !!table && table.checkVisibility() && box.width > 0 && box.height > 0,
      canvasShown: !!canvas && canvas.checkVisibility(),
    };
  });
}

/** In the page: after a print, the ids of charts whose toggle button misstates its table. */
function afterPrintState() {
  window.dispatchEvent(new Event('beforeprint'));
  window.dispatchEvent(new Event('afterprint'));
  return [...document.querySelectorAll('figure.chart')].filter((fig) => {
    const button = fig.querySelector('.chart-toggle');
    const table = fig.querySelector('.table-scroll');
    return button && table && button.getAttribute('aria-expanded') !== String(!table.hidden);
  }).map((fig) => fig.id || '(no id)');
}

/** In the page: runs axe-core with the given tags. */
export async function runAxe(tags) {
  const result = await window.axe.run(document, {
    runOnly: { type: 'tag', values: tags },
    preload: false,  // its CSSOM preload fetches stylesheets by XHR, which file:// refuses
    resultTypes: ['violations', 'incomplete'],
  });
  const nodes = (v) => v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 160), summary: n.failureSummary || '' }));
  return {
    violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: nodes(v) })),
    incomplete: result.incomplete.map((v) => ({ id: v.id, count: v.nodes.length })),
  };
}

/** In the page: switches the reading aids (prefs.js's classes on <html>) to exactly `modes`. */
function setModes(modes) {
  const root = document.documentElement;
  for (const c of ['nb-large', 'nb-contrast']) root.classList.toggle(c, modes.includes(c));
}

/** In the page: Chinese text in <main> whose line height is under 1.5 times its font size. */
function lineHeightState() {
  const low = [];
  for (const el of document.querySelectorAll('main p, main li, main dd, main td, main th')) {
    if (!el.closest('[lang]') || !el.closest('[lang]').lang.startsWith('zh')) continue;
    if (!el.textContent.trim() || !el.checkVisibility()) continue;
    const cs = getComputedStyle(el);
    const ratio = parseFloat(cs.lineHeight) / parseFloat(cs.fontSize);
    if (!(ratio >= 1.5)) low.push(`<${el.tagName.toLowerCase()}> line-height ${cs.lineHeight} for ${cs.fontSize}: "${el.textContent.trim().slice(0, 30)}"`);
    if (low.length >= 5) break;
  }
  return low;
}

/** Tabs through the page (at most `max` stops): each focused element must show an outline. */
async function focusWalk(tab, max = 60) {
  await tab.evaluate(() => { if (document.activeElement) document.activeElement.blur(); });
  const stops = [];
  const unmarked = [];
  for (let i = 0; i < max; i++) {
    await tab.keyboard.press('Tab');
    const s = await tab.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      if (!el.dataset.nbFocusId) el.dataset.nbFocusId = String(Math.random());
      const cs = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return {
        key: el.dataset.nbFocusId,
        what: `<${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}> "${(el.textContent || '').trim().slice(0, 30)}"`,
        marked: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2,
        sized: box.width > 0 && box.height > 0,
      };
    });
    if (!s || stops.includes(s.key)) break;
    stops.push(s.key);
    if (!s.marked || !s.sized) unmarked.push(s.what);
  }
  return { stops: stops.length, unmarked };
}

async function screenshot(page, file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
}

/**
 * Visits one page in tab (a worker's reused page); returns everything the checks look at.
 * The tab is left at 1280 px, screen media, whatever happens.
 */
export async function visitPage(tab, log, page, shotBase, times = {}) {
  log.take();
  let mark = performance.now();
  const lap = (phase) => {  // wall time per phase, to keep the suite fast
    const now = performance.now();
    times[phase] = (times[phase] || 0) + (now - mark);
    mark = now;
  };
  try {
    if (page.type === 'language-choice') {
      // Checked as a reader without redirects sees it: the refresh itself is tested by the
      // walk from disk, and the file as written by the Nu checker.
      await tab.route(page.url, (route) => route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: page.html.replace(/<meta http-equiv="refresh"[^>]*>\n?/i, ''),
      }));
    }
    await tab.goto(page.url, { waitUntil: 'load' });
    await settle(tab);
    const lang = await tab.evaluate(() => document.documentElement.lang);
    const charts = await tab.evaluate(chartState);
    lap('load');
    const axe = await tab.evaluate(runAxe, AXE_TAGS);
    const lineHeight = await tab.evaluate(lineHeightState);
    // The reading aids: high contrast on every page (colour rules get stricter at the
    // standard size, so this also covers large + contrast's colours); large text, alone
    // and with contrast, on one page per type and language.
    const axeModes = {};
    await tab.evaluate(setModes, ['nb-contrast']);
    axeModes['high contrast'] = await tab.evaluate(runAxe, AXE_TAGS);
    if (shotBase) {
      await tab.evaluate(setModes, ['nb-large']);
      axeModes['large text'] = await tab.evaluate(runAxe, AXE_TAGS);
      lineHeight.push(...(await tab.evaluate(lineHeightState)).map((l) => `large text: ${l}`));
      await tab.evaluate(setModes, ['nb-large', 'nb-contrast']);
      axeModes['large text + high contrast'] = await tab.evaluate(runAxe, AXE_TAGS);
      await screenshot(tab, `${shotBase}-1280-large-contrast.png`);
    }
    await tab.evaluate(setModes, []);
    lap('axe');
    const focus = shotBase ? await focusWalk(tab) : null;
    lap('keyboard');
    if (shotBase) await screenshot(tab, `${shotBase}-1280.png`);
    lap('screenshots');
    await tab.setViewportSize(NARROW);
    await settle(tab);
    const overflow = await tab.evaluate(overflowState);
    let overflowLarge = null;
    if (shotBase) {
      await tab.evaluate(setModes, ['nb-large']);
      await settle(tab);
      overflowLarge = await tab.evaluate(overflowState);
      await tab.evaluate(setModes, []);
    }
    lap('360px');
    if (shotBase) await screenshot(tab, `${shotBase}-360.png`);
    lap('screenshots');
    await tab.emulateMedia({ media: 'print' });
    const print = await tab.evaluate(printState);
    const afterPrint = await tab.evaluate(afterPrintState);
    lap('print');
    return { page, ok: true, lang, charts, axe, axeModes, lineHeight, focus, overflow, overflowLarge, print, afterPrint, log: log.take() };
  } catch (err) {
    return { page, ok: false, error: String(err && err.stack ? err.stack : err), log: log.take() };
  } finally {
    await tab.unrouteAll({ behavior: 'ignoreErrors' });
    await tab.emulateMedia({ media: 'screen' });
    await tab.setViewportSize(WIDE);
  }
}

/**
 * Visits every page of a site, `workers` at a time; results in page order. The array also
 * carries `times`: seconds spent per phase, summed over the workers.
 */
export async function visitSite(browser, site, { shotsDir, workers = 2 }) {
  const reps = new Map([...representatives(site)].map(([key, p]) => [p.rel, key]));
  const results = new Array(site.pages.length);
  const times = {};
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    const { context, page: tab, log } = await openPage(browser, WIDE, site);
    // axe as an init script: V8 then reuses its compiled code, where a script tag added to
    // each page recompiled it every time (a quarter of the whole run).
    await context.addInitScript({ content: AXE_SOURCE });
    try {
      while (next < site.pages.length) {
        const i = next++;
        const page = site.pages[i];
        const key = reps.get(page.rel);
        const shotBase = key && shotsDir ? path.join(shotsDir, site.name, key.replace('/', '-')) : null;
        results[i] = await visitPage(tab, log, page, shotBase, times);
      }
    } finally {
      await context.close();
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  results.times = { wall: performance.now() - started, ...times };
  for (const k of Object.keys(results.times)) results.times[k] = Math.round(results.times[k] / 100) / 10;
  return results;
}
