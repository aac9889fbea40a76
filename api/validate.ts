import type { ValidationTargets } from 'hono';
import { type HandlerUniqueProperty, resolver, uniqueSymbol, validator } from 'hono-openapi';
import type { ZodType } from 'zod';
import { repeatableName } from './domain/pii';
import { badRequest, firstProblems } from './errors';
import { zodJsonSchema } from './openapi';

const documentOptions = { options: zodJsonSchema('input') };

/**
 * Validates one part of a request with a zod schema, failing with the one error shape: a 400
 * `invalid-request` naming each field that is wrong (the first few, then how many more) in words a
 * person can act on. The same schema describes the parameters or body in the OpenAPI document;
 * `documentedAs` shows a different view of it there, for a schema that checks in steps (refusing
 * unknown parameters by name, then the values).
 */
export function validate<Target extends keyof ValidationTargets, Schema extends ZodType>(
  target: Target,
  schema: Schema,
  documentedAs?: ZodType,
) {
  const middleware = validator(
    target,
    schema,
    (result) => {
      if (!result.success) {
        // Only the problems listed are worded: a key can be anything the caller sent, so one that
        // looks personal is not repeated, and there may be thousands of them.
        const listed = firstProblems(result.error, (more) => ({
          path: [],
          message: `and ${more} more problems`,
        }));
        const problems = listed.map(({ path = [], message }) => {
          const field = path
            .map((key) => repeatableName(String(typeof key === 'object' ? key.key : key)))
            .join('.');
          return field ? `${field}: ${message}` : message;
        });
        throw badRequest(problems.join('; '));
      }
    },
    documentOptions,
  );
  if (!documentedAs) return middleware;
  const documented: HandlerUniqueProperty = {
    target,
    ...resolver(documentedAs, documentOptions),
    options: documentOptions,
  };
  return Object.assign(middleware, { [uniqueSymbol]: documented });
}
