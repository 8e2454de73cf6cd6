import restify from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { AppServices } from '../services/app-services';
import type { Logger } from '../services/logger';
import type { QualibotBot } from './qualibot-bot';

/** The HTTP face of the bot: the Bot Framework endpoint and a health check. */
export function createServer(adapter: CloudAdapter, bot: QualibotBot, app: AppServices, logger: Logger): restify.Server {
  const server = restify.createServer({ name: 'qualibot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));

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
  return server;
}
