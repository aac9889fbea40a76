/**
 * When an agency is expected to report: from the first quarter it reports (null: from the coalition's
 * first) on. Dependency-free so the web app can use it too. Quarter codes (`2026Q3`) sort as time
 * runs, so comparing the text is enough.
 */

/** Whether an agency that reports from `firstPeriod` is expected to report for `quarter`. */
export function isExpectedIn(firstPeriod: string | null | undefined, quarter: string): boolean {
  return !firstPeriod || quarter >= firstPeriod;
}

/**
 * An agency's part in a period's coverage, as releases and reports count it: it reported when it has
 * an approved report in every quarter of the period it was expected in; it is expected when it was
 * expected in at least one of them and is active (a former member counts only where it reported).
 */
export function periodCoverage(
  agency: { code: string; active?: boolean; firstPeriod?: string | null },
  quarters: readonly string[],
  approved: ReadonlyMap<string, ReadonlySet<string>>,
): { expected: boolean; reported: boolean } {
  const owed = quarters.filter((q) => isExpectedIn(agency.firstPeriod, q));
  const reported = owed.length > 0 && owed.every((q) => approved.get(q)?.has(agency.code));
  return { expected: reported || (owed.length > 0 && agency.active !== false), reported };
}

/**
 * A short code proposed from an agency's name: its first word, capitals and digits only, up to 16
 * characters; the first two words when the first is taken or too short; then a number after it.
 */
export function proposeAgencyCode(name: string, taken: ReadonlySet<string>): string {
  const words = name
    .normalize('NFD')
    .toUpperCase()
    .split(/\s+/)
    .map((word) => word.replace(/[^A-Z0-9]/g, ''))
    .filter((word) => word.length > 0);
  if (words.length === 0) return '';
  const candidates = [words[0] as string, words.slice(0, 2).join(''), words.join('')]
    .map((code) => code.slice(0, 16))
    .filter((code) => code.length >= 2);
  const free = candidates.find((code) => !taken.has(code));
  if (free) return free;
  const stem = (candidates[0] ?? `${words[0]}AG`).slice(0, 14);
  for (let n = 2; ; n++) if (!taken.has(`${stem}${n}`)) return `${stem}${n}`;
}
