import { Hono } from 'hono';
import { z } from 'zod';
import { createApiTokenSecret, requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import { notFound } from '../errors';
import { canManageApiTokens, canViewAgencySubmissions } from '../permissions';
import { recordAudit } from '../queries/audit';
import { getAgencyByCode } from '../queries/orgUnits';
import { getApiToken, insertApiToken, listApiTokens, revokeApiToken } from '../queries/tokens';
import { agencyQuarters } from '../services/submissions';
import { validate } from '../validate';
import { clockOf } from './clock';
import { agencyCode } from './params';

const agencyParam = z.object({ agencyCode });
const tokenParam = agencyParam.extend({ tokenId: z.coerce.number().int().min(1) });
export const createTokenBody = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Give the token a name, such as the system that will use it.')
    .max(80, 'Keep the name under 80 characters.'),
});

const noSuchAgency = () => notFound('There is no agency with that code that you can see.');

export const agencyRoutes = new Hono<AppEnv>()
  .get('/:agencyCode/submissions', validate('param', agencyParam), (c) => {
    const user = requireUser(c);
    const agency = getAgencyByCode(c.var.db, c.req.valid('param').agencyCode);
    // A reporter asking about another agency gets the same answer as for one that doesn't exist.
    if (!agency || !canViewAgencySubmissions(user, agency)) throw noSuchAgency();
    return c.json({
      agency: { code: agency.code, name: agency.name, type: agency.type },
      quarters: agencyQuarters(c.var.db, agency.id, clockOf(c)),
    });
  })
  .get('/:agencyCode/tokens', validate('param', agencyParam), (c) => {
    const user = requireUser(c);
    const agency = getAgencyByCode(c.var.db, c.req.valid('param').agencyCode);
    if (!agency || !canManageApiTokens(user, agency)) throw noSuchAgency();
    return c.json({ tokens: listApiTokens(c.var.db, agency.id) });
  })
  .post('/:agencyCode/tokens', validate('param', agencyParam), validate('json', createTokenBody), (c) => {
    const user = requireUser(c);
    const { db, config } = c.var;
    const agency = getAgencyByCode(db, c.req.valid('param').agencyCode);
    if (!agency || !canManageApiTokens(user, agency)) throw noSuchAgency();
    const { secret, prefix, tokenHash } = createApiTokenSecret(config.sessionSecret);
    const token = db.transaction(() => {
      const id = insertApiToken(db, {
        agencyId: agency.id,
        name: c.req.valid('json').name,
        prefix,
        tokenHash,
        createdBy: user.id,
      });
      recordAudit(db, {
        userId: user.id,
        action: 'create-token',
        entityType: 'api-token',
        entityId: id,
        details: { agency: agency.code, prefix },
      });
      return getApiToken(db, agency.id, id) as NonNullable<ReturnType<typeof getApiToken>>;
    })();
    return c.json({ token: { ...token, secret } }, 201);
  })
  .delete('/:agencyCode/tokens/:tokenId', validate('param', tokenParam), (c) => {
    const user = requireUser(c);
    const { db } = c.var;
    const { agencyCode: code, tokenId } = c.req.valid('param');
    const agency = getAgencyByCode(db, code);
    if (!agency || !canManageApiTokens(user, agency)) throw noSuchAgency();
    const revoked = db.transaction(() => {
      const done = revokeApiToken(db, agency.id, tokenId, c.var.now().toISOString());
      if (done)
        recordAudit(db, {
          userId: user.id,
          action: 'revoke-token',
          entityType: 'api-token',
          entityId: tokenId,
          details: { agency: agency.code },
        });
      return done;
    })();
    if (!revoked && !getApiToken(db, agency.id, tokenId))
      throw notFound('There is no such token for this agency.');
    return c.json({ ok: true as const });
  });
