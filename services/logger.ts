import pino from 'pino';

/** Structured JSON logger. Log ids (aadObjectId, activity id), never names, e-mails or free text. */
export type Logger = pino.Logger;

/** Creates the process logger at the configured level. */
export function createLogger(level: string = 'info', bindings: Record<string, string> = {}): Logger {
  return pino({ level, base: { app: 'qualibot', ...bindings }, timestamp: pino.stdTimeFunctions.isoTime });
}
