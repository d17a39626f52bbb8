// Check 3: nothing leaves the site. Each page, loaded in Chromium with every request that
// is not file:// refused, made no off-site request, logged no console error and had no
// local file fail to load.

/** Problems over all visited pages, as readable lines. */
export function offsiteProblems(visits) {
  const lines = [];
  for (const v of visits) {
    for (const url of v.log.offsite) lines.push(`${v.page.rel}: off-site request ${url}`);
    for (const msg of v.log.consoleErrors) lines.push(`${v.page.rel}: console error: ${msg}`);
    for (const url of v.log.failedLocal) lines.push(`${v.page.rel}: failed to load ${url}`);
  }
  return lines;
}
