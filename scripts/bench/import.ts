/**
 * Import benchmark: a large synthetic coalition's data values loaded through Scope's own import path
 * (`upsertDataValues`, which every form save, upload and the demo use), against the same rows
 * inserted with one bare prepared statement in one transaction. Rounds alternate so drift on a
 * noisy machine hits both sides alike.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, migrate, openDatabase } from '../../api/db';
import { writeDemoCoalition } from '../../api/demo/seed';
import { type DataValueRow, upsertDataValues } from '../../api/queries/dataValues';
import { formatRate, formatRatio, median, printTable, time } from './measure';

type Columns = {
  submission: Int32Array;
  element: Int32Array;
  coc: Int32Array;
  value: Int32Array;
  length: number;
};

function readAllValues(db: Db): Columns {
  const length = db.prepare('SELECT count(*) FROM data_values').pluck().get() as number;
  const columns: Columns = {
    submission: new Int32Array(length),
    element: new Int32Array(length),
    coc: new Int32Array(length),
    value: new Int32Array(length),
    length,
  };
  let i = 0;
  for (const row of db
    .prepare('SELECT submission_id, element_id, coc_id, value FROM data_values')
    .raw()
    .iterate() as Iterable<[number, number, number, number]>) {
    columns.submission[i] = row[0];
    columns.element[i] = row[1];
    columns.coc[i] = row[2];
    columns.value[i] = row[3];
    i++;
  }
  return columns;
}

function* asRows(c: Columns): Generator<DataValueRow> {
  for (let i = 0; i < c.length; i++)
    yield {
      submissionId: c.submission[i] as number,
      elementId: c.element[i] as number,
      cocId: c.coc[i] as number,
      value: c.value[i] as number,
    };
}

function bareInsert(db: Db, c: Columns): void {
  const insert = db.prepare(
    'INSERT INTO data_values (submission_id, element_id, coc_id, value) VALUES (?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (let i = 0; i < c.length; i++) insert.run(c.submission[i], c.element[i], c.coc[i], c.value[i]);
  })();
}

/** A copy of the seeded database with every data value removed: same catalog, agencies, submissions. */
function emptyCopy(template: string, path: string): Db {
  copyFileSync(template, path);
  const db = openDatabase(path);
  db.exec('DELETE FROM data_values');
  return db;
}

export function runImportBenchmark(options: { agencies: number; quarters: number; rounds: number }): void {
  const dir = mkdtempSync(join(tmpdir(), 'scope-bench-import-'));
  try {
    console.log(`\nImport: ${options.agencies} agencies × ${options.quarters} quarters`);
    const templatePath = join(dir, 'template.db');
    const template = openDatabase(templatePath);
    migrate(template);
    const seedSeconds = time(() => {
      writeDemoCoalition(template, { agencies: options.agencies, quarters: options.quarters });
    });
    const values = readAllValues(template);
    template.pragma('wal_checkpoint(TRUNCATE)');
    template.close();
    console.log(
      `  generated the coalition (${values.length.toLocaleString('en-US')} data values, with revisions, reviews and audit) in ${seedSeconds.toFixed(1)} s`,
    );

    const bare: number[] = [];
    const project: number[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const bareDb = emptyCopy(templatePath, join(dir, `bare-${round}.db`));
      bare.push(values.length / time(() => bareInsert(bareDb, values)));
      bareDb.close();
      const projectDb = emptyCopy(templatePath, join(dir, `project-${round}.db`));
      project.push(values.length / time(() => upsertDataValues(projectDb, asRows(values))));
      const stored = projectDb.prepare('SELECT count(*) FROM data_values').pluck().get();
      if (stored !== values.length) throw new Error(`the import stored ${stored} of ${values.length} values`);
      projectDb.close();
      rmSync(join(dir, `bare-${round}.db`), { force: true });
      rmSync(join(dir, `project-${round}.db`), { force: true });
    }
    const ratio = median(project) / median(bare);
    printTable([
      ['path', 'values/s (median)', 'rounds'],
      [
        'bare prepared INSERT (baseline)',
        formatRate(median(bare)),
        bare.map((r) => formatRate(r)).join(', '),
      ],
      [
        "Scope's import (upsertDataValues)",
        formatRate(median(project)),
        project.map((r) => formatRate(r)).join(', '),
      ],
    ]);
    console.log(`  ratio (Scope / bare): ${formatRatio(ratio)}  (aim ≥ 0.50)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
