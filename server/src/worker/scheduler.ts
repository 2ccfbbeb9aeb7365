import type { Logger } from 'pino';

export interface ScheduledJob {
  name: string;
  run(): Promise<unknown>;
}

/**
 * Runs each job every `intervalMs`. The jobs themselves are safe to run on several workers at
 * once (row locks with SKIP LOCKED, idempotent updates), so no leader election is needed.
 * A failing job is logged and tried again on the next tick.
 */
export function startScheduler(jobs: ScheduledJob[], log: Logger, intervalMs = 60_000): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = (async () => {
      for (const job of jobs) {
        if (stopped) return;
        try {
          const result = await job.run();
          log.debug({ job: job.name, result }, 'job finished');
        } catch (err) {
          log.error({ job: job.name, err }, 'job failed');
        }
      }
    })();
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
