import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { projectRoot } from '../../config';

// The project's own biome.json, over files placed where the project's files are: a route, the
// statistics service, a release's views, the web app may not read raw values; the release computation may.
const reported = [
  ['a route', 'api/routes/stats.ts'],
  ['the statistics service', 'api/services/stats.ts'],
  ['the release views admins and readers see', 'api/services/releases/views.ts'],
  ['a query module beside raw/', 'api/queries/publishedCells.ts'],
  ['the web app', 'web/src/features/dashboard/shape.ts'],
] as const;
const allowed = [
  ['the release computation', 'api/services/releases/compute.ts'],
  ['the release history an audit reads as an attacker would', 'api/services/releases/history.ts'],
  ['disclosure protection', 'api/disclosure/cube.ts'],
  ['data entry and review', 'api/services/submissions.ts'],
  ['a test, which checks published cells against the truth', 'api/routes/stats.test.ts'],
] as const;

/** A module that reads raw values twice: imported statically (line 1) and dynamically (line 3). */
const importer = (file: string) => {
  const raw = relative(dirname(file), 'api/queries/raw/approvedValues');
  const specifier = raw.startsWith('.') ? raw : `./${raw}`;
  return `import { getApprovedValues } from '${specifier}';
export const probe = getApprovedValues;
export const later = () => import('${specifier}');
`;
};

let dir: string;
let flagged: string[];
const findings = (file: string) => flagged.filter((f) => f.startsWith(`${file}:`));
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'scope-lint-'));
  copyFileSync(join(projectRoot, 'biome.json'), join(dir, 'biome.json'));
  const files = [...reported, ...allowed].map(([, file]) => file);
  for (const file of files) {
    mkdirSync(join(dir, dirname(file)), { recursive: true });
    writeFileSync(join(dir, file), importer(file));
  }
  const biome = spawnSync(
    join(projectRoot, 'node_modules/.bin/biome'),
    ['lint', '--reporter=github', '--only=style/noRestrictedImports', '--max-diagnostics=none', '.'],
    { cwd: dir, encoding: 'utf8' },
  );
  // The GitHub reporter: one `::error title=<rule>,file=<path>,line=…::<message>` line per finding.
  flagged = [
    ...biome.stdout.matchAll(/^::error title=lint\/style\/noRestrictedImports,file=([^,]+),line=(\d+),/gm),
  ].map((m) => `${relative(dir, m[1] as string)}:${m[2]}`);
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.each(reported)('raw values imported by %s (%s) are reported', (_, file) => {
  expect(findings(file)).toEqual([`${file}:1`, `${file}:3`]);
});

test.each(allowed)('raw values imported by %s (%s) are allowed', (_, file) => {
  expect(findings(file)).toEqual([]);
  // The probe itself works: the same lines are reported elsewhere.
  expect(flagged.length).toBe(reported.length * 2);
});
