import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { AppError } from '../../core/errors.js';
import type { DigestService } from '../../digests/digest-service.js';

/**
 * `digest run --at <instant>`: posts every digest due at that instant, through the same runner as the
 * scheduler, so cron or a Kubernetes CronJob can drive digests. Running it again for the same instant posts
 * nothing new.
 */
/** The command line was wrong (exit 2), as opposed to a run that failed. */
export class UsageError extends AppError {
  constructor(message: string) {
    super('cli_usage', message);
  }
}

export async function digestRun(
  args: string[],
  digests: DigestService | undefined,
  io: { stdout: Writable; stderr: Writable },
) {
  let values: { at?: string | undefined; json?: boolean | undefined };
  try {
    values = parseArgs({ args, options: { at: { type: 'string' }, json: { type: 'boolean', default: false } } }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (!values.at || Number.isNaN(Date.parse(values.at)) || !/\d{4}-\d{2}-\d{2}T/.test(values.at)) {
    throw new UsageError('digest run needs --at <ISO-8601 instant>, e.g. --at 2026-11-30T00:00:00Z');
  }
  if (!digests?.connected)
    throw new UsageError('digest run needs SLACK_BOT_TOKEN (and SLACK_API_URL for a non-default Slack)');
  const report = await digests.runner.runDue(new Date(values.at));
  const lines = [
    ...report.posted.map((o) => ({ result: 'posted', ...o })),
    ...report.skipped.map((o) => ({ result: 'skipped', ...o })),
    ...report.failed.map((o) => ({ result: 'failed', ...o })),
  ];
  for (const line of lines) {
    const text = values.json
      ? JSON.stringify(line)
      : [line.result, line.channelId, line.slot, line.detail, line.ts ? `ts=${line.ts}` : '', line.late ? 'late' : '']
          .filter(Boolean)
          .join(' ');
    io.stdout.write(`${text}\n`);
  }
  if (lines.length === 0 && !values.json) io.stdout.write(`nothing due at ${new Date(values.at).toISOString()}\n`);
  return report.failed.length > 0 ? 1 : 0;
}
