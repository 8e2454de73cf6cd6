import restify from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { AppServices } from '../services/app-services';
import type { Logger } from '../services/logger';
import { maxExportTokenLength } from '../services/exports/export-link';
import { registerExportRoute } from './export-route';
import type { QualibotBot } from './qualibot-bot';

/** Largest request body accepted; a Teams activity is a few kilobytes, a pasted directory import stays under this. */
export const maxRequestBytes = 512 * 1024;

// The bot serves JSON to machines, never pages to browsers: lock everything a browser could do with an answer.
const securityHeaders: Record<string, string> = {
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Cache-Control': 'no-store',
};

/** The HTTP server plus a count of requests in flight, so a shutdown can let them finish. */
export interface QualibotServer {
  server: restify.Server;
  /** Requests being processed right now. */
  inFlight: () => number;
}

/** The HTTP face of the bot: the Bot Framework endpoint, a health check and signed downloads (`exportLinkSecret`). */
export function createServer(adapter: CloudAdapter, bot: QualibotBot, app: AppServices, logger: Logger, exportLinkSecret: string): QualibotServer {
  // A signed download token is ~250 characters; the router's default cap on a path parameter is 100.
  const server = restify.createServer({ name: 'qualibot', handleUncaughtExceptions: false, maxParamLength: maxExportTokenLength });
  let inFlight = 0;
  server.pre((req, res, next) => {
    inFlight += 1;
    res.once('close', () => (inFlight -= 1));
    for (const [name, value] of Object.entries(securityHeaders)) res.header(name, value);
    res.removeHeader('Server');
    return next();
  });
  server.use(restify.plugins.bodyParser({ maxBodySize: maxRequestBytes, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    try {
      await adapter.process(req, res, (context) => bot.run(context));
    } catch (error) {
      logger.error({ err: error }, 'request failed before reaching the bot');
      if (!res.headersSent) res.send(500);
    }
  });

  // 200 when the storage answers, 503 otherwise: load balancers and the App Service health check read this.
  server.get('/healthz', async (_req, res) => {
    try {
      await app.store.ping();
      res.send(200, { status: 'ok', storage: 'ok' });
    } catch {
      res.send(503, { status: 'degraded', storage: 'unreachable' });
    }
  });
  // Signed download links of the export card (issue 5): 403 for any bad, expired or no longer allowed link.
  registerExportRoute(server, { app, secret: exportLinkSecret, logger });
  return { server, inFlight: () => inFlight };
}
