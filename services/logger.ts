import pino from 'pino';

/** Structured JSON logger. Log ids (aadObjectId, activity id), never names, e-mails or free text. */
export type Logger = pino.Logger;

/** Where log lines go instead of stdout (tests capture them to scan for personal data). */
export type LogDestination = pino.DestinationStream;

/** Creates the process logger at the configured level, writing to stdout unless given a destination. */
export function createLogger(level: string = 'info', bindings: Record<string, string> = {}, destination?: LogDestination): Logger {
  const options: pino.LoggerOptions = { level, base: { app: 'qualibot', ...bindings }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}
