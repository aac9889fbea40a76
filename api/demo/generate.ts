/**
 * The demo coalition, planned without a database: fictional agencies, their quarters, every value
 * they report and the history of each submission, all drawn from one seed.
 *
 * Survivors are simulated one by one (type of trafficking, age, gender, … drawn from the agency's
 * profile), and every count is tallied from them. That is what keeps the numbers honest without
 * special cases: breakdowns add up to their totals, new survivors are a subset of those served cell
 * by cell (served = carried over from last quarter + new), and a multi-select breakdown counts each
 * survivor at least once.
 */
import type { AgencyType, Catalog } from '../domain/catalog';
import { cellKey, cellsOfElement, sectionsFor } from '../domain/catalog';
import { addQuarters, parseQuarter, type Quarter, quarterDates, quarterDeadline } from '../domain/periods';
import { type CompiledRule, compileRules } from '../domain/rules';
import { type DemoAgencyInput, type DemoInputs, type Profile, resolveProfile } from './inputs';
import { createRandom, type Random } from './random';
import {
  assignLatestScenarios,
  assignOpenDrafts,
  dayMs,
  type LatestScenario,
  latestSubmission,
  openSubmission,
  pastSubmission,
  type QuarterTimes,
  type SubmissionPlan,
} from './schedule';

export const defaultDemoSeed = 2026;
export const defaultDeadlineDays = 30;

export type DemoOptions = {
  /** Seeds every random draw (default 2026). */
  seed?: number;
  /** How many agencies (default: those in the inputs). Beyond them, synthetic agencies are added. */
  agencies?: number;
  /** How many complete quarters, ending with the inputs' last complete quarter (default: the inputs'). */
  quarters?: number;
  /** Days after a quarter ends that its submissions are due (default 30). */
  deadlineDays?: number;
};

export type DemoUser = {
  email: string;
  name: string;
  role: 'admin' | 'viewer' | 'reporter';
  agencyCode: string | null;
};

export type DemoAgency = {
  /** Position in the coalition, from 0; reporter N reports for the agency at N - 1. */
  index: number;
  code: string;
  name: string;
  type: AgencyType;
  homeCounty: string;
  counties: string[];
  /** Mean survivors served a quarter in the latest year (0 for types that report none). */
  size: number;
  /** Multiplies trainings, outreach and investigations. */
  activityScale: number;
  trendPerYear: number;
  profile: Profile;
  reporter: DemoUser;
  synthetic: boolean;
  /** The codes of the catalog sections this agency's type reports, in form order. */
  sections: string[];
};

export type DemoPeriod = {
  quarter: Quarter;
  code: string;
  startDate: string;
  endDate: string;
  deadline: string;
  /** 'past' quarters are closed; the latest complete quarter and the one under way stay open. */
  kind: 'past' | 'latest' | 'open';
  open: boolean;
};

export type DemoPlan = {
  seed: number;
  deadlineDays: number;
  today: string;
  password: string;
  /** Multipliers on people counts and activities for the first to the fourth quarter of a year. */
  seasonality: readonly [number, number, number, number];
  coalition: { code: string; name: string };
  counties: Array<{ code: string; name: string; fips?: string; option: string }>;
  agencies: DemoAgency[];
  /** Oldest first; the last is the open quarter. */
  periods: DemoPeriod[];
  /** The admin, the viewer, then one reporter per agency in agency order. */
  users: DemoUser[];
  catalog: Catalog;
  /** Which section each element belongs to, for writing a draft's partial values. */
  sectionOfElement: ReadonlyMap<string, string>;
  latestScenarios: LatestScenario[];
  openDrafts: boolean[];
  rules: CompiledRule[];
  model: CatalogModel;
};

/** One agency's quarter: every cell of its form (zeros included) and what became of its submission. */
export type AgencyQuarter = {
  agencyCode: string;
  agencyIndex: number;
  period: string;
  values: Map<string, number>;
  submission: SubmissionPlan;
  /** Warning rules these values fail, each with the reporter's explanation. */
  explanations: Record<string, string>;
};

// ---------------------------------------------------------------------------------------------------
// The catalog, as the generator needs it

/** Where each cell of an agency type's form sits in a flat array of counters. */
class CellLayout {
  readonly keys: string[] = [];
  private readonly starts = new Map<string, number>();

  constructor(catalog: Catalog, type: AgencyType) {
    for (const section of sectionsFor(catalog, type)) {
      for (const element of section.elements) {
        for (const cell of cellsOfElement(catalog, element)) {
          const start = cell.combo === '' ? cell.element : `${cell.element}.${cell.combo}`;
          if (!this.starts.has(start)) this.starts.set(start, this.keys.length);
          this.keys.push(cellKey(cell));
        }
      }
    }
  }

  /** The counter of an element's total, or -1 when this form does not have the element. */
  total(element: string): number {
    return this.starts.get(element) ?? -1;
  }

  /** The counter of a disaggregation's first cell, or -1. */
  combo(element: string, combo: string): number {
    return this.starts.get(`${element}.${combo}`) ?? -1;
  }
}

/** Adds to a counter (typed-array indexing is `number | undefined` under noUncheckedIndexedAccess). */
const add = (counters: Int32Array, at: number, n = 1) => {
  counters[at] = (counters[at] as number) + n;
};

type SurvivorCategory = { code: string; options: string[]; multi: boolean };
type ComboTally = { base: number; first: number; second: number; secondSize: number };
type ElementTally = { total: number; combos: ComboTally[] };

/** The survivor elements the generator tallies person by person. */
const servedElement = 'survivors_served';
const newElement = 'new_survivors';

/** The catalog's categories and cells, resolved once per plan. */
export type CatalogModel = {
  survivorCategories: SurvivorCategory[];
  options: (category: string) => string[];
  layouts: Map<AgencyType, CellLayout>;
  tallies: Map<AgencyType, { served: ElementTally; new: ElementTally }>;
};

function buildModel(catalog: Catalog): CatalogModel {
  const categories = new Map(catalog.categories.map((c) => [c.code, c]));
  const options = (code: string) => {
    const category = categories.get(code);
    if (!category) throw new Error(`the demo generator needs the catalog category "${code}"`);
    return category.options.map((o) => o.code);
  };
  const served = catalog.sections.flatMap((s) => s.elements).find((e) => e.code === servedElement);
  if (!served) throw new Error(`the demo generator needs the catalog element "${servedElement}"`);

  const survivorCategories: SurvivorCategory[] = [];
  for (const comboCode of served.disaggregations) {
    const combo = catalog.categoryCombos.find((c) => c.code === comboCode);
    for (const code of combo?.categories ?? []) {
      if (survivorCategories.some((c) => c.code === code)) continue;
      survivorCategories.push({
        code,
        options: options(code),
        multi: categories.get(code)?.multiSelect ?? false,
      });
    }
  }
  if (survivorCategories[0]?.code !== 'trafficking_type')
    survivorCategories.sort(
      (a, b) => Number(b.code === 'trafficking_type') - Number(a.code === 'trafficking_type'),
    );
  if (survivorCategories[0]?.code !== 'trafficking_type')
    throw new Error('the demo generator needs survivors served broken down by type of trafficking');

  const layouts = new Map<AgencyType, CellLayout>();
  const tallies = new Map<AgencyType, { served: ElementTally; new: ElementTally }>();
  const elementTally = (layout: CellLayout, element: string): ElementTally => {
    const spec = catalog.sections.flatMap((s) => s.elements).find((e) => e.code === element);
    const combos: ComboTally[] = [];
    for (const comboCode of spec?.disaggregations ?? []) {
      const base = layout.combo(element, comboCode);
      const combo = catalog.categoryCombos.find((c) => c.code === comboCode);
      if (base < 0 || !combo) continue;
      const [first, second] = combo.categories.map((code) =>
        survivorCategories.findIndex((c) => c.code === code),
      );
      if (first === undefined || first < 0 || (second !== undefined && second < 0)) continue;
      combos.push({
        base,
        first,
        second: second ?? -1,
        secondSize: second === undefined ? 1 : (survivorCategories[second]?.options.length ?? 1),
      });
    }
    return { total: layout.total(element), combos };
  };
  for (const type of new Set(catalog.sections.flatMap((s) => s.agencyTypes))) {
    const layout = new CellLayout(catalog, type);
    layouts.set(type, layout);
    tallies.set(type, { served: elementTally(layout, servedElement), new: elementTally(layout, newElement) });
  }
  return { survivorCategories, options, layouts, tallies };
}

// ---------------------------------------------------------------------------------------------------
// Agencies

/**
 * How the type of trafficking shifts a survivor's other characteristics: labor trafficking survivors
 * are mostly adults, more often men and foreign nationals; sex trafficking survivors are younger and
 * mostly women. Multipliers on the profile's weights, by category, then type, then option.
 */
const shiftsByType: Record<string, Record<string, Record<string, number>>> = {
  age_group: {
    sex: { '12_17': 1.4, '18_24': 1.3, '60_plus': 0.2 },
    labor: { under_12: 0.05, '12_17': 0.3, '18_24': 0.8, '60_plus': 2 },
    unknown: { unknown: 2.5 },
  },
  gender: {
    sex: { female: 1.2, male: 0.45 },
    labor: { female: 0.6, male: 3 },
  },
  citizenship: {
    sex: { us_citizen_lpr: 1.5 },
    labor: { foreign_national: 2.5 },
    unknown: { unknown: 2 },
  },
};

const minorAges = new Set(['under_12', '12_17']);

type AgencyModel = {
  typeWeights: number[];
  /** By survivor category position, then trafficking-type index: the weights of its options. */
  conditional: number[][][];
  raceCategory: number;
  venue: { sex: number[]; labor: number[]; all: number[] };
  referral: { adult: number[]; minor: number[] };
  services: number[];
};

const weightsFor = (options: string[], weights: Record<string, number> | undefined) =>
  options.map((o) => weights?.[o] ?? 0);
const hasWeight = (weights: number[]) => weights.some((w) => w > 0);

/** Where an agency serves survivors, unless its profile says: mostly its home county. */
function countyWeights(
  plan: Pick<DemoPlan, 'counties'>,
  agency: Pick<DemoAgency, 'homeCounty' | 'counties'>,
): Record<string, number> {
  const weights: Record<string, number> = { other_unknown: 5 };
  for (const county of plan.counties) {
    const serves = agency.counties.includes(county.code);
    weights[county.option] = county.code === agency.homeCounty ? 85 : serves ? 12 : 1;
  }
  return weights;
}

function agencyModel(
  model: CatalogModel,
  agency: DemoAgency,
  counties: Record<string, number>,
): AgencyModel | null {
  const survivors = agency.profile.survivors;
  if (!survivors) return null;
  const weights: Record<string, Record<string, number>> = { county: counties, ...survivors.weights };
  const [typeCategory] = model.survivorCategories;
  const types = typeCategory?.options ?? [];
  const typeWeights = weightsFor(types, weights.trafficking_type);
  if (!hasWeight(typeWeights)) throw new Error(`${agency.code}: no trafficking_type weights in its profile`);

  const conditional = model.survivorCategories.map((category) =>
    types.map((type) => {
      const base = weightsFor(category.options, weights[category.code]);
      const shift = shiftsByType[category.code]?.[type] ?? {};
      const shifted = base.map((w, i) => w * (shift[category.options[i] as string] ?? 1));
      return hasWeight(shifted) ? shifted : base;
    }),
  );
  model.survivorCategories.forEach((category, i) => {
    if (i > 0 && !hasWeight(conditional[i]?.[0] ?? []))
      throw new Error(`${agency.code}: no weights for survivor category "${category.code}" in its profile`);
  });

  const venueOptions = model.options('venue');
  const venueWeights = weightsFor(venueOptions, weights.venue);
  const only = (prefix: string) => {
    const picked = venueWeights.map((w, i) => (venueOptions[i]?.startsWith(prefix) ? w : 0));
    return hasWeight(picked) ? picked : venueWeights;
  };
  const referralOptions = model.options('referral_source');
  const referral = weightsFor(referralOptions, weights.referral_source);
  return {
    typeWeights,
    conditional,
    raceCategory: model.survivorCategories.findIndex((c) => c.multi),
    venue: { sex: only('sex_'), labor: only('labor_'), all: venueWeights },
    referral: {
      adult: referral,
      // Children reach services through schools and child welfare far more often than adults do.
      minor: referral.map((w, i) =>
        ['school', 'child_welfare'].includes(referralOptions[i] ?? '') ? w * 3 : w,
      ),
    },
    services: weightsFor(model.options('service'), survivors.services),
  };
}

/** A synthetic agency's profile: its template's, with every weight nudged so no two are alike. */
function perturbProfile(rng: Random, profile: Profile): Profile {
  const nudge = (weights: Record<string, number>) =>
    Object.fromEntries(Object.entries(weights).map(([k, w]) => [k, w * rng.uniform(0.7, 1.3)]));
  const survivors = profile.survivors && {
    ...profile.survivors,
    weights: Object.fromEntries(Object.entries(profile.survivors.weights).map(([k, w]) => [k, nudge(w)])),
    services: Object.fromEntries(
      Object.entries(profile.survivors.services).map(([k, p]) => [k, Math.min(1, p * rng.uniform(0.8, 1.2))]),
    ),
  };
  return {
    ...profile,
    survivors,
    prevention: { ...profile.prevention, discipline: nudge(profile.prevention.discipline) },
    lawEnforcement: profile.lawEnforcement && {
      ...profile.lawEnforcement,
      trafficking_type: nudge(profile.lawEnforcement.trafficking_type),
    },
  };
}

function buildAgencies(inputs: DemoInputs, catalog: Catalog, seed: number, count: number): DemoAgency[] {
  const agencies: DemoAgency[] = [];
  for (let index = 0; index < count; index++) {
    const template = inputs.agencies[index % inputs.agencies.length] as DemoAgencyInput;
    const synthetic = index >= inputs.agencies.length;
    const rng = createRandom(seed, 'agency', index);
    const code = synthetic ? `A${String(index + 1).padStart(4, '0')}` : template.code;
    const name = synthetic ? `Synthetic Agency ${index + 1}` : template.name;
    let profile = resolveProfile(inputs, template);
    if (synthetic) profile = perturbProfile(rng, profile);
    const reportsSurvivors = profile.survivors !== undefined;
    if (reportsSurvivors && template.size === undefined)
      throw new Error(`${template.code} reports survivors, so it needs a size`);
    const size = !reportsSurvivors
      ? 0
      : synthetic
        ? Math.max(0.5, (template.size ?? 1) * Math.exp(rng.normal(0, 0.35)))
        : (template.size ?? 0);
    agencies.push({
      index,
      code,
      name,
      type: template.type,
      homeCounty: template.homeCounty,
      counties: [...template.counties],
      size,
      activityScale: synthetic ? Math.exp(rng.normal(0, 0.25)) : 1,
      trendPerYear: inputs.trendPerYear + rng.normal(0, 0.03),
      profile,
      reporter: {
        email: inputs.reporterEmail.replace('{n}', String(index + 1)),
        name: synthetic ? `Reporter, ${name}` : template.reporter,
        role: 'reporter',
        agencyCode: code,
      },
      synthetic,
      sections: sectionsFor(catalog, template.type).map((s) => s.code),
    });
  }
  const codes = new Set(agencies.map((a) => a.code));
  if (codes.size !== agencies.length) throw new Error('two demo agencies would share a code');
  return agencies;
}

// ---------------------------------------------------------------------------------------------------
// Periods

function buildPeriods(last: Quarter, quarters: number, deadlineDays: number): DemoPeriod[] {
  return Array.from({ length: quarters + 1 }, (_, i) => {
    const quarter = addQuarters(last, i + 1 - quarters);
    const { start, end } = quarterDates(quarter);
    const kind = i < quarters - 1 ? 'past' : i === quarters - 1 ? 'latest' : 'open';
    return {
      quarter,
      code: quarter.code,
      startDate: start,
      endDate: end,
      deadline: quarterDeadline(quarter, deadlineDays),
      kind,
      open: kind !== 'past',
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// The plan

const positiveInteger = (name: string, value: number, max: number) => {
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new Error(`${name} must be a whole number from 1 to ${max}, not ${value}`);
  return value;
};

/**
 * Plans a demo coalition: its agencies (the inputs' own, then synthetic ones if more are asked for),
 * periods (`quarters` complete ones plus the open quarter), users and what happens to each
 * submission. Values are drawn later, one agency-quarter at a time, by `agencyQuarterValues`.
 */
export function planDemoCoalition(inputs: DemoInputs, catalog: Catalog, options: DemoOptions = {}): DemoPlan {
  const seed = options.seed ?? defaultDemoSeed;
  if (!Number.isSafeInteger(seed)) throw new Error(`the seed must be a whole number, not ${seed}`);
  const agencyCount = positiveInteger('--agencies', options.agencies ?? inputs.agencies.length, 9999);
  if (agencyCount < 4)
    throw new Error(
      'the demo needs at least 4 agencies: two reporters, one returned and two missing reports',
    );
  const quarters = positiveInteger('--quarters', options.quarters ?? inputs.quarters, 400);
  const deadlineDays = options.deadlineDays ?? defaultDeadlineDays;
  if (!Number.isInteger(deadlineDays) || deadlineDays < 0 || deadlineDays > 365)
    throw new Error(`deadline days must be a whole number from 0 to 365, not ${deadlineDays}`);
  const last = parseQuarter(inputs.lastCompleteQuarter) as Quarter;

  const agencies = buildAgencies(inputs, catalog, seed, agencyCount);
  const sectionOfElement = new Map(
    catalog.sections.flatMap((s) => s.elements.map((e) => [e.code, s.code] as const)),
  );
  return {
    seed,
    deadlineDays,
    today: inputs.today,
    password: inputs.password,
    seasonality: inputs.seasonality,
    coalition: inputs.coalition,
    counties: inputs.counties,
    agencies,
    periods: buildPeriods(last, quarters, deadlineDays),
    users: [
      { ...inputs.admin, role: 'admin', agencyCode: null },
      { ...inputs.viewer, role: 'viewer', agencyCode: null },
      ...agencies.map((a) => a.reporter),
    ],
    catalog,
    sectionOfElement,
    latestScenarios: assignLatestScenarios(createRandom(seed, 'latest'), agencyCount),
    openDrafts: assignOpenDrafts(createRandom(seed, 'open'), agencyCount),
    rules: compileRules(catalog),
    model: buildModel(catalog),
  };
}

// ---------------------------------------------------------------------------------------------------
// Values

type Survivor = {
  /** Option index per survivor category (-1 for the multi-select one, see `races`). */
  attrs: number[];
  races: number[];
  venues: number[];
  referral: number;
  type: string;
  minor: boolean;
  citizenship: string;
};

/** Multipliers on a service's chance, for who the survivor is. */
function serviceShift(service: string, s: Survivor, isNew: boolean): number {
  switch (service) {
    case 'crisis_response':
      return isNew ? 2 : 0.5;
    case 'emergency_shelter':
      return isNew ? 1.6 : 0.7;
    case 'immigration_legal':
      return s.citizenship === 'us_citizen_lpr' ? 0.1 : s.citizenship === 'foreign_national' ? 1.3 : 1;
    case 'interpretation':
      return s.citizenship === 'us_citizen_lpr' ? 0.2 : s.citizenship === 'foreign_national' ? 1.6 : 1;
    case 'family_reunification':
      return s.minor ? 3 : 1;
    case 'education_employment':
      return s.minor ? 1.5 : 1;
    default:
      return 1;
  }
}

const explanationsByRule: Record<string, string> = {
  referred_within_investigations:
    'One case referred this quarter came from an investigation opened last quarter.',
  continued_presence_within_victims: 'A request this quarter was for a victim identified last quarter.',
  trainings_have_trainees:
    'One training was rescheduled after we had counted it; its attendees come next quarter.',
  outreach_reaches_people: 'Attendance was not counted at one event (a resource table).',
};
const defaultExplanation = 'Checked against our case records: the figures are right.';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The comment an admin leaves when returning a submission: a question about something in this
 * quarter's own numbers that a reporter can check, not an error (the values themselves pass every rule).
 */
function returnComment(
  plan: DemoPlan,
  period: DemoPeriod,
  values: ReadonlyMap<string, number>,
  previous: ReadonlyMap<string, number> | undefined,
  previousPeriod: string | undefined,
): string {
  const served = values.get(servedElement);
  if (served === undefined)
    return 'Please check this quarter’s figures against your records, add a short note on anything unusual, and resubmit.';
  const before = previous?.get(servedElement);
  if (
    before !== undefined &&
    Math.abs(served - before) >= 3 &&
    Math.abs(served - before) >= 0.35 * Math.max(before, 1)
  )
    return `Survivors served went from ${before} in ${previousPeriod} to ${served} in ${period.code}. That may well be right — could you confirm it and add a short note on what changed (a new referral partner, cases closed), then resubmit?`;
  const sum = (prefix: string, suffix: string) => {
    let n = 0;
    for (const [key, value] of values) if (key.startsWith(prefix) && key.endsWith(suffix)) n += value;
    return n;
  };
  const ageUnknown = sum(`${servedElement}.type_age.`, '|unknown');
  if (ageUnknown > 0)
    return `${plural(ageUnknown, 'survivor served is', 'survivors served are')} listed with age unknown. If your case files have their ages now, please move them to the right age group; if not, add a short note saying so, and resubmit.`;
  const elsewhere = values.get(`${servedElement}.county.other_unknown`) ?? 0;
  if (elsewhere > 0)
    return `${plural(elsewhere, 'survivor served is', 'survivors served are')} counted under “Another county or unknown”. If they were served in ${plan.counties.map((c) => c.name).join(' or ')}, please move them; otherwise add a short note, and resubmit.`;
  const shared = values.get('survivors_shared') ?? 0;
  return `Please confirm the number of survivors also served by another member agency (${shared}): the coalition’s unduplicated estimate depends on it. Then resubmit.`;
}

class AgencySimulation {
  private readonly rng: Random;
  private readonly history: Random;
  private readonly layout: CellLayout;
  private readonly tally: { served: ElementTally; new: ElementTally } | undefined;
  private readonly model: AgencyModel | null;
  private carried: Survivor[] = [];
  private previous: { period: string; values: Map<string, number> } | undefined;

  constructor(
    private readonly plan: DemoPlan,
    private readonly agency: DemoAgency,
  ) {
    this.rng = createRandom(plan.seed, 'values', agency.code);
    this.history = createRandom(plan.seed, 'history', agency.code);
    const layout = plan.model.layouts.get(agency.type);
    if (!layout) throw new Error(`the catalog has no sections for ${agency.type}`);
    this.layout = layout;
    this.tally = plan.model.tallies.get(agency.type);
    this.model = agencyModel(plan.model, agency, countyWeights(plan, agency));
  }

  /** Every quarter of this agency, oldest first. */
  *quarters(): Generator<AgencyQuarter> {
    const { plan, agency } = this;
    const latestIndex = plan.periods.length - 2;
    for (const [t, period] of plan.periods.entries()) {
      const season = (s: readonly number[]) => s[period.quarter.quarter - 1] ?? 1;
      const growth = (1 + agency.trendPerYear) ** ((t - latestIndex) / 4);
      const counters = new Int32Array(this.layout.keys.length);
      if (this.model)
        this.survivorQuarter(counters, this.model, agency.size * growth * season(plan.seasonality));
      this.lawEnforcementQuarter(counters, growth * season(plan.seasonality) * agency.activityScale);
      const prevention = agency.profile.prevention;
      this.preventionQuarter(
        counters,
        growth * season(prevention.seasonality ?? plan.seasonality) * agency.activityScale,
      );

      const values = new Map<string, number>();
      this.layout.keys.forEach((key, i) => {
        values.set(key, counters[i] as number);
      });
      const explanations = this.check(values, period.code);
      const submission = this.submission(period, values);
      yield {
        agencyCode: agency.code,
        agencyIndex: agency.index,
        period: period.code,
        values,
        submission,
        explanations,
      };
      this.previous = { period: period.code, values };
    }
  }

  private newSurvivor(model: AgencyModel): Survivor {
    const { rng } = this;
    const categories = this.plan.model.survivorCategories;
    const typeIndex = rng.weightedIndex(model.typeWeights);
    const type = categories[0]?.options[typeIndex] ?? 'unknown';
    const attrs = categories.map((category, i) =>
      i === 0 ? typeIndex : category.multi ? -1 : rng.weightedIndex(model.conditional[i]?.[typeIndex] ?? []),
    );
    const code = (category: string) => {
      const i = categories.findIndex((c) => c.code === category);
      return i < 0 ? undefined : categories[i]?.options[attrs[i] as number];
    };
    // Transgender and nonbinary survivors are LGBTQ+ by the catalog's own definition.
    const gender = code('gender');
    const lgbtq = categories.findIndex((c) => c.code === 'lgbtq');
    if ((gender === 'transgender' || gender === 'nonbinary') && lgbtq >= 0) {
      const yes = categories[lgbtq]?.options.indexOf('yes') ?? -1;
      if (yes >= 0) attrs[lgbtq] = yes;
    }

    const races: number[] = [];
    if (model.raceCategory >= 0) {
      const category = categories[model.raceCategory] as SurvivorCategory;
      const weights = model.conditional[model.raceCategory]?.[typeIndex] ?? [];
      const first = rng.weightedIndex(weights);
      races.push(first);
      const notReported = category.options.indexOf('not_reported');
      if (first !== notReported && rng.chance(this.agency.profile.survivors?.multiRace ?? 0)) {
        const rest = weights.map((w, i) => (i === first || i === notReported ? 0 : w));
        if (hasWeight(rest)) races.push(rng.weightedIndex(rest));
      }
    }

    const survivors = this.agency.profile.survivors;
    const venues: number[] = [];
    const known = (survivors?.venueKnown ?? 0) * (type === 'unknown' ? 0.3 : 1);
    if (rng.chance(known) && hasWeight(model.venue.all)) {
      const kinds =
        type === 'sex'
          ? [model.venue.sex]
          : type === 'labor'
            ? [model.venue.labor]
            : type === 'sex_and_labor'
              ? [model.venue.sex, model.venue.labor]
              : [model.venue.all];
      for (const weights of kinds) venues.push(rng.weightedIndex(weights));
      // Some survivors were trafficked in more than one place (advertised online, then a hotel).
      const first = kinds[0] as number[];
      const rest = first.map((w, i) => (venues.includes(i) ? 0 : w));
      if (rng.chance(0.12) && hasWeight(rest)) venues.push(rng.weightedIndex(rest));
    }

    const minor = minorAges.has(code('age_group') ?? '');
    const referralWeights = minor ? model.referral.minor : model.referral.adult;
    return {
      attrs,
      races,
      venues,
      referral: hasWeight(referralWeights) ? rng.weightedIndex(referralWeights) : -1,
      type,
      minor,
      citizenship: code('citizenship') ?? 'unknown',
    };
  }

  private survivorQuarter(counters: Int32Array, model: AgencyModel, expectedServed: number) {
    const { rng, layout } = this;
    const profile = this.agency.profile.survivors;
    if (!profile || !this.tally) return;
    const retention = profile.retention;
    // Survivors still served from earlier quarters; in the first quarter there is no history to carry,
    // so draw how many there would have been.
    const carried =
      this.previous === undefined
        ? Array.from({ length: rng.poisson(expectedServed * retention) }, () => this.newSurvivor(model))
        : this.carried.filter(() => rng.chance(retention));
    const newcomers = Array.from({ length: rng.poisson(expectedServed * (1 - retention)) }, () =>
      this.newSurvivor(model),
    );
    const served = carried.concat(newcomers);
    this.carried = served;

    const count = (tally: ElementTally, s: Survivor) => {
      if (tally.total >= 0) add(counters, tally.total);
      for (const combo of tally.combos) {
        if (combo.first === model.raceCategory) {
          for (const race of s.races) add(counters, combo.base + race);
        } else if (combo.second < 0) {
          add(counters, combo.base + (s.attrs[combo.first] as number));
        } else {
          add(
            counters,
            combo.base +
              (s.attrs[combo.first] as number) * combo.secondSize +
              (s.attrs[combo.second] as number),
          );
        }
      }
    };
    for (const s of served) count(this.tally.served, s);
    for (const s of newcomers) count(this.tally.new, s);

    const shared = layout.total('survivors_shared');
    if (shared >= 0) add(counters, shared, rng.binomial(served.length, profile.shared));

    const services = this.plan.model.options('service');
    const servicesTotal = layout.total('services_provided');
    const servicesBase = layout.combo('services_provided', 'service');
    if (servicesTotal >= 0 && hasWeight(model.services)) {
      const newSet = new Set(newcomers);
      for (const s of served) {
        if (!rng.chance(profile.servicesReach)) continue;
        const isNew = newSet.has(s);
        const received: number[] = [];
        services.forEach((service, i) => {
          const p = (model.services[i] as number) * serviceShift(service, s, isNew);
          if (p > 0 && rng.chance(Math.min(1, p))) received.push(i);
        });
        // Receiving services means at least one of them.
        if (received.length === 0) received.push(rng.weightedIndex(model.services));
        add(counters, servicesTotal);
        if (servicesBase >= 0) for (const i of received) add(counters, servicesBase + i);
      }
    }

    const contextTotal = layout.total('trafficking_context');
    const contextBase = layout.combo('trafficking_context', 'venue');
    if (contextTotal >= 0) {
      for (const s of served) {
        if (s.venues.length === 0) continue;
        add(counters, contextTotal);
        if (contextBase >= 0) for (const v of s.venues) add(counters, contextBase + v);
      }
    }

    const referralsTotal = layout.total('referrals_received');
    const referralsBase = layout.combo('referrals_received', 'referral_source');
    if (referralsTotal >= 0 && hasWeight(model.referral.adult)) {
      for (const s of newcomers) {
        if (s.referral < 0) continue;
        add(counters, referralsTotal);
        if (referralsBase >= 0) add(counters, referralsBase + s.referral);
      }
      // Referrals that did not become clients (not eligible, declined, could not be reached).
      const extra = rng.poisson(newcomers.length * profile.extraReferrals);
      add(counters, referralsTotal, extra);
      if (referralsBase >= 0)
        rng.multinomial(extra, model.referral.adult).forEach((n, i) => {
          add(counters, referralsBase + i, n);
        });
    }
  }

  private lawEnforcementQuarter(counters: Int32Array, scale: number) {
    const le = this.agency.profile.lawEnforcement;
    const { rng, layout } = this;
    const investigationsAt = layout.total('investigations_opened');
    if (!le || investigationsAt < 0) return;
    const investigations = Math.min(le.maxInvestigations, rng.poisson(le.investigations * scale));
    counters[investigationsAt] = investigations;
    const arrests = layout.total('arrests');
    // Arrests and referrals now and then follow an investigation opened in an earlier quarter.
    if (arrests >= 0)
      counters[arrests] = rng.binomial(investigations, le.arrestRate) + (rng.chance(le.laterArrests) ? 1 : 0);
    const referred = layout.total('cases_referred');
    if (referred >= 0)
      counters[referred] =
        rng.binomial(investigations, le.referralRate) + (rng.chance(le.laterReferrals) ? 1 : 0);
    const victims = rng.poisson(investigations * le.victimsPerInvestigation);
    const victimsAt = layout.total('victims_identified');
    if (victimsAt >= 0) {
      counters[victimsAt] = victims;
      const base = layout.combo('victims_identified', 'trafficking_type');
      const weights = weightsFor(this.plan.model.options('trafficking_type'), le.trafficking_type);
      if (base >= 0 && victims > 0)
        rng.multinomial(victims, weights).forEach((n, i) => {
          counters[base + i] = n;
        });
    }
    const requests = layout.total('continued_presence_requests');
    if (requests >= 0) counters[requests] = rng.binomial(victims, le.continuedPresenceRate);
  }

  private preventionQuarter(counters: Int32Array, scale: number) {
    const p = this.agency.profile.prevention;
    const { rng, layout } = this;
    const trainingsAt = layout.total('trainings_delivered');
    if (trainingsAt >= 0) {
      const trainings = rng.poisson(p.trainings * scale);
      counters[trainingsAt] = trainings;
      let trained = 0;
      for (let i = 0; i < trainings; i++) {
        // Now and then a training is a conference session with a much larger room.
        const mean = p.traineesPerTraining * (rng.chance(0.08) ? 3 : 1);
        trained += Math.max(4, rng.poisson(mean));
      }
      const trainedAt = layout.total('professionals_trained');
      if (trainedAt >= 0) {
        counters[trainedAt] = trained;
        const base = layout.combo('professionals_trained', 'discipline');
        const weights = weightsFor(this.plan.model.options('discipline'), p.discipline);
        if (base >= 0 && trained > 0)
          rng.multinomial(trained, weights).forEach((n, i) => {
            counters[base + i] = n;
          });
      }
    }
    const eventsAt = layout.total('outreach_events');
    if (eventsAt >= 0) {
      const events = rng.poisson(p.outreachEvents * scale);
      counters[eventsAt] = events;
      const reachedAt = layout.total('community_reached');
      if (reachedAt >= 0) {
        let reached = 0;
        for (let i = 0; i < events; i++)
          reached += Math.max(5, Math.round(p.reachPerEvent * Math.exp(rng.normal(-0.12, 0.5))));
        counters[reachedAt] = reached;
      }
    }
  }

  /** Fails loudly if the generator broke an error rule; returns explanations for failed warnings. */
  private check(values: Map<string, number>, period: string): Record<string, string> {
    const explanations: Record<string, string> = {};
    for (const rule of this.plan.rules) {
      const outcome = rule.evaluate(values);
      if (outcome.status !== 'failed') continue;
      if (outcome.severity === 'error')
        throw new Error(
          `the demo generator broke rule ${outcome.code} for ${this.agency.code} in ${period} (${outcome.left} ${outcome.operator} ${outcome.right})`,
        );
      explanations[outcome.code] = explanationsByRule[outcome.code] ?? defaultExplanation;
    }
    return explanations;
  }

  private submission(period: DemoPeriod, values: Map<string, number>): SubmissionPlan {
    const { plan, agency, history } = this;
    const times: QuarterTimes = {
      start: dayMs(period.startDate),
      end: dayMs(period.endDate),
      deadline: dayMs(period.deadline),
      deadlineDays: plan.deadlineDays,
      capDay: dayMs(plan.today) - 86_400_000,
    };
    const comment = () => returnComment(plan, period, values, this.previous?.values, this.previous?.period);
    if (period.kind === 'open')
      return openSubmission(history, times, plan.openDrafts[agency.index] ?? false, agency.sections);
    if (period.kind === 'latest')
      return latestSubmission(
        history,
        times,
        plan.latestScenarios[agency.index] ?? 'approved',
        agency.sections,
        comment,
      );
    return pastSubmission(history, times, { late: 0.06, returned: 0.03 }, comment);
  }
}

/**
 * Every agency-quarter of the plan with its values, one at a time: agency by agency, oldest quarter
 * first. Only one agency's survivors and one quarter's values are held at once, so a coalition of
 * hundreds of agencies over decades streams in constant memory.
 */
export function* agencyQuarterValues(plan: DemoPlan): Generator<AgencyQuarter> {
  for (const agency of plan.agencies) yield* new AgencySimulation(plan, agency).quarters();
}
