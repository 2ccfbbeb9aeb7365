import pino from 'pino';
import { startEmbeddedPostgres } from '../embedded';

/** Starts an embedded cluster and waits to be killed: stands in for a hard-killed app in tests. */
const embedded = await startEmbeddedPostgres(process.argv[2]!, pino({ level: 'silent' }));
process.stdout.write(`ready ${embedded.url}\n`);
setInterval(() => undefined, 60_000);
