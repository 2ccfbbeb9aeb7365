import type { RequestHandler } from 'express';

/**
 * Shutdown's first step. Closing the listener at once would also drop keep-alive connections
 * whose next request has arrived but is not read yet (Node counts them as idle), so for a
 * moment the server keeps serving, tells each client to close its connection after the answer
 * and reports itself not ready, so a load balancer stops sending. Then the listener closes.
 */
export interface Drain {
  readonly active: boolean;
  start(): void;
  middleware: RequestHandler;
}

export function createDrain(): Drain {
  let active = false;
  return {
    get active() {
      return active;
    },
    start() {
      active = true;
    },
    middleware(_req, res, next) {
      if (active) res.setHeader('Connection', 'close');
      next();
    },
  };
}
