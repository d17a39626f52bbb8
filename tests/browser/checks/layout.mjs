// Check 4 (on every page) and check 6: charts draw with data and their tables exist; under
// print media the chart tables show; at 360 px the page does not scroll sideways.

/** Charts that drew nothing, have no data points or no table rows. */
export function chartProblems(visits) {
  const lines = [];
  for (const v of visits) {
    if (!v.ok) continue;
    for (const c of v.charts) {
      if (c.values < 0) lines.push(`${v.page.rel}: chart ${c.id}: data-chart is not valid JSON`);
      if (c.values === 0) {
        // Every value withheld or not reported: no plot, the table (which says so) stays open.
        if (c.shown) lines.push(`${v.page.rel}: chart ${c.id}: an empty plot is shown for a chart without values`);
        if (!c.tableShown) lines.push(`${v.page.rel}: chart ${c.id}: no values, and the table is hidden`);
      } else if (!c.shown) lines.push(`${v.page.rel}: chart ${c.id}: canvas not shown`);
      else if (c.inked === 0) lines.push(`${v.page.rel}: chart ${c.id}: canvas is blank`);
      else if (c.points === 0) lines.push(`${v.page.rel}: chart ${c.id}: drawn with no data points`);
      if (c.tableRows === 0) lines.push(`${v.page.rel}: chart ${c.id}: no data table rows`);
    }
  }
  return lines;
}

/** Chart tables hidden under print media, or toggles that misstate their table after printing. */
export function printProblems(visits) {
  const lines = [];
  for (const v of visits) {
    if (!v.ok) continue;
    for (const c of v.print) {
      if (!c.tableShown) lines.push(`${v.page.rel}: print: chart ${c.id}: data table hidden`);
    }
    for (const id of v.afterPrint) {
      lines.push(`${v.page.rel}: after printing, chart ${id}: the toggle's aria-expanded does not match its table`);
    }
  }
  return lines;
}

/** Pages wider than a 360 px viewport, with the elements that stick out. */
export function narrowProblems(visits) {
  const lines = [];
  for (const v of visits) {
    if (!v.ok) continue;
    const o = v.overflow;
    if (o.scrollWidth <= o.clientWidth) continue;
    lines.push(`${v.page.rel}: scrolls sideways at 360 px (${o.scrollWidth}px wide, viewport ${o.clientWidth}px)`);
    for (const c of o.culprits) lines.push(`    ${c}`);
  }
  return lines;
}

/** Chinese text in <main> set tighter than 1.5 lines (适老化), standard and large text. */
export function lineHeightProblems(visits) {
  return visits.filter((v) => v.ok).flatMap((v) => v.lineHeight.map((l) => `${v.page.rel}: ${l}`));
}

/** On the pages walked by keyboard: focus stops without a visible outline, or none at all. */
export function focusProblems(visits) {
  const lines = [];
  for (const v of visits) {
    if (!v.ok || !v.focus) continue;
    if (v.focus.stops === 0) lines.push(`${v.page.rel}: Tab reached only ${v.focus.stops} element(s)`);
    for (const w of v.focus.unmarked) lines.push(`${v.page.rel}: focus not visible on ${w}`);
  }
  return lines;
}

/** Pages wider than 360 px with large text on (one page per type and language). */
export function narrowLargeProblems(visits) {
  const lines = [];
  for (const v of visits) {
    if (!v.ok || !v.overflowLarge) continue;
    const o = v.overflowLarge;
    if (o.scrollWidth > o.clientWidth) {
      lines.push(`${v.page.rel} [large text]: ${o.scrollWidth}px wide in a ${o.clientWidth}px viewport`);
      for (const c of o.culprits) lines.push(`    ${c}`);
    }
  }
  return lines;
}
