// Checks 7–9 (docs/government.md): a --publish build carries the badge and the site's
// snippet and its normal twin none (the off-site check, 3, proves the normal one loads
// nothing); the reading aids persist from page to page and stay out of a page without
// JavaScript; a report printed to PDF is an official document with page numbers.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, settle } from '../lib/browser.mjs';

/** The publish copy against its normal twin; lines for each thing out of place. */
export function publishProblems(site, twin, visits) {
  const lines = [];
  if (!twin) return [`${site.name}: no normal build ${site.publishOf} to compare with`];
  for (const p of site.pages) {
    if (p.snippet.length === 0) lines.push(`${site.name}/${p.rel}: no publish snippet`);
    if (p.type !== 'language-choice' && !p.html.includes('<p class="gov-badge">')) lines.push(`${site.name}/${p.rel}: no badge`);
  }
  if (![...site.files].some((f) => f.startsWith('assets/government/'))) lines.push(`${site.name}: no badge image in assets/government/`);
  for (const v of visits) {
    if (v.ok && v.log.snippet.length === 0) lines.push(`${site.name}/${v.page.rel}: the snippet requested nothing`);
  }
  for (const p of twin.pages) {
    if (p.html.includes('nianbao:publish_snippet')) lines.push(`${twin.name}/${p.rel}: a normal build has the publish snippet`);
    if (p.html.includes('gov-badge')) lines.push(`${twin.name}/${p.rel}: a normal build has the badge`);
    for (const url of site.snippetUrls) if (p.html.includes(url)) lines.push(`${twin.name}/${p.rel}: names ${url}`);
  }
  if ([...twin.files].some((f) => f.startsWith('assets/government/'))) lines.push(`${twin.name}: a normal build has assets/government/`);
  return lines;
}

const state = () => ({
  classes: document.documentElement.className,
  fontSize: getComputedStyle(document.documentElement).fontSize,
  background: getComputedStyle(document.documentElement).backgroundColor,
  pressed: [...document.querySelectorAll('.reading-aids button')].map((b) => `${b.dataset.aid}=${b.getAttribute('aria-pressed')}`).join(' '),
  shown: !!document.querySelector('.reading-aids') && document.querySelector('.reading-aids').checkVisibility(),
});

/** Switches both aids on by keyboard, follows a link, and expects them still on; then off. */
export async function readingAidsWalk(browser, site, t) {
  const lang = site.languages[0];
  const start = site.pages.find((p) => p.rel === `${lang}/index.html`);
  const next = site.pages.find((p) => p.rel === `${lang}/bureaus/index.html`);
  assert.ok(start && next, 'no home page or bureau index');
  const { context, page: tab, log } = await openPage(browser, undefined, site);
  try {
    await tab.goto(start.url, { waitUntil: 'load' });
    let s = await tab.evaluate(state);
    assert.ok(s.shown, 'the reading aids are not shown with JavaScript on');
    assert.equal(s.pressed, 'large=false contrast=false');
    const standard = s.fontSize;
    await tab.focus('.reading-aids button[data-aid="large"]');
    await tab.keyboard.press('Enter');
    await tab.focus('.reading-aids button[data-aid="contrast"]');
    await tab.keyboard.press('Space');
    s = await tab.evaluate(state);
    assert.equal(s.pressed, 'large=true contrast=true');
    assert.equal(s.fontSize, `${parseFloat(standard) * 1.25}px`, 'large text is not 125 %');
    assert.equal(s.background, 'rgb(0, 0, 0)', 'high contrast has no black ground');
    // Follow a link, as a reader would: the choice persists (localStorage, this copy only).
    const href = await tab.$eval(`a[href$="bureaus/index.html"]`, (a) => a.getAttribute('href'));
    await Promise.all([tab.waitForURL(next.url, { waitUntil: 'load' }), tab.click(`a[href="${href}"] >> nth=0`)]);
    s = await tab.evaluate(state);
    t.diagnostic(`after following a link: class="${s.classes}", ${s.pressed}`);
    assert.match(s.classes, /nb-large/);
    assert.match(s.classes, /nb-contrast/);
    assert.equal(s.pressed, 'large=true contrast=true');
    await tab.click('.reading-aids button[data-aid="large"]');
    await tab.click('.reading-aids button[data-aid="contrast"]');
    await tab.goto(start.url, { waitUntil: 'load' });
    s = await tab.evaluate(state);
    assert.equal(s.pressed, 'large=false contrast=false');
    assert.equal(s.fontSize, standard);
    assert.deepEqual(log.take().consoleErrors, [], 'console errors');
    const cookies = await context.cookies();
    assert.deepEqual(cookies, [], 'cookies were set');
  } finally {
    await context.close();
  }
  // Without JavaScript: no dead buttons, the standard look, the text all there.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  try {
    const tab2 = await noJs.newPage();
    await tab2.goto(next.url, { waitUntil: 'load' });
    assert.equal(await tab2.locator('.reading-aids').isVisible(), false, 'aids shown without JavaScript');
    assert.ok((await tab2.locator('main').innerText()).length > 20, 'no text in main without JavaScript');
  } finally {
    await noJs.close();
  }
}

/** Prints a report to PDF, reads its text back, and renders its first pages as PNG. */
export async function printReport(browser, site, dir, t) {
  const lang = site.languages[0];
  const report = site.pages.find((p) => p.type === 'report' && p.lang === lang && p.charts > 0) ||
    site.pages.find((p) => p.type === 'report' && p.lang === lang);
  if (!report) return null;
  const { context, page: tab } = await openPage(browser, undefined, site);
  const base = path.join(dir, `${site.name}-${lang}-report`);
  fs.mkdirSync(dir, { recursive: true });
  let expect;
  try {
    await tab.goto(report.url, { waitUntil: 'load' });
    await settle(tab);
    expect = await tab.evaluate(() => ({
      heading: document.querySelector('h1').textContent.trim(),
      info: [...document.querySelectorAll('.gov-info dd')].map((d) => d.textContent.trim()),
      skip: document.querySelector('.skip').textContent.trim(),
      aids: [...document.querySelectorAll('.reading-aids button')].map((b) => b.textContent.trim()),
      nav: document.querySelector('.main-nav').getAttribute('aria-label'),
      firstFigure: (document.querySelector('.figures-section tbody th a') || { textContent: '' }).textContent.trim(),
    }));
    await tab.pdf({ path: `${base}.pdf`, preferCSSPageSize: true, printBackground: true });
  } finally {
    await context.close();
  }
  const text = execFileSync('pdftotext', [`${base}.pdf`, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').filter((p) => p.trim()).length;
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '2', `${base}.pdf`, base]);
  t.diagnostic(`${path.relative(process.cwd(), base)}.pdf: ${pages} page(s), first pages as ${path.relative(process.cwd(), base)}-*.png`);
  const problems = [];
  const flat = text.replace(/\s+/g, '');
  const has = (s) => flat.includes(s.replace(/\s+/g, ''));
  if (!has(expect.heading)) problems.push(`no title "${expect.heading}"`);
  for (const v of expect.info) if (!has(v)) problems.push(`information block: no "${v}"`);
  if (expect.firstFigure && !has(expect.firstFigure)) problems.push(`figures table: no "${expect.firstFigure}"`);
  for (const n of [1, pages]) if (!has(`— ${n} / ${pages} —`)) problems.push(`no page number "— ${n} / ${pages} —"`);
  for (const s of [expect.skip, ...expect.aids]) if (has(s)) problems.push(`navigation printed: "${s}"`);
  return { report: report.rel, pages, problems };
}
