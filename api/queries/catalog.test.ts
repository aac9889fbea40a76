import { afterEach, expect, test } from 'vitest';
import { cellKey, cellsOfElement } from '../domain/catalog';
import { createTestDb, type TestDb } from '../testing';
import {
  currentCatalogVersionId,
  getCatalog,
  getCellIndex,
  installCatalog,
  readDefaultCatalog,
} from './catalog';

let current: TestDb | undefined;
afterEach(() => current?.cleanup());

test('the default catalog loads into a fresh database and reads back unchanged', () => {
  current = createTestDb();
  const catalog = readDefaultCatalog();
  const versionId = installCatalog(current.db, catalog);
  expect(currentCatalogVersionId(current.db)).toBe(versionId);
  expect(getCatalog(current.db, versionId)).toEqual(JSON.parse(JSON.stringify(catalog)));
});

test('every cell of every element has an id, and no two share one', () => {
  current = createTestDb();
  const catalog = readDefaultCatalog();
  const index = getCellIndex(current.db, installCatalog(current.db, catalog));
  const keys = catalog.sections.flatMap((s) =>
    s.elements.flatMap((e) => cellsOfElement(catalog, e).map(cellKey)),
  );
  expect([...index.keys()].sort()).toEqual([...keys].sort());
  const ids = [...index.values()].map((v) => `${v.elementId}/${v.cocId}`);
  expect(new Set(ids).size).toBe(ids.length);
});

test('a catalog that fails part-way leaves nothing behind', () => {
  current = createTestDb();
  const catalog = readDefaultCatalog();
  installCatalog(current.db, catalog);
  // The same version number again violates a unique constraint after the first insert.
  expect(() => installCatalog(current?.db as never, catalog)).toThrow();
  expect(current.db.prepare('SELECT count(*) FROM catalog_versions').pluck().get()).toBe(1);
});
