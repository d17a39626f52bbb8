// Check 1: the W3C Nu HTML Checker (vnu.jar from npm, on the machine's Java) finds no
// error in any generated HTML page or stylesheet. One JVM checks every site at once.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const VNU_JAR = String(require('vnu-jar'));
const JAVA = process.env.NIANBAO_JAVA || 'java';

/**
 * Runs vnu over every .html and .css file of the sites. Resolves to a Map from site name to
 * {errors, warnings}, each a list of readable lines.
 */
export function runNu(sites) {
  const files = sites.flatMap((s) => s.fileList
    .filter((f) => f.endsWith('.html') || f.endsWith('.css'))
    .map((f) => path.join(s.publicDir, f)));
  const args = ['-Xss2m', '-jar', VNU_JAR, '--format', 'json', '--exit-zero-always', '--also-check-css', ...files];
  return new Promise((resolve, reject) => {
    if (files.length === 0) return resolve(new Map());
    execFile(JAVA, args, { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`vnu failed to run: ${err.message}\n${stderr}`));
      let report;
      try {
        report = JSON.parse(stderr || stdout);
      } catch (e) {
        return reject(new Error(`vnu output is not JSON: ${(stderr || stdout).slice(0, 500)}`));
      }
      const bySite = new Map(sites.map((s) => [s.name, { errors: [], warnings: [] }]));
      for (const m of report.messages) {
        const file = m.url ? fileURLToPath(new URL(m.url)) : '';
        const site = sites.find((s) => file.startsWith(s.publicDir + path.sep));
        const rel = site ? path.relative(site.publicDir, file) : file;
        const line = `${rel}:${m.lastLine ?? 0}:${m.firstColumn ?? m.lastColumn ?? 0}: ${m.message}` +
          (m.extract ? `\n      ${m.extract.replace(/\s+/g, ' ').trim().slice(0, 160)}` : '');
        const bucket = bySite.get(site ? site.name : sites[0].name);
        if (m.type === 'info') bucket.warnings.push(line);
        else bucket.errors.push(`${m.type === 'error' ? '' : `${m.type}: `}${line}`);
      }
      for (const result of bySite.values()) result.summary = summarise(result.errors);
      resolve(bySite);
    });
  });
}

/** One line per distinct message: how often, and where first; thousands of lines say less. */
function summarise(errors) {
  const byMessage = new Map();
  for (const e of errors) {
    const [where, ...rest] = e.split('\n')[0].split(': ');
    const message = rest.join(': ');
    const entry = byMessage.get(message) || { count: 0, where };
    entry.count++;
    byMessage.set(message, entry);
  }
  return [...byMessage].sort((a, b) => b[1].count - a[1].count)
    .map(([message, e]) => `${e.count} × ${message} (first at ${e.where.replace(/:\d+$/, '')})`);
}
