import type { ValidationTargets } from 'hono';
import { type HandlerUniqueProperty, resolver, uniqueSymbol, validator } from 'hono-openapi';
import type { ZodType } from 'zod';
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
        const problems = result.error.map(({ path = [], message }) => {
          const field = path.map((key) => String(typeof key === 'object' ? key.key : key)).join('.');
          return field ? `${field}: ${message}` : message;
        });
        throw badRequest(firstProblems(problems, (more) => `and ${more} more problems`).join('; '));
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
