import { expect } from 'vitest';
import { cellKey, cellsOfElement } from '../domain/catalog';
import { apiTest } from '../testing';
import {
  currentCatalogVersionId,
  getCatalog,
  getCellIndex,
  installCatalog,
  readDefaultCatalog,
} from './catalog';

/** A migrated database file of the test's own, with no catalog in it yet. */
const test = apiTest.override({ seed: 'empty' });

test('the default catalog loads into a fresh database and reads back unchanged', ({ db }) => {
  const catalog = readDefaultCatalog();
  const versionId = installCatalog(db, catalog);
  expect(currentCatalogVersionId(db)).toBe(versionId);
  expect(getCatalog(db, versionId)).toEqual(JSON.parse(JSON.stringify(catalog)));
});

test('every cell of every element has an id, and no two share one', ({ db }) => {
  const catalog = readDefaultCatalog();
  const index = getCellIndex(db, installCatalog(db, catalog));
  const keys = catalog.sections.flatMap((s) =>
    s.elements.flatMap((e) => cellsOfElement(catalog, e).map(cellKey)),
  );
  expect([...index.keys()].sort()).toEqual([...keys].sort());
  const ids = [...index.values()].map((v) => `${v.elementId}/${v.cocId}`);
  expect(new Set(ids).size).toBe(ids.length);
});

test('a catalog that fails part-way leaves nothing behind', ({ db }) => {
  const catalog = readDefaultCatalog();
  installCatalog(db, catalog);
  // The same version number again violates a unique constraint after the first insert.
  expect(() => installCatalog(db, catalog)).toThrow();
  expect(db.prepare('SELECT count(*) FROM catalog_versions').pluck().get()).toBe(1);
});
