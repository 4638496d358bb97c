import { parseArgs } from 'node:util';
import { redactUrl } from '../../core/redact.js';
import type { CliIo } from './cli.js';

export const DATA_USAGE = `Usage: npm run --silent cli -- data export --to <dir>
       npm run --silent cli -- data import --from <dir> [--replace]
  Moves a DATA_DIR's whole state (dataset, kept versions, audit, pending previews, subscriptions,
  digest ledger and snapshots, users' preferences) out of the PostgreSQL in DATABASE_URL, or into it.
  Import needs an empty database unless --replace is given.
`;

export type TransferRequest = { action: 'export' | 'import'; dir: string; replace: boolean };

function request(argv: readonly string[], io: CliIo): TransferRequest | null {
  const [action, ...rest] = argv;
  let values: { to?: string; from?: string; replace?: boolean };
  try {
    values = parseArgs({
      args: [...rest],
      options: { to: { type: 'string' }, from: { type: 'string' }, replace: { type: 'boolean', default: false } },
    }).values;
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${DATA_USAGE}`);
    return null;
  }
  const dir = action === 'export' ? values.to : action === 'import' ? values.from : undefined;
  if (!dir || (action !== 'export' && action !== 'import')) {
    io.stderr.write(DATA_USAGE);
    return null;
  }
  return { action, dir, replace: values.replace ?? false };
}

/** `cli data export|import`: exit 0 done, 1 failed, 2 misuse. The move itself is the container's `transfer`. */
export async function runDataTransfer(
  argv: readonly string[],
  databaseUrl: string | null,
  transfer: (request: TransferRequest, databaseUrl: string) => Promise<unknown>,
  io: CliIo,
): Promise<number> {
  if (!databaseUrl) {
    io.stderr.write(`data ${argv[0] ?? ''} needs DATABASE_URL.\n\n${DATA_USAGE}`);
    return 2;
  }
  const asked = request(argv, io);
  if (!asked) return 2;
  try {
    const counts = await transfer(asked, databaseUrl);
    const done = asked.action === 'export' ? 'exported to' : 'imported from';
    io.stdout.write(`${done} ${asked.dir}: ${JSON.stringify(counts)}\n`);
    return 0;
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error))
      .split(databaseUrl)
      .join(redactUrl(databaseUrl));
    io.stderr.write(`data ${asked.action} failed: ${message}\n`);
    return 1;
  }
}
