import type restify from 'restify';
import type { AppServices } from '../services/app-services';
import { verifyExportLink } from '../services/exports/export-link';
import { produceExport } from '../services/exports/export-service';
import type { Logger } from '../services/logger';
import { isStorageUnavailable } from '../services/storage/storage-errors';

/** What the download route needs: the services (clock included), the link secret and a logger. */
export interface ExportRouteOptions {
  app: AppServices;
  secret: string;
  logger: Logger;
}

/**
 * One answer for every refusal (malformed, tampered, expired, made for someone who may not export): the holder of
 * a link learns nothing about why, and a new link is one message away.
 */
const refusedText = 'Ce lien de téléchargement n’est pas ou plus valable. Demandez-en un nouveau à Qualibot : « exporter le plan d’action ».\n';
const unavailableText = 'Service momentanément indisponible : réessayez dans quelques minutes.\n';

/** A plain-text answer (the security headers of server.ts stay: no-store, nosniff, no framing). */
function sendText(res: restify.Response, status: number, text: string): void {
  res.sendRaw(status, text, { 'Content-Type': 'text/plain; charset=utf-8' });
}

/**
 * `GET /exports/:token`: the file a signed link names (Action.OpenUrl on the export card opens it in the browser,
 * which carries no Teams identity: the signature and the directory are the only checks). Logged and audited with
 * ids and counts only.
 */
export function registerExportRoute(server: restify.Server, options: ExportRouteOptions): void {
  const { app, secret, logger } = options;
  server.get('/exports/:token', async (req, res) => {
    const params = req.params as Record<string, unknown> | undefined;
    const token = typeof params?.token === 'string' ? params.token : '';
    const check = verifyExportLink(token, secret, app.clock.now());
    if (!check.ok) {
      logger.info({ reason: check.reason }, 'export link refused');
      sendText(res, 403, refusedText);
      return;
    }
    const { kind, format, personId, filter } = check.claims;
    try {
      // Every kind through the registry (services/exports/export-kinds.ts): who may, which rows, which file name.
      const file = await produceExport(app, personId, { kind, format, filter });
      if (!file) {
        logger.info({ reason: 'not-allowed', personId }, 'export link refused');
        sendText(res, 403, refusedText);
        return;
      }
      logger.info({ personId, kind, format, rows: file.rows, bytes: file.body.length }, 'export downloaded');
      res.sendRaw(200, file.body, {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.filename}"`,
        'Content-Length': String(file.body.length),
        'Cache-Control': 'no-store',
      });
    } catch (error) {
      logger.error({ err: error, personId, kind, format }, 'export failed');
      if (!res.headersSent) sendText(res, isStorageUnavailable(error) ? 503 : 500, unavailableText);
    }
  });
}
