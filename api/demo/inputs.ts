/**
 * The demo generator's inputs (`data/demo/coalition.json`): the coalition, its counties, the fictional
 * member agencies and the profiles their numbers are drawn from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../config';
import { agencyTypes } from '../domain/catalog';
import { parseQuarter } from '../domain/periods';

export const defaultDemoInputsPath = join(projectRoot, 'data/demo/coalition.json');

const orgUnitCode = z
  .string()
  .regex(/^[A-Z0-9]{2,16}$/, 'org-unit codes are 2 to 16 upper-case letters or digits');
const text = z.string().trim().min(1);
/** Relative weights by option code; an option left out has weight zero. */
const weights = z.record(z.string(), z.number().nonnegative());
const probability = z.number().min(0).max(1);
const rate = z.number().nonnegative();
const seasonality = z.tuple([rate, rate, rate, rate]);

const survivorProfileSchema = z.object({
  /** Share of last quarter's survivors still served this quarter. */
  retention: z.number().min(0).max(0.95),
  /** Chance a survivor is also served by another member agency in a quarter. */
  shared: probability,
  /** Chance a survivor served receives at least one listed service in a quarter. */
  servicesReach: probability,
  /** Chance the venue or industry of a survivor's trafficking is known. */
  venueKnown: probability,
  /** Referrals that did not become clients, per new survivor. */
  extraReferrals: rate,
  /** Chance a survivor identifies with a second race or ethnicity. */
  multiRace: probability,
  /** Weights by category code (trafficking_type, age_group, …, referral_source, venue). */
  weights: z.record(z.string(), weights),
  /** Chance a survivor receiving services receives each service, by option code. */
  services: z.record(z.string(), probability),
});

const preventionProfileSchema = z.object({
  trainings: rate,
  traineesPerTraining: z.number().min(1),
  outreachEvents: rate,
  reachPerEvent: z.number().min(1),
  /** Overrides the coalition's seasonality (schools are out in summer). */
  seasonality: seasonality.optional(),
  discipline: weights,
});

const lawEnforcementProfileSchema = z.object({
  investigations: rate,
  maxInvestigations: z.number().int().positive(),
  arrestRate: probability,
  /** Chance of an arrest this quarter from an earlier quarter's investigation. */
  laterArrests: probability,
  referralRate: probability,
  /** Chance of a case referred this quarter from an earlier quarter's investigation. */
  laterReferrals: probability,
  victimsPerInvestigation: rate,
  continuedPresenceRate: probability,
  trafficking_type: weights,
});

export const profileSchema = z.object({
  survivors: survivorProfileSchema.optional(),
  lawEnforcement: lawEnforcementProfileSchema.optional(),
  prevention: preventionProfileSchema,
});
export type Profile = z.infer<typeof profileSchema>;

const agencySchema = z.object({
  code: orgUnitCode,
  name: text,
  type: z.enum(agencyTypes),
  homeCounty: orgUnitCode,
  counties: z.array(orgUnitCode).min(1),
  /** Mean survivors served a quarter in the latest year; only for types that report survivors. */
  size: z.number().positive().optional(),
  /** The name of the agency's demo reporter. */
  reporter: text,
  /** Merged over the type's profile, key by key. */
  profile: z.record(z.string(), z.unknown()).optional(),
});
export type DemoAgencyInput = z.infer<typeof agencySchema>;

const personSchema = z.object({ email: z.email(), name: text });

export const demoInputsSchema = z
  .object({
    coalition: z.object({ code: orgUnitCode, name: text }),
    counties: z
      .array(
        z.object({
          code: orgUnitCode,
          name: text,
          fips: z
            .string()
            .regex(/^\d{5}$/)
            .optional(),
          option: z.string().min(1),
        }),
      )
      .min(1),
    /** The demo's "now": nothing in its history happens after this day. */
    today: z.iso.date(),
    lastCompleteQuarter: z.string().refine((s) => parseQuarter(s) !== undefined, 'a quarter such as 2026Q3'),
    quarters: z.number().int().positive(),
    trendPerYear: z.number().min(-0.5).max(1),
    seasonality,
    password: z.string().min(8),
    admin: personSchema,
    viewer: personSchema,
    /** `{n}` is replaced by the agency's position, from 1. */
    reporterEmail: z.string().includes('{n}'),
    agencies: z.array(agencySchema).min(4),
    profiles: z.record(z.enum(agencyTypes), z.record(z.string(), z.unknown())),
  })
  .superRefine((inputs, ctx) => {
    const countyCodes = new Set(inputs.counties.map((c) => c.code));
    const seen = new Set<string>([inputs.coalition.code, ...countyCodes]);
    inputs.agencies.forEach((agency, i) => {
      if (seen.has(agency.code))
        ctx.addIssue({
          code: 'custom',
          path: ['agencies', i, 'code'],
          message: `"${agency.code}" is used twice`,
        });
      seen.add(agency.code);
      for (const county of [agency.homeCounty, ...agency.counties]) {
        if (!countyCodes.has(county))
          ctx.addIssue({ code: 'custom', path: ['agencies', i], message: `unknown county "${county}"` });
      }
      if (!inputs.profiles[agency.type])
        ctx.addIssue({ code: 'custom', path: ['agencies', i], message: `no profile for "${agency.type}"` });
    });
  });
export type DemoInputs = z.infer<typeof demoInputsSchema>;

/** Parses the generator's inputs, throwing one readable error that lists every problem. */
export function parseDemoInputs(input: unknown): DemoInputs {
  const parsed = demoInputsSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`The demo coalition inputs are not valid:\n  ${lines.join('\n  ')}`);
  }
  return parsed.data;
}

/** Reads `data/demo/coalition.json` (or another file of the same shape). */
export function readDemoInputs(path = defaultDemoInputsPath): DemoInputs {
  return parseDemoInputs(JSON.parse(readFileSync(path, 'utf8')));
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function mergeDeep(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = mergeDeep(base[key], value);
  return out;
}

/**
 * An agency's profile: its type's, with the agency's own settings merged over it key by key
 * (a weights object given by the agency replaces only the keys it names).
 */
export function resolveProfile(inputs: DemoInputs, agency: DemoAgencyInput): Profile {
  const merged = mergeDeep(inputs.profiles[agency.type], agency.profile ?? {});
  const parsed = profileSchema.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`The demo profile of ${agency.code} is not valid:\n  ${lines.join('\n  ')}`);
  }
  return parsed.data;
}
