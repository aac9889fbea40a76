/**
 * The counties a coalition can serve, by state: one file per state in `data/geography/`, each county
 * named by its five-digit FIPS code. Adding a state is adding a file of the same shape. No HTTP here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../config';

export const geographyDir = join(projectRoot, 'data/geography');

const countySchema = z.object({
  fips: z
    .string()
    .regex(/^\d{5}$/, 'a county’s FIPS code is five digits: the state’s two, then its own three'),
  name: z.string().trim().min(1),
  code: z.string().regex(/^[A-Z0-9]{2,16}$/, 'a county’s code is 2 to 16 capital letters or digits'),
});

export const stateGeographySchema = z
  .object({
    state: z.object({
      fips: z.string().regex(/^\d{2}$/),
      code: z.string().regex(/^[A-Z]{2}$/),
      name: z.string().min(1),
    }),
    counties: z.array(countySchema).min(1),
  })
  .superRefine((file, ctx) => {
    const seen = { fips: new Set<string>(), code: new Set<string>() };
    for (const [i, county] of file.counties.entries()) {
      if (!county.fips.startsWith(file.state.fips))
        ctx.addIssue({
          code: 'custom',
          path: ['counties', i, 'fips'],
          message: `${county.fips} is not in state ${file.state.fips}`,
        });
      for (const key of ['fips', 'code'] as const) {
        if (seen[key].has(county[key]))
          ctx.addIssue({
            code: 'custom',
            path: ['counties', i, key],
            message: `${county[key]} appears twice`,
          });
        seen[key].add(county[key]);
      }
    }
  });

export type StateGeography = z.output<typeof stateGeographySchema>;
export type County = StateGeography['counties'][number] & { state: string };

let loaded: StateGeography[] | undefined;

/** Every state file, read and checked once; a bad file stops Scope with its name and what is wrong. */
export function geography(dir = geographyDir): StateGeography[] {
  if (dir === geographyDir && loaded) return loaded;
  const states = readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = stateGeographySchema.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      if (!parsed.success)
        throw new Error(
          `data/geography/${file} is not a valid state file: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      return parsed.data;
    });
  if (dir === geographyDir) loaded = states;
  return states;
}

/** The county with this FIPS code, with its state's two-letter code; undefined if no state file has it. */
export function countyByFips(fips: string): County | undefined {
  for (const state of geography()) {
    const county = state.counties.find((c) => c.fips === fips);
    if (county) return { ...county, state: state.state.code };
  }
  return undefined;
}
