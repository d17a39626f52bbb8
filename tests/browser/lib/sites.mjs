// Finds the built sites under test-output/sites/<name>/public and describes their files:
// every HTML page with its language and page type, and a few representatives per type
// for screenshots and the walk from disk.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Page types by their path under public/, in the order the report lists them. */
export const PAGE_TYPES = ['language-choice', 'home', 'report', 'bureau', 'region', 'bureau-index', 'indicator',
  'indicator-table', 'indicator-index', 'compare', 'page', 'search'];

/** Lists every file under dir as '/'-separated paths relative to it, sorted. */
export function listFiles(dir) {
  const out = [];
  const walk = (rel) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) out.push(child);
    }
  };
  walk('');
  return out.sort();
}

/** The type of a page from its path: 'zh/reports/a/2021/index.html' is a report. */
export function pageType(rel) {
  const parts = rel.split('/');
  if (parts.length === 1) return parts[0] === 'index.html' ? 'language-choice' : 'other';
  if (parts.length === 2 && parts[1] === 'index.html') return 'home';
  const kinds = { reports: 'report', bureaus: 'bureau', indicators: 'indicator', compare: 'compare', pages: 'page', search: 'search' };
  return kinds[parts[1]] || 'other';
}

/** The index pages, a region (a bureau page with children) and an indicator's table pages
 * are types of their own, so that each is checked and photographed. */
function refineType(type, rel, html) {
  const depth = rel.split('/').length;
  if (type === 'bureau') {
    if (depth === 3) return 'bureau-index';
    if (html.includes('<section class="region"')) return 'region';
  }
  if (type === 'indicator') {
    if (depth === 3) return 'indicator-index';
    if (depth === 5) return 'indicator-table';
  }
  return type;
}

const SNIPPET = /<!-- nianbao:publish_snippet -->([\s\S]*?)<!-- \/nianbao:publish_snippet -->/;

/** The URLs that a page's publish snippet (build --publish) names in src and href. */
export function snippetUrls(html) {
  const m = SNIPPET.exec(html);
  if (!m) return [];
  return [...m[1].matchAll(/\s(?:src|href)\s*=\s*["']([^"']+)["']/gi)].map((x) => x[1]);
}

/** The site's published URL (base_url), read from a home page's canonical link; "" if none. */
function baseUrlOf(pages) {
  for (const p of pages) {
    if (p.type !== 'home') continue;
    const m = /<link rel="canonical" href="([^"]+)">/.exec(p.html);
    if (m) return m[1].slice(0, m[1].length - `${p.lang}/`.length);
  }
  return '';
}

/** A built site: name, public dir, its files and pages. */
export function loadSite(name, publicDir) {
  const files = listFiles(publicDir);
  const pages = files.filter((f) => f.endsWith('.html')).map((rel) => {
    const html = fs.readFileSync(path.join(publicDir, rel), 'utf8');
    const type = refineType(pageType(rel), rel, html);
    return {
      rel,
      type,
      lang: rel.includes('/') ? rel.split('/')[0] : 'root',  // 404.html: every language
      url: pathToFileURL(path.join(publicDir, rel)).href,
      charts: (html.match(/<figure class="chart"/g) || []).length,
      html,
    };
  });
  const languages = [...new Set(pages.map((p) => p.lang).filter((l) => l !== 'root'))];
  // The first language is the one the root page redirects to.
  const root = pages.find((p) => p.type === 'language-choice');
  const redirect = root && /url=([a-zA-Z0-9-]+)\/index\.html/.exec(root.html);
  if (redirect) languages.sort((a, b) => (a === redirect[1] ? -1 : b === redirect[1] ? 1 : 0));
  const types = new Set(pages.map((p) => p.type));
  for (const p of pages) p.snippet = snippetUrls(p.html);
  // A `build --publish` copy, built beside the normal one as <name>-publish.
  const publishOf = name.endsWith('-publish') ? name.slice(0, -'-publish'.length) : null;
  return {
    name, publicDir, files: new Set(files), fileList: files, pages, languages, types, publishOf,
    baseUrl: baseUrlOf(pages),
    snippetUrls: new Set(pages.flatMap((p) => p.snippet)),
  };
}

/** Every built site under sitesDir (a folder of <name>/public), sample first. */
export function discoverSites(sitesDir) {
  if (!fs.existsSync(sitesDir)) return [];
  const names = fs.readdirSync(sitesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(sitesDir, e.name, 'public')))
    .map((e) => e.name)
    .sort((a, b) => (a === 'sample' ? -1 : b === 'sample' ? 1 : a.localeCompare(b)));
  return names.map((n) => loadSite(n, path.resolve(sitesDir, n, 'public')));
}

/** One page per (language, type) to screenshot: the first by path that has a chart, else the first. */
export function representatives(site) {
  const chosen = new Map();
  for (const page of site.pages) {
    const key = `${page.lang}/${page.type}`;
    const best = chosen.get(key);
    if (!best || (best.charts === 0 && page.charts > 0)) chosen.set(key, page);
  }
  return chosen;
}
