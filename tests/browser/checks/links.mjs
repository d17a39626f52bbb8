// Check 5: every internal href and src (and CSS url(), and the root page's refresh URL)
// names a generated file, relative to the page, with index.html spelt out; fragments name
// an id on the target page; nothing is loaded from another host.
import fs from 'node:fs';
import path from 'node:path';
import { startTags, fragmentIds } from '../lib/html-scan.mjs';

const safeDecode = (s) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
// <link> relations that only point somewhere; any other <link> loads its target.
const POINTER_RELS = new Set(['canonical', 'alternate', 'author', 'license', 'help', 'next', 'prev', 'search']);

/** Each URL reference in a page: {attr, tag, url, line, loads}. */
function references(tags) {
  const refs = [];
  for (const t of tags) {
    for (const attr of ['href', 'src', 'poster', 'data']) {
      if (!t.attrs.has(attr)) continue;
      const rels = (t.attrs.get('rel') || '').toLowerCase().split(/\s+/).filter(Boolean);
      const loads = attr !== 'href' || (t.name === 'link' && !rels.every((r) => POINTER_RELS.has(r)));
      refs.push({ tag: t.name, attr, url: t.attrs.get(attr), line: t.line, loads });
    }
    if (t.name === 'meta' && (t.attrs.get('http-equiv') || '').toLowerCase() === 'refresh') {
      const m = /url\s*=\s*(.+)$/i.exec(t.attrs.get('content') || '');
      if (m) refs.push({ tag: 'meta', attr: 'refresh', url: m[1].trim(), line: t.line, loads: false });
    }
    if (t.attrs.has('srcset')) {
      for (const part of t.attrs.get('srcset').split(',')) {
        const url = part.trim().split(/\s+/)[0];
        if (url) refs.push({ tag: t.name, attr: 'srcset', url, line: t.line, loads: true });
      }
    }
  }
  return refs;
}

/** Checks one reference from file `from`; returns a problem string or null. */
function checkRef(site, from, ref, idsOf) {
  const { url } = ref;
  const where = `${from}:${ref.line}: <${ref.tag} ${ref.attr}="${url}">`;
  if (url === '') return `${where}: empty URL`;
  if (site.baseUrl && url.startsWith(site.baseUrl)) {
    // The site's own published address (404 pages link so): a file it loads must exist.
    const target = safeDecode(url.slice(site.baseUrl.length).split(/[?#]/)[0]);
    if (ref.loads && !site.files.has(target)) return `${where}: no such file ${target}`;
    return null;
  }
  if (site.snippetUrls.has(url)) return null;  // the site owner's snippet, publish builds only
  if (url.startsWith('//') || SCHEME.test(url)) {
    const scheme = url.startsWith('//') ? '' : url.slice(0, url.indexOf(':')).toLowerCase();
    if (ref.loads && scheme !== 'data') return `${where}: loads from another host`;
    if (scheme === 'file') return `${where}: absolute file: URL`;
    return null;  // a link out (a citation, a mailto:) is the reader's choice to follow
  }
  if (url.startsWith('/')) return `${where}: root-relative URL (breaks under file:// and sub-paths)`;
  const [beforeHash, fragment] = url.split('#', 2);
  const target = beforeHash.split('?')[0];
  let rel = from;
  if (target !== '') {
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(from), safeDecode(target)));
    if (resolved.startsWith('../') || resolved === '..') return `${where}: points outside the site`;
    if (target.endsWith('/') || resolved === '.') return `${where}: names a folder, not index.html (fails from file://)`;
    if (!site.files.has(resolved)) {
      return site.files.has(`${resolved}/index.html`)
        ? `${where}: names a folder, not index.html (fails from file://)`
        : `${where}: no such file ${resolved}`;
    }
    rel = resolved;
  }
  if (fragment && rel.endsWith('.html') && !idsOf(rel).has(safeDecode(fragment))) {
    return `${where}: no id "${fragment}" in ${rel}`;
  }
  return null;
}

/** Every broken reference in a site's HTML and CSS files, as readable lines, and how many were checked. */
export function brokenLinks(site) {
  const tagsCache = new Map();
  const tagsOf = (rel) => {
    if (!tagsCache.has(rel)) tagsCache.set(rel, startTags(fs.readFileSync(path.join(site.publicDir, rel), 'utf8')));
    return tagsCache.get(rel);
  };
  const idCache = new Map();
  const idsOf = (rel) => {
    if (!idCache.has(rel)) idCache.set(rel, fragmentIds(tagsOf(rel)));
    return idCache.get(rel);
  };
  const problems = [];
  let count = 0;
  for (const rel of site.fileList) {
    let refs;
    if (rel.endsWith('.html')) {
      refs = references(tagsOf(rel));
    } else if (rel.endsWith('.css')) {
      const css = fs.readFileSync(path.join(site.publicDir, rel), 'utf8');
      refs = [...css.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/g)].map((m) => ({
        tag: 'css', attr: 'url', url: m[2], line: css.slice(0, m.index).split('\n').length, loads: true,
      }));
    } else {
      continue;
    }
    for (const ref of refs) {
      count++;
      const problem = checkRef(site, rel, ref, idsOf);
      if (problem) problems.push(problem);
    }
  }
  return { problems, count };
}
