import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { numberedPath, saveCharts } from '../../charts/chart-files.js';
import { type CommandServices, executeCommand } from '../../commands/execute.js';
import type { Reply } from '../../core/blocks/reply.js';
import { parseCommandText } from '../../core/command-input.js';
import { isLocale } from '../../core/i18n/locale.js';
import { messages } from '../../core/i18n/messages.js';
import type { Surface } from '../../data-admin/data-admin.js';
import { splitCommandLine } from '../console/console.js';
import { renderMessage } from '../console/render-text.js';
import { digestRun, UsageError } from './digest-run.js';

export const EXIT = { ok: 0, userError: 1, misuse: 2 } as const;

export const USAGE = `Usage: npm run --silent cli -- <command>

Commands:
  ask [--json] [--lang ko|en] [--user U…] [--channel C…] [--chart <file.png>] "<slash command and text>"
      Runs one command exactly as Slack would and prints the reply.
      --json prints each message as one JSON line: {"response_type","text","blocks"}.
      --chart writes the reply's charts as PNG (file.png, file-2.png, …); the text reply is printed either way.
      Exit 0 for an answer, 1 when the reply is a user-facing error, 2 for misuse.
  digest run --at <ISO-8601 instant> [--json]
      Posts every digest due at that instant (the latest slot of each subscription, within
      the grace window), exactly once per channel and slot however often it runs.
      Exit 0 when nothing failed, 1 when a digest could not be posted, 2 for misuse.
  data export --to <dir> | data import --from <dir> [--replace]
      With DATABASE_URL: a DATA_DIR's whole state out of PostgreSQL, or into it.
  (no command)   Interactive console.

Example: npm run --silent cli -- ask --json "/ai-rank ceti"
`;

export type CliServices = CommandServices & { surface?: Surface };

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
}

function misuse(io: CliIo, problem: string): number {
  io.stderr.write(`${problem}\n\n${USAGE}`);
  return EXIT.misuse;
}

async function ask(args: string[], services: CliServices, io: CliIo): Promise<number> {
  // Everything from the slash command on is the command line, so its own flags (--en) need no quoting.
  const valued = new Set(['--lang', '--user', '--channel', '--chart']);
  const start = args.findIndex((a, i) => a.trimStart().startsWith('/') && !valued.has(args[i - 1] ?? ''));
  if (start < 0) return misuse(io, 'ask needs a slash command, e.g. ask "/ai-rank"');
  let values: ReturnType<typeof parseAsk>['values'];
  try {
    values = parseAsk(args.slice(0, start)).values;
  } catch (error) {
    return misuse(io, error instanceof Error ? error.message : String(error));
  }
  if (values.lang !== undefined && !isLocale(values.lang)) return misuse(io, '--lang must be ko or en');
  const line = args.slice(start).join(' ').trim();
  const { command, text } = splitCommandLine(line);
  const locale = isLocale(values.lang) ? values.lang : services.defaultLocale;
  const reply = await executeCommand(
    {
      command,
      text,
      userId: values.user ?? 'UCLI',
      channelId: values.channel ?? 'CCLI',
      ...(services.surface ? { surface: services.surface } : {}),
    },
    { ...services, defaultLocale: locale },
  );
  if (!reply) return misuse(io, `unknown command ${command}`);
  const print = (r: Reply) => {
    for (const message of r.messages) {
      const line = values.json
        ? JSON.stringify({ response_type: r.visibility, text: message.text, blocks: message.blocks })
        : `${renderMessage(message)}\n`;
      io.stdout.write(`${line}\n`);
    }
  };
  print(reply);
  if (reply.followUp) print(await reply.followUp());
  const replyLocale = parseCommandText(text).locale ?? locale;
  if (values.chart) await writeCharts(reply, values.chart, { ...services, defaultLocale: replyLocale }, io);
  return reply.kind === 'answer' ? EXIT.ok : EXIT.userError;
}

function parseAsk(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: false,
    options: {
      json: { type: 'boolean', default: false },
      lang: { type: 'string' },
      user: { type: 'string' },
      channel: { type: 'string' },
      chart: { type: 'string' },
    },
  });
}

async function writeCharts(reply: Reply, path: string, services: CliServices, io: CliIo): Promise<void> {
  const t = messages(services.defaultLocale);
  const charts = reply.charts ?? [];
  const written = await saveCharts(charts, services.charter, (i) => numberedPath(path, i));
  for (const file of written) io.stderr.write(`${t.chartSaved(file)}\n`);
  if (written.length < charts.length || charts.length === 0) io.stderr.write(`${t.chartNone}\n`);
}

/** The scriptable entry point: returns the process exit code. */
export async function runCli(argv: readonly string[], services: CliServices, io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  if (sub === 'ask') return ask(rest, services, io);
  if (sub === 'digest' && rest[0] === 'run') {
    try {
      return await digestRun(rest.slice(1), services.digests, io);
    } catch (error) {
      if (error instanceof UsageError) return misuse(io, error.message);
      throw error;
    }
  }
  return misuse(io, `unknown command: ${sub ?? ''}`);
}
