/**
 * Validating one agency's quarter: the catalog's rules that apply to the agency, plus outlier
 * warnings against the agency's own history. The browser runs this for live feedback; the server
 * runs the same code and is the authority on submit.
 */
import type { AgencyType } from './agencyTypes';
import { type Catalog, cellKey, sectionsFor } from './catalog';
import { compileRules, parseExpression, referencesOf, type ValueLookup } from './rules';

export type Finding = {
  /** The rule's code, or `outlier.<element>` for an outlier warning. */
  code: string;
  kind: 'rule' | 'outlier';
  severity: 'error' | 'warning';
  /** What is wrong and what to do, in the catalog's plain words. */
  message: string;
  /** The numbers behind it ("adds up to 21; the total is 23"). */
  detail: string;
  /** The keys of the cells the finding is about, to mark them on the form. */
  cells: string[];
  /** The section the finding belongs to, for grouping. */
  section: string;
};

const operatorWords: Record<string, string> = {
  '==': 'should equal',
  '!=': 'should differ from',
  '<': 'should be less than',
  '<=': 'should be at most',
  '>': 'should be more than',
  '>=': 'should be at least',
};

/** A submission's previous quarters: element code → its totals, oldest first. */
export type ElementHistory = ReadonlyMap<string, readonly number[]>;

/** Quarters of history an outlier check needs before it says anything. */
export const minimumHistory = 4;
/** Iglewicz and Hoaglin's cut-off for the modified z-score. */
export const outlierThreshold = 3.5;
/** Counts this small are never outliers: a move from 1 to 4 is ordinary in a small agency. */
const smallestOutlierGap = 5;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The modified z-score of a value against earlier ones: 0.6745 (x − median) / MAD, robust to the
 * odd unusual quarter in the history. When more than half the history is identical the MAD is 0,
 * and the mean absolute deviation (scaled to match) stands in; when that is 0 too, any change
 * counts as infinitely unusual and only the minimum gap decides.
 */
export function modifiedZScore(value: number, history: readonly number[]): number {
  const m = median(history);
  const mad = median(history.map((h) => Math.abs(h - m)));
  if (mad > 0) return (0.6745 * (value - m)) / mad;
  const meanAd = history.reduce((sum, h) => sum + Math.abs(h - m), 0) / history.length;
  if (meanAd > 0) return (value - m) / (1.253314 * meanAd);
  return value === m ? 0 : value > m ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}

export type ValidationInput = {
  catalog: Catalog;
  agencyType: AgencyType;
  values: ValueLookup;
  history?: ElementHistory;
};

/** A rule side in words: "Survivors served by gender identity", or "the total" for sums of several terms. */
function describeSide(catalog: Catalog, source: string): string {
  const expression = parseExpression(source);
  const only = expression.length === 1 ? expression[0]?.term : undefined;
  if (!only) return 'the total';
  if (only.kind === 'number') return String(only.value);
  const element = catalog.sections.flatMap((s) => s.elements).find((e) => e.code === only.element);
  const name = element?.name ?? only.element;
  if (only.combo === undefined) return name;
  const combo = catalog.categoryCombos.find((c) => c.code === only.combo);
  const by = !combo
    ? ''
    : combo.name.startsWith('By ')
      ? ` by ${combo.name.slice(3)}`
      : ` (${combo.name.toLowerCase()})`;
  return only.filters.length > 0 ? `${name}${by} (the rows selected)` : `${name}${by}`;
}

type Prepared = {
  rules: Array<{
    compiled: ReturnType<typeof compileRules>[number];
    cells: string[];
    section: string;
    labels: { left: string; right: string };
  }>;
  elements: Array<{ code: string; name: string; section: string }>;
};

const prepared = new WeakMap<Catalog, Map<AgencyType, Prepared>>();

/** The rules and elements that apply to one type of agency, compiled once per catalog. */
function prepare(catalog: Catalog, agencyType: AgencyType): Prepared {
  let byType = prepared.get(catalog);
  if (!byType) {
    byType = new Map();
    prepared.set(catalog, byType);
  }
  const cached = byType.get(agencyType);
  if (cached) return cached;
  const sections = sectionsFor(catalog, agencyType);
  const sectionOf = new Map(sections.flatMap((s) => s.elements.map((e) => [e.code, s.code] as const)));
  const compiled = compileRules(catalog);
  const rules: Prepared['rules'] = [];
  for (const rule of compiled) {
    const refs = [
      ...referencesOf(parseExpression(rule.rule.left)),
      ...referencesOf(parseExpression(rule.rule.right)),
    ];
    // A rule applies only when the agency reports every element it reads.
    if (!refs.every((r) => sectionOf.has(r.element))) continue;
    rules.push({
      compiled: rule,
      cells: rule.cellKeys,
      section: sectionOf.get(refs[0]?.element ?? '') ?? '',
      labels: { left: describeSide(catalog, rule.rule.left), right: describeSide(catalog, rule.rule.right) },
    });
  }
  const elements = sections.flatMap((s) =>
    s.elements.map((e) => ({ code: e.code, name: e.name, section: s.code })),
  );
  const result = { rules, elements };
  byType.set(agencyType, result);
  return result;
}

/**
 * Every problem with an agency's values for a quarter: failed rules (errors block submitting;
 * warnings need an explanation) and outliers against the agency's history (warnings).
 */
export function validateQuarter({ catalog, agencyType, values, history }: ValidationInput): Finding[] {
  const { rules, elements } = prepare(catalog, agencyType);
  const findings: Finding[] = [];
  for (const { compiled, cells, section, labels } of rules) {
    const outcome = compiled.evaluate(values);
    if (outcome.status !== 'failed') continue;
    findings.push({
      code: outcome.code,
      kind: 'rule',
      severity: outcome.severity,
      message: outcome.message,
      detail: `${labels.left} is ${outcome.left}; it ${operatorWords[outcome.operator]} ${labels.right} (${outcome.right}).`,
      cells,
      section,
    });
  }
  if (history) {
    for (const element of elements) {
      const past = history.get(element.code);
      const value = values.get(cellKey({ element: element.code, combo: '', optionKey: '' }));
      if (!past || past.length < minimumHistory || value === undefined) continue;
      const m = median(past);
      if (Math.abs(value - m) < smallestOutlierGap) continue;
      const z = modifiedZScore(value, past);
      if (Math.abs(z) <= outlierThreshold) continue;
      findings.push({
        code: `outlier.${element.code}`,
        kind: 'outlier',
        severity: 'warning',
        message: `${element.name} is ${value > m ? 'much higher' : 'much lower'} than usual for your agency. If the number is right, say briefly why (for example a new program or a staffing change).`,
        detail: `${value} this quarter; your agency's usual figure is about ${Math.round(m)} (the median of the last ${past.length} quarters).`,
        cells: [element.code],
        section: element.section,
      });
    }
  }
  return findings;
}

/** What stops a submit: errors, and warnings without an explanation. */
export function blockingFindings(
  findings: readonly Finding[],
  explanations: Readonly<Record<string, string>>,
) {
  return {
    errors: findings.filter((f) => f.severity === 'error'),
    unexplained: findings.filter(
      (f) => f.severity === 'warning' && !(explanations[f.code]?.trim().length ?? 0),
    ),
  };
}
