import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { countyByFips, geography } from './geography';

describe('the geography files', () => {
  test('California has its 58 counties, each with a unique FIPS code and short code', () => {
    const california = geography().find((s) => s.state.code === 'CA');
    expect(california?.counties).toHaveLength(58);
    expect(countyByFips('06085')).toMatchObject({ name: 'Santa Clara County', code: 'SCL', state: 'CA' });
    expect(countyByFips('06069')).toMatchObject({ name: 'San Benito County', code: 'SBN' });
    expect(countyByFips('99999')).toBeUndefined();
  });

  test('a file with a county outside its state is refused with the file’s name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scope-geo-'));
    writeFileSync(
      join(dir, '41-oregon.json'),
      JSON.stringify({
        state: { fips: '41', code: 'OR', name: 'Oregon' },
        counties: [{ fips: '06001', name: 'Alameda County', code: 'ALA' }],
      }),
    );
    expect(() => geography(dir)).toThrow(/41-oregon\.json.*06001 is not in state 41/);
  });
});
