import pino, { type DestinationStream, type Logger } from 'pino';

/** Secrets must never reach the logs, wherever a careless `log.info({ req })` puts them. */
const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'password',
  '*.password',
  'token',
  '*.token',
  'passwordHash',
  '*.passwordHash',
  'lockSecret',
  '*.lockSecret',
  'lock_secret',
  '*.lock_secret',
];

/** `destination` defaults to stdout; the log redaction test passes a buffer. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: REDACT, censor: '[redacted]' }, base: { service: 'landraeume' } };
  return destination ? pino(options, destination) : pino(options);
}
