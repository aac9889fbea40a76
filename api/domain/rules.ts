/**
 * Validation rules: `left operator right`, where each side adds and subtracts whole numbers and
 * references to reported cells. The same module runs in the browser (live feedback) and on the
 * server (the authority).
 *
 *   survivors_served                              an element's total
 *   survivors_served.gender                       the sum of one disaggregation's cells
 *   survivors_served.type_age[age_group=under_12|12_17]
 *                                                 the sum of the cells whose options match every filter
 *   survivors_served.type_age[trafficking_type=sex; age_group=12_17]
 */
import type { Catalog, RuleOperator, ValidationRule } from './catalog';
import { cellKey, optionKeysOf } from './catalog';

export type Filter = { category: string; options: string[] };
export type Reference = { element: string; combo?: string; filters: Filter[] };
type Term = { kind: 'number'; value: number } | ({ kind: 'ref' } & Reference);
export type Expression = Array<{ sign: 1 | -1; term: Term }>;

const tokenPattern = /\s*(?:([a-z0-9_]+)|([+\-.[\]=|;]))/y;

function tokenize(source: string): string[] {
  const tokens: string[] = [];
  tokenPattern.lastIndex = 0;
  while (tokenPattern.lastIndex < source.length) {
    const start = tokenPattern.lastIndex;
    if (/^\s*$/.test(source.slice(start))) break;
    const match = tokenPattern.exec(source);
    if (!match) throw new Error(`cannot read "${source}" at position ${start + 1}`);
    tokens.push((match[1] ?? match[2]) as string);
  }
  return tokens;
}

/** Parses one side of a rule. Throws an Error naming what it could not read. */
export function parseExpression(source: string): Expression {
  const tokens = tokenize(source);
  let at = 0;
  const peek = () => tokens[at];
  const next = (what: string) => {
    const token = tokens[at++];
    if (token === undefined) throw new Error(`"${source}" ends where ${what} was expected`);
    return token;
  };
  const ident = (what: string) => {
    const token = next(what);
    if (!/^[a-z0-9_]+$/.test(token)) throw new Error(`"${source}" has "${token}" where ${what} was expected`);
    return token;
  };
  const expect = (symbol: string) => {
    const token = next(`"${symbol}"`);
    if (token !== symbol) throw new Error(`"${source}" has "${token}" where "${symbol}" was expected`);
  };

  const parseTerm = (): Term => {
    const first = ident('a number or a data element');
    if (/^\d+$/.test(first)) return { kind: 'number', value: Number(first) };
    const ref: Reference = { element: first, filters: [] };
    if (peek() === '.') {
      at++;
      ref.combo = ident('a disaggregation');
      if (peek() === '[') {
        at++;
        for (;;) {
          const category = ident('a category');
          expect('=');
          const options = [ident('an option')];
          while (peek() === '|') {
            at++;
            options.push(ident('an option'));
          }
          ref.filters.push({ category, options });
          const token = next('"]"');
          if (token === ']') break;
          if (token !== ';') throw new Error(`"${source}" has "${token}" where ";" or "]" was expected`);
        }
      }
    }
    return { kind: 'ref', ...ref };
  };

  const expression: Expression = [{ sign: 1, term: parseTerm() }];
  while (at < tokens.length) {
    const op = next('"+" or "-"');
    if (op !== '+' && op !== '-') throw new Error(`"${source}" has "${op}" where "+" or "-" was expected`);
    expression.push({ sign: op === '+' ? 1 : -1, term: parseTerm() });
  }
  return expression;
}

/** The cell references an expression makes. */
export function referencesOf(expression: Expression): Reference[] {
  return expression.flatMap(({ term }) => {
    if (term.kind !== 'ref') return [];
    const { kind: _kind, ...reference } = term;
    return [reference];
  });
}

/** Reported values by cell key (see `cellKey`); a missing key means the cell was left blank. */
export type ValueLookup = ReadonlyMap<string, number>;

export type RuleOutcome = {
  code: string;
  severity: 'error' | 'warning';
  /** `skipped` when every cell the rule reads is blank: nothing to check yet. */
  status: 'passed' | 'failed' | 'skipped';
  left: number;
  right: number;
  operator: RuleOperator;
  message: string;
};

type CompiledSide = { constant: number; cells: Array<{ key: string; sign: 1 | -1 }> };

function compileSide(catalog: Catalog, expression: Expression): CompiledSide {
  const side: CompiledSide = { constant: 0, cells: [] };
  for (const { sign, term } of expression) {
    if (term.kind === 'number') {
      side.constant += sign * term.value;
      continue;
    }
    if (term.combo === undefined) {
      side.cells.push({ key: cellKey({ element: term.element, combo: '', optionKey: '' }), sign });
      continue;
    }
    const combo = catalog.categoryCombos.find((c) => c.code === term.combo);
    if (!combo) throw new Error(`unknown disaggregation "${term.combo}"`);
    const positions = term.filters.map((f) => ({
      index: combo.categories.indexOf(f.category),
      options: f.options,
    }));
    for (const optionKey of optionKeysOf(catalog, combo)) {
      const parts = optionKey.split('|');
      if (positions.every((p) => p.options.includes(parts[p.index] as string)))
        side.cells.push({ key: cellKey({ element: term.element, combo: combo.code, optionKey }), sign });
    }
  }
  return side;
}

const compare: Record<RuleOperator, (a: number, b: number) => boolean> = {
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

export type CompiledRule = {
  rule: ValidationRule;
  /** Every cell the rule reads. */
  cellKeys: string[];
  evaluate: (values: ValueLookup) => RuleOutcome;
};

/**
 * Compiles rules once against a catalog so each evaluation is a few map look-ups. A blank cell counts
 * as zero unless every cell the rule reads is blank, in which case the rule is skipped.
 */
export function compileRules(catalog: Catalog, rules = catalog.validationRules): CompiledRule[] {
  return rules.map((rule) => {
    const left = compileSide(catalog, parseExpression(rule.left));
    const right = compileSide(catalog, parseExpression(rule.right));
    const sum = (side: CompiledSide, values: ValueLookup, seen: { any: boolean }) => {
      let total = side.constant;
      for (const { key, sign } of side.cells) {
        const value = values.get(key);
        if (value !== undefined) {
          seen.any = true;
          total += sign * value;
        }
      }
      return total;
    };
    return {
      rule,
      cellKeys: [...new Set([...left.cells, ...right.cells].map((c) => c.key))],
      evaluate(values) {
        const seen = { any: false };
        const l = sum(left, values, seen);
        const r = sum(right, values, seen);
        const status = !seen.any ? 'skipped' : compare[rule.operator](l, r) ? 'passed' : 'failed';
        return {
          code: rule.code,
          severity: rule.severity,
          status,
          left: l,
          right: r,
          operator: rule.operator,
          message: rule.message,
        };
      },
    };
  });
}
