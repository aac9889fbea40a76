/**
 * One protection of the disclosure benchmark, in its own process:
 * `disclosureChild.ts <case> <audience> <engine>` (`best`, today's; `legacy`, the one before issue 13).
 * Reports progress and the result to the parent, which stops it if it runs over its budget.
 */
import { buildCube } from '../../api/disclosure/cube';
import { protect } from '../../api/disclosure/protect';
import { type Audience, defaultThresholds } from '../../api/disclosure/types';
import {
  type BenchCase,
  type ChildMessage,
  caseCube,
  catalog,
  demoValues,
  type Engine,
  plan,
} from './disclosure';

const [name, audience, engine = 'best'] = process.argv.slice(2) as [BenchCase, Audience, Engine?];
const send = (message: ChildMessage) => process.send?.(message);

// Warm up the solver and the JIT on a small cube, so the figure isn't also the cost of starting.
const warmUp = demoValues({}, ['2026Q1']);
const warm = buildCube({
  catalog,
  plan,
  audience: 'public',
  agencies: warmUp.plan.agencies.map((a) => ({ code: a.code, county: a.homeCounty, type: a.type })),
  counties: warmUp.plan.counties.map((c) => c.code),
  values: warmUp.values,
  owned: ['2026Q1'],
});
await protect({
  cells: warm.cells,
  relations: warm.relations,
  audience: 'public',
  threshold: 11,
  complements: engine,
});

const cube = caseCube(name, audience);
send({ type: 'started' });
const started = performance.now();
const result = await protect({
  cells: cube.cells,
  relations: cube.relations,
  audience,
  threshold: defaultThresholds[audience],
  complements: engine,
  onProgress: (done, total) => {
    send({ type: 'progress', done, total });
  },
});
send({
  type: 'result',
  result: { status: result.status, stats: result.stats },
  seconds: (performance.now() - started) / 1000,
});
process.disconnect?.();
