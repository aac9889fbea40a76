import { z } from 'zod';
import { periodSchema } from '../domain/periods';

/** An agency's short code in a path; letter case is forgiven. */
export const agencyCode = z
  .string()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{2,16}$/, 'Not an agency code: use the short code, like QUAILCREST.'));

/** A quarter in a path or query: `2026Q3`. */
export const quarterCode = periodSchema(['quarter']);

export const submissionParams = z.object({ agency: agencyCode, period: quarterCode });
