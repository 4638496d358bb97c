import { Cron } from 'croner';
import type { Logger } from '../core/logger.js';
import { Mutex } from '../core/mutex.js';
import type { DigestRunner, RunReport } from './runner.js';
import { cronPattern } from './schedule.js';
import type { SubscriptionStore } from './subscriptions.js';

const SAFETY_TICK_MS = 5 * 60_000;

/**
 * Wakes the runner: one croner job per subscription in its own time zone, a catch-up run at start, and a
 * slow safety tick that retries what a failure left retryable. The ledger, not the timers, decides what is
 * due, so an extra wake-up posts nothing twice; runs never overlap, and a failing run never crashes the bot.
 */
export class DigestScheduler {
  private readonly jobs = new Map<string, { signature: string; job: Cron }>();
  private readonly mutex = new Mutex();
  private safety: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Only a bot that serves Slack starts it; elsewhere (console, CLI) a changed subscription schedules nothing. */
  private started = false;

  constructor(
    private readonly runner: DigestRunner,
    private readonly subscriptions: SubscriptionStore,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async start(): Promise<void> {
    this.started = true;
    await this.reload();
    await this.run();
    this.safety = setInterval(() => void this.run(), SAFETY_TICK_MS);
    this.safety.unref();
  }

  /** Brings the jobs in line with the subscriptions (after subscribe, unsubscribe or a pause). */
  async reload(): Promise<void> {
    if (this.stopped || !this.started) return;
    const subscriptions = (await this.subscriptions.list()).filter((s) => !s.paused);
    const wanted = new Map(subscriptions.map((s) => [s.channelId, `${cronPattern(s)}|${s.timezone}`]));
    for (const [channel, { signature, job }] of this.jobs) {
      if (wanted.get(channel) !== signature) {
        job.stop();
        this.jobs.delete(channel);
      }
    }
    for (const s of subscriptions) {
      const signature = wanted.get(s.channelId) ?? '';
      if (this.jobs.has(s.channelId)) continue;
      const options = { timezone: s.timezone, protect: true, catch: this.onJobError, name: `digest:${s.channelId}` };
      const job = new Cron(cronPattern(s), options, async () => {
        await this.run([s.channelId]);
      });
      this.jobs.set(s.channelId, { signature, job });
    }
  }

  private readonly onJobError = (error: unknown) => this.logger.error('digest job failed', { error });

  /** Runs whatever is due now; errors are logged, never thrown. */
  run(channels?: readonly string[]): Promise<RunReport | undefined> {
    return this.mutex.run(async () => {
      if (this.stopped) return undefined;
      try {
        const report = await this.runner.runDue(this.clock(), channels);
        if (report.posted.length + report.failed.length > 0) {
          this.logger.info('digest run', {
            posted: report.posted.length,
            failed: report.failed.length,
            skipped: report.skipped.length,
          });
        }
        return report;
      } catch (error) {
        this.logger.error('digest run failed', { error });
        return undefined;
      }
    });
  }

  nextRun(channelId: string): Date | null {
    return this.jobs.get(channelId)?.job.nextRun() ?? null;
  }

  /** Stops the timers and lets posts in flight finish (or be recorded) within `timeoutMs`. */
  async stop(timeoutMs: number): Promise<boolean> {
    this.stopped = true;
    for (const { job } of this.jobs.values()) job.stop();
    this.jobs.clear();
    if (this.safety) clearInterval(this.safety);
    return this.runner.drain(timeoutMs);
  }
}
