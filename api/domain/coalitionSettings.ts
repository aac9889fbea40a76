/**
 * What an admin may change on the settings page, and the rules each value must meet, checked before
 * anything is written. The numbers come from where each rule lives (the disclosure minimums, the
 * publication settings' ranges), so this page and the older routes refuse the same values. No HTTP here.
 */
import { z } from 'zod';
import { minimumThresholds } from '../disclosure/types';
import { publicationSettingRanges } from '../services/releases/policy';
import { canonicalTimeZone } from './clock';
import { countyByFips } from './geography';
import { periodSchema } from './periods';

const threshold = (audience: keyof typeof minimumThresholds, who: string) =>
  z
    .number(`The ${who} threshold is a whole number.`)
    .int(`The ${who} threshold is a whole number.`)
    .min(
      minimumThresholds[audience],
      `The ${who} threshold must be at least ${minimumThresholds[audience]}: a smaller one would protect too little.`,
    )
    .max(100, `The ${who} threshold can be at most 100.`)
    .optional()
    .describe(
      `Counts of people below this are hidden from the ${who} figures (at least ${minimumThresholds[audience]})`,
    );

const publicationSetting = (name: keyof typeof publicationSettingRanges, words: string) => {
  const range = publicationSettingRanges[name];
  const number = range.integer
    ? z.number(`${words} is a whole number.`).int(`${words} is a whole number.`)
    : z.number(`${words} is a number.`);
  return number
    .min(range.min, `${words} must be from ${range.min} to ${range.max}.`)
    .max(range.max, `${words} must be from ${range.min} to ${range.max}.`)
    .optional()
    .describe(`${range.words}: from ${range.min} to ${range.max} (default ${range.default})`);
};

/** A change to the coalition's settings: any fields left out stay as they are. */
export const coalitionSettingsChange = z
  .object({
    name: z
      .string('The coalition’s name is text.')
      .trim()
      .min(3, 'The coalition’s name needs at least 3 characters.')
      .max(120, 'The coalition’s name can be at most 120 characters.')
      .optional()
      .describe('The coalition’s name, as its pages and reports print it'),
    shortName: z
      .string('The short name is text.')
      .trim()
      .min(2, 'The short name needs at least 2 characters.')
      .max(24, 'The short name can be at most 24 characters.')
      .optional()
      .describe('A short name for narrow screens, like "South Bay Coalition"'),
    timeZone: z
      .string('The time zone is text, like America/Los_Angeles.')
      .transform((zone, ctx) => {
        const canonical = canonicalTimeZone(zone);
        if (canonical) return canonical;
        ctx.addIssue({
          code: 'custom',
          message: `“${zone.slice(0, 60)}” is not a time zone Scope knows: choose one from the list, like America/Los_Angeles.`,
        });
        return z.NEVER;
      })
      .optional()
      .describe(
        'The coalition’s time zone (IANA, like America/Los_Angeles): its calendar says what day it is',
      ),
    deadlineDays: z
      .number('The reporting deadline is a number of days.')
      .int('The reporting deadline is a whole number of days.')
      .min(1, 'The reporting deadline must be at least 1 day after a quarter ends.')
      .max(120, 'The reporting deadline can be at most 120 days after a quarter ends.')
      .optional()
      .describe('Days after a quarter ends that its reports are due; quarters that have ended keep theirs'),
    firstPeriod: periodSchema(['quarter'], 'The first quarter is a quarter, like 2026Q1.')
      .optional()
      .describe('The first quarter the coalition collects; fixed once any agency has reported'),
    adminTwoFactor: z
      .enum(['required', 'optional'], 'Two-factor sign-in for admins is "required" or "optional".')
      .optional()
      .describe('Whether admins must sign in with a code from an authenticator app'),
    counties: z
      .array(
        z.string('A county is its five-digit FIPS code, like 06085.').refine((fips) => countyByFips(fips), {
          error: (issue) =>
            `${String(issue.input).slice(0, 10)} is not a county Scope knows: choose one from the list.`,
        }),
        'The counties are a list of FIPS codes.',
      )
      .min(1, 'The coalition serves at least one county.')
      .max(500)
      .refine((list) => new Set(list).size === list.length, 'A county is listed twice.')
      .optional()
      .describe(
        'Every county the coalition serves, by FIPS code: one not listed is removed (refused while an agency is based in or serves it)',
      ),
    thresholds: z
      .object({ public: threshold('public', 'public'), coalition: threshold('coalition', 'members’') })
      .strict()
      .optional()
      .describe('The disclosure thresholds; later releases use them'),
    publication: z
      .object({
        provisionalShare: publicationSetting('provisionalShare', 'The provisional share'),
        countyBreakdownAgencies: publicationSetting(
          'countyBreakdownAgencies',
          'The agencies a county needs for its breakdowns',
        ),
      })
      .strict()
      .optional()
      .describe('When a period is provisional, and when county breakdowns are published'),
    confidentialReports: z
      .boolean('Whether exact reports are allowed is true or false.')
      .optional()
      .describe('Whether admins may make confidential grant reports with exact counts'),
  })
  .strict();

export type CoalitionSettingsChange = z.output<typeof coalitionSettingsChange>;
