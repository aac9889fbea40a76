import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import { SignInAttempts } from './auth/attempts';
import { sameOriginWrites } from './auth/sameOrigin';
import { loadSession, signedInWrites } from './auth/session';
import type { Config } from './config';
import type { AppEnv } from './context';
import type { Db } from './db';
import { handleError, notFound } from './errors';
import { bodySizeLimit } from './limits';
import { accountLinkRoutes } from './routes/accountLinks';
import { agencyRoutes } from './routes/agencies';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { catalogRoutes } from './routes/catalog';
import { coalitionRoutes } from './routes/coalition';
import { completenessRoutes } from './routes/completeness';
import { docsRoutes } from './routes/docs';
import { freeTextRoutes } from './routes/freeTexts';
import { healthRoutes } from './routes/health';
import { meRoutes } from './routes/me';
import { peopleRoutes } from './routes/people';
import { periodRoutes } from './routes/periods';
import { planRoutes } from './routes/plan';
import { releaseRoutes } from './routes/releases';
import { reportRoutes } from './routes/reports';
import { reportTemplateRoutes } from './routes/reportTemplates';
import { settingsRoutes } from './routes/settings';
import { setupRoutes } from './routes/setup';
import { statsRoutes } from './routes/stats';
import { submissionRoutes } from './routes/submissions';

export type AppDeps = {
  db: Db;
  config: Config;
  /** Serve the built web app from this folder; tests of the API alone leave it out. */
  webDistDir?: string;
  /** The clock; defaults to the real one. */
  now?: () => Date;
};

const resources = new Hono<AppEnv>()
  .route('/health', healthRoutes)
  .route('/auth', authRoutes)
  .route('/me', meRoutes)
  .route('/periods', periodRoutes)
  .route('/agencies', agencyRoutes)
  .route('/audit-log', auditRoutes)
  .route('/completeness', completenessRoutes)
  .route('/catalog', catalogRoutes)
  .route('/submissions', submissionRoutes)
  .route('/releases', releaseRoutes)
  .route('/publication-plan', planRoutes)
  .route('/report-templates', reportTemplateRoutes)
  .route('/reports', reportRoutes)
  .route('/stats', statsRoutes)
  .route('/free-texts', freeTextRoutes)
  .route('/settings', settingsRoutes)
  .route('/coalition', coalitionRoutes)
  .route('/people', peopleRoutes)
  .route('/account-links', accountLinkRoutes)
  .route('/setup', setupRoutes);

/**
 * The JSON API, mounted at `/api`. Its reference is generated from these same routes when first asked
 * for: `.route()` adds to the app it is called on, so by then `resources` holds the reference's own
 * routes too, and the document covers every route.
 */
const apiRoutes = resources.route(
  '/',
  docsRoutes(() => resources),
);

/** The typed API, for the web app's `hc<AppType>` client. */
export type AppType = typeof apiRoutes;

/**
 * API answers are about signed-in people's work unless a route says otherwise (a catalog version, the
 * reference's files), so neither the browser nor anything between may keep a copy.
 */
const privateByDefault: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
};

/**
 * Builds Scope's whole HTTP app over one database: the JSON API under `/api` and, when given, the
 * built web app for every other path. Only `server.ts` listens; tests call `app.request()`.
 */
export function createApp({ db, config, webDistDir, now = () => new Date() }: AppDeps) {
  const signInAttempts = new SignInAttempts();
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Recharts positions tooltips and labels with inline style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    }),
    compress(),
  );
  // Cheapest first: the response's caching, the request's headers, then its size, all before the body
  // is parsed or the session looked up.
  app.use('/api/*', privateByDefault, sameOriginWrites, bodySizeLimit, async (c, next) => {
    c.set('db', db);
    c.set('config', config);
    c.set('signInAttempts', signInAttempts);
    c.set('now', now);
    await next();
  });
  app.use('/api/*', loadSession, signedInWrites);
  app.route('/api', apiRoutes);
  // Unknown API paths answer in JSON; only non-API paths fall through to the web app.
  app.all('/api/*', () => {
    throw notFound('There is no API endpoint at this address.');
  });

  if (webDistDir && existsSync(join(webDistDir, 'index.html'))) {
    const indexHtml = readFileSync(join(webDistDir, 'index.html'), 'utf8');
    app.use('/assets/*', async (c, next) => {
      await next();
      // Vite puts a content hash in every asset's name, so a cached copy never goes stale.
      if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    // Every page of the web app is index.html; the browser-side router takes it from there.
    const webApp = (c: Context) => {
      c.header('Cache-Control', 'no-cache');
      return c.html(indexHtml);
    };
    app.get('/', webApp);
    app.use('*', serveStatic({ root: webDistDir }));
    // A missing asset is missing: the web app in its place would be cached as that asset for a year.
    app.get('/assets/*', () => {
      throw notFound('There is no such file.');
    });
    app.get('*', webApp);
  }
  app.notFound((c) => handleError(notFound(), c));
  return app;
}
