import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../context';
import { callers, jsonResponse } from '../openapi';
import { publicCoalition } from '../services/coalitionSettings';

export const coalitionAnswer = z
  .object({
    name: z.string().nullable().describe('The coalition’s name; null before it is set up'),
    shortName: z.string().nullable().describe('Its short name; null before it is set up'),
    counties: z.array(z.string()).describe('The counties it serves, by name'),
    states: z.array(z.string()).describe('The states those counties are in, by name'),
  })
  .meta({ id: 'Coalition' });

/** Who the coalition is, for every page's header and footer: nothing confidential. */
export const coalitionRoutes = new Hono<AppEnv>().get(
  '/',
  describeRoute({
    tags: ['Coalition'],
    summary: 'The coalition’s name and the counties it serves, for anyone',
    security: callers.anyone,
    responses: { 200: jsonResponse('The coalition', coalitionAnswer) },
  }),
  (c) => c.json(publicCoalition(c.var.db, c.var.config)),
);
