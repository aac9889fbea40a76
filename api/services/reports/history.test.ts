import { createHash } from 'node:crypto';
import { describe, expect } from 'vitest';
import type { Db } from '../../db';
import {
  getReport,
  getReportFileBytes,
  insertReport,
  insertReportFile,
  markReportFailed,
  markReportReady,
} from '../../queries/reports';
import { apiTest as test } from '../../testing';
import { failInterruptedReports } from './history';

function keepReport(db: Db, by: number): number {
  return insertReport(db, {
    templateCode: 'quarterly_funder',
    templateName: 'Quarterly funder report',
    templateVersion: 1,
    periodCode: '2026Q2',
    areaCode: 'coalition',
    areaName: 'Test Coalition',
    kind: 'protected',
    request: { template: 'quarterly_funder', period: '2026Q2', area: 'coalition', kind: 'protected' },
    narrativeIds: {},
    purposeId: null,
    createdBy: by,
    createdAt: '2027-01-10T17:00:00.000Z',
    regenerationOf: null,
  });
}

const pdfBytes = Buffer.from('%PDF-1.7 a report');
const keepPdf = (db: Db, reportId: number) =>
  insertReportFile(db, {
    reportId,
    format: 'pdf',
    bytes: pdfBytes,
    sha256: createHash('sha256').update(pdfBytes).digest('hex'),
    pages: 1,
  });
const ready = (db: Db, id: number) =>
  markReportReady(db, {
    id,
    document: '{"sections":[]}',
    catalogVersion: '1',
    audience: 'coalition',
    pages: 1,
    at: '2027-01-10T17:00:00.000Z',
  });

describe('kept reports', () => {
  test('a ready report and its files never change', ({ coalition, db }) => {
    const id = keepReport(db, coalition.users.viewer);
    keepPdf(db, id);
    expect(ready(db, id)).toBe(true);
    expect(() => db.prepare("UPDATE report_files SET bytes = x'00', size = 1").run()).toThrow(
      /kept as they were made/,
    );
    expect(() => db.prepare('DELETE FROM report_files').run()).toThrow(/kept as they were made/);
    expect(() =>
      insertReportFile(db, {
        reportId: id,
        format: 'csv',
        bytes: Buffer.from('a'),
        sha256: 'a'.repeat(64),
        pages: null,
      }),
    ).toThrow(/only be added to a report while it renders/);
    expect(() => db.prepare("UPDATE reports SET document = '{}'").run()).toThrow(
      /finished report cannot be changed/,
    );
    expect(() => db.prepare('DELETE FROM reports').run()).toThrow(/is kept/);
    expect(getReportFileBytes(db, id, 'pdf')?.equals(pdfBytes)).toBe(true);
  });

  test('a ready report is withdrawn once, only its files go, and nothing else of it changes', ({
    coalition,
    db,
  }) => {
    const id = keepReport(db, coalition.users.viewer);
    keepPdf(db, id);
    ready(db, id);
    expect(() =>
      db.prepare("UPDATE reports SET withdrawn_at = 'x', withdrawal_reason = 'y'").run(),
    ).not.toThrow();
    expect(() =>
      db.prepare('UPDATE reports SET withdrawn_at = NULL, withdrawal_reason = NULL').run(),
    ).toThrow(/withdrawn once/);
    expect(() => db.prepare("UPDATE reports SET withdrawn_at = 'z'").run()).toThrow(/withdrawn once/);
    expect(() => db.prepare("UPDATE reports SET document = '{}'").run()).toThrow(
      /finished report cannot be changed/,
    );
    expect(() => db.prepare("UPDATE report_files SET bytes = x'00', size = 1").run()).toThrow(
      /kept as they were made/,
    );
    db.prepare('DELETE FROM report_files WHERE report_id = ?').run(id);
    expect(getReportFileBytes(db, id, 'pdf')).toBeUndefined();
    expect(() => keepPdf(db, id)).toThrow(/only be added to a report while it renders/);
  });

  test('a report being made is not withdrawn', ({ coalition, db }) => {
    keepReport(db, coalition.users.viewer);
    expect(() => db.prepare("UPDATE reports SET withdrawn_at = 'x', withdrawal_reason = 'y'").run()).toThrow(
      /CHECK/,
    );
  });

  test('a failed report can get no files', ({ coalition, db }) => {
    const id = keepReport(db, coalition.users.viewer);
    markReportFailed(db, { id, reason: 'It broke.', at: '2027-01-10T17:00:00.000Z' });
    expect(() => keepPdf(db, id)).toThrow(/only be added to a report while it renders/);
    expect(ready(db, id)).toBe(false);
    expect(() => db.prepare("UPDATE reports SET status = 'ready'").run()).toThrow(
      /finished report cannot be changed/,
    );
  });

  test('a file’s recorded size is its size', ({ coalition, db }) => {
    const id = keepReport(db, coalition.users.viewer);
    expect(() =>
      db
        .prepare(
          "INSERT INTO report_files (report_id, format, bytes, sha256, size) VALUES (?, 'csv', x'0102', ?, 5)",
        )
        .run(id, 'a'.repeat(64)),
    ).toThrow(/CHECK constraint/);
  });

  test('reports a stopped server left rendering are failed at start-up, saying so', ({ coalition, db }) => {
    const left = keepReport(db, coalition.users.viewer);
    const done = keepReport(db, coalition.users.viewer);
    keepPdf(db, done);
    ready(db, done);
    expect(failInterruptedReports(db)).toEqual([left]);
    expect(getReport(db, left)).toMatchObject({
      status: 'failed',
      failureReason: expect.stringMatching(/server stopped/),
    });
    expect(getReport(db, done)?.status).toBe('ready');
  });
});
