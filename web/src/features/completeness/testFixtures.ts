/** Quarters as the completeness API describes them to the tests, on 28 November 2026. */
import type { CompletenessPeriod } from './types';

const quarters = {
  '2026Q2': { deadline: '2026-07-30', opensOn: '2026-07-01', pastDeadline: true },
  '2026Q3': { deadline: '2026-10-30', opensOn: '2026-10-01', pastDeadline: true },
  '2026Q4': { deadline: '2027-01-30', opensOn: '2027-01-01', pastDeadline: false },
} as const;

/** A quarter open for entry (and not opened early), with its deadline; each call builds a fresh one. */
export function completenessPeriod(
  code: keyof typeof quarters,
  overrides: Partial<CompletenessPeriod> = {},
): CompletenessPeriod {
  return { code, ...quarters[code], open: true, openedEarly: false, ...overrides };
}
