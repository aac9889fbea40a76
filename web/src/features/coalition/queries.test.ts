import { expect, test } from 'vitest';
import { servedArea } from './queries';

test.each([
  [[], [], null],
  [['Santa Clara County'], ['California'], 'Santa Clara County, California'],
  [
    ['Santa Clara County', 'San Benito County'],
    ['California'],
    'Santa Clara and San Benito counties, California',
  ],
  [
    ['Alameda County', 'Santa Clara County', 'San Benito County'],
    ['California'],
    'Alameda, Santa Clara and San Benito counties, California',
  ],
  [['Santa Clara County', 'City of Testing'], [], 'Santa Clara County and City of Testing'],
])('%j in %j reads %j', (counties, states, words) => {
  expect(servedArea({ counties, states })).toBe(words);
});
