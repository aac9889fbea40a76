import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { person, renderCached } from '../../testing';
import { authKeys } from './queries';
import { useCoalitionTimeZone, useCoalitionToday, usePublicTimeZone } from './useCoalitionToday';

function SignedInClock() {
  return (
    <p>
      {useCoalitionToday()} in {useCoalitionTimeZone()}
    </p>
  );
}

function PublicClock() {
  return <p>{usePublicTimeZone()}</p>;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  // 11:30 pm on January 30 in Los Angeles; already January 31 in UTC.
  vi.setSystemTime(new Date('2027-01-31T07:30:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the coalition clock', () => {
  test("today and the time zone are the signed-in person's coalition's, not the browser's", () => {
    expect(renderCached(<SignedInClock />, [[authKeys.me(), person('admin')]])).toBe(
      '<p>2027-01-30 in America/Los_Angeles</p>',
    );
    const utc = person('admin', { timeZone: 'UTC' });
    expect(renderCached(<SignedInClock />, [[authKeys.me(), utc]])).toBe('<p>2027-01-31 in UTC</p>');
  });

  test('a signed-in page asking with no one signed in is a bug, not a silent guess', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderCached(<SignedInClock />, [[authKeys.me(), null]])).toThrow(/signed-in person/);
  });

  test("a public page uses the signed-in person's zone, or Scope's default for anyone else", () => {
    const utc = person('viewer', { timeZone: 'UTC' });
    expect(renderCached(<PublicClock />, [[authKeys.me(), utc]])).toBe('<p>UTC</p>');
    expect(renderCached(<PublicClock />, [[authKeys.me(), null]])).toBe('<p>America/Los_Angeles</p>');
  });
});
