import { parseArgs } from 'node:util';
import type { Config } from '../../config.js';
import type { Logger } from '../../core/logger.js';
import { Database, redactUrl } from '../../persistence/pg/database.js';
import { migrate } from '../../persistence/pg/migrate.js';
import { exportToDir, importFromDir } from '../../persistence/transfer.js';
import type { CliIo } from './cli.js';

export const DATA_USAGE = `Usage: npm run --silent cli -- data export --to <dir>
       npm run --silent cli -- data import --from <dir> [--replace]
  Moves a DATA_DIR's whole state (dataset, kept versions, audit, pending previews, subscriptions,
  digest ledger and snapshots, users' preferences) out of the PostgreSQL in DATABASE_URL, or into it.
  Import needs an empty database unless --replace is given.
`;

/** `cli data export|import`: exit 0 done, 1 failed, 2 misuse. Runs before the bot's services open a dataset. */
export async function runDataTransfer(
  argv: readonly string[],
  config: Config,
  logger: Logger,
  io: CliIo,
): Promise<number> {
  const [action, ...rest] = argv;
  if (!config.databaseUrl) {
    io.stderr.write(`data ${action ?? ''} needs DATABASE_URL.\n\n${DATA_USAGE}`);
    return 2;
  }
  let values: { to?: string; from?: string; replace?: boolean };
  try {
    values = parseArgs({
      args: [...rest],
      options: { to: { type: 'string' }, from: { type: 'string' }, replace: { type: 'boolean', default: false } },
    }).values;
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${DATA_USAGE}`);
    return 2;
  }
  const target = action === 'export' ? values.to : action === 'import' ? values.from : undefined;
  if (!target) {
    io.stderr.write(DATA_USAGE);
    return 2;
  }
  await migrate(config.databaseUrl);
  const db = new Database(config.databaseUrl, logger);
  try {
    const counts =
      action === 'export'
        ? await exportToDir(db, target)
        : await importFromDir(db, target, { replace: values.replace ?? false });
    io.stdout.write(`${action === 'export' ? 'exported to' : 'imported from'} ${target}: ${JSON.stringify(counts)}\n`);
    return 0;
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error))
      .split(config.databaseUrl)
      .join(redactUrl(config.databaseUrl));
    io.stderr.write(`data ${action} failed: ${message}\n`);
    return 1;
  } finally {
    await db.close();
  }
}
