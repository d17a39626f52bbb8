// Check 2: axe-core with the WCAG 2.0/2.1 A and AA tags finds no violation on any page.
// "Incomplete" results (things axe cannot decide, such as contrast over an image) are
// listed as notes, not failures.

/** Violations over all visited pages, one readable block per rule and page. */
export function axeViolations(visits) {
  const lines = [];
  for (const v of visits) {
    if (!v.ok) continue;
    const runs = [['', v.axe], ...Object.entries(v.axeModes || {}).map(([mode, r]) => [` [${mode}]`, r])];
    for (const [mode, result] of runs) for (const rule of result.violations) {
      lines.push(`${v.page.rel}${mode}: ${rule.id} (${rule.impact}): ${rule.help}`);
      for (const n of rule.nodes.slice(0, 3)) {
        lines.push(`    at ${n.target}: ${n.html}`);
        if (n.summary) lines.push(`      ${n.summary.replace(/\n\s*/g, ' ').slice(0, 300)}`);
      }
      if (rule.nodes.length > 3) lines.push(`    … and ${rule.nodes.length - 3} more`);
    }
  }
  return lines;
}

/** Rule ids axe left undecided, with how many elements on how many pages. */
export function axeIncomplete(visits) {
  const counts = new Map();
  for (const v of visits) {
    if (!v.ok) continue;
    for (const r of v.axe.incomplete) {
      const c = counts.get(r.id) || { pages: 0, nodes: 0 };
      c.pages++;
      c.nodes += r.count;
      counts.set(r.id, c);
    }
  }
  return [...counts].map(([id, c]) => `${id}: ${c.nodes} element(s) on ${c.pages} page(s) need a human look`);
}
