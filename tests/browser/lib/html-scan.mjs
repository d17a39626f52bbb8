// A small scanner for generated HTML: the start tags with their attributes (comments,
// scripts and styles skipped) and the ids a page defines. Enough for link checking of
// pages we generate ourselves; not a general HTML parser.
const TAG = /<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos|nbsp);/g;
const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references our templates and cmark-gfm emit. */
export function decodeEntities(text) {
  return text.replace(ENTITY, (_, e) => {
    if (e[0] !== '#') return NAMED[e];
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** The start tags of html as {name, attrs: Map, line}; script and style tags included, bodies not. */
export function startTags(html) {
  const tags = [];
  let line = 1;
  let counted = 0;  // html[0, counted) has been counted into line
  for (const m of html.matchAll(TAG)) {
    let name = m[2];
    let attrText = m[3] || '';
    if (m[1]) {  // a script or style element: keep its start tag for src/href
      const open = /^<(\w+)([^>]*)>/.exec(m[0]);
      name = open[1];
      attrText = open[2];
    }
    if (!name) continue;  // a comment
    const attrs = new Map();
    for (const a of attrText.matchAll(ATTR)) {
      const value = a[2] ?? a[3] ?? a[4] ?? '';
      attrs.set(a[1].toLowerCase(), decodeEntities(value));
    }
    for (; counted < m.index; counted++) if (html.charCodeAt(counted) === 10) line++;
    tags.push({ name: name.toLowerCase(), attrs, line });
  }
  return tags;
}

/** The fragment targets a page defines: every id, and name on <a>. */
export function fragmentIds(tags) {
  const ids = new Set();
  for (const t of tags) {
    if (t.attrs.has('id')) ids.add(t.attrs.get('id'));
    if (t.name === 'a' && t.attrs.has('name')) ids.add(t.attrs.get('name'));
  }
  return ids;
}
