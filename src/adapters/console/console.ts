import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { saveCharts } from '../../charts/chart-files.js';
import { type CommandServices, executeCommand } from '../../commands/execute.js';
import { messages } from '../../core/i18n/messages.js';
import type { Surface } from '../../data-admin/data-admin.js';
import { renderMessage } from './render-text.js';

export interface ConsoleOptions {
  input?: Readable;
  output?: Writable;
  userId?: string;
  channelId?: string;
  surface?: Surface;
  /** Where the console saves the charts of its replies. */
  chartDir?: string;
}

const BANNER = {
  ko: 'AI Policy Brief 로컬 콘솔 — Slack 토큰 없이 같은 명령을 실행합니다. /ai-help 로 시작하고, exit 로 끝냅니다.',
  en: 'AI Policy Brief local console — the same commands without Slack. Start with /ai-help; type exit to quit.',
};

const NOT_A_COMMAND = {
  ko: (line: string) => `‘${line}’은(는) 명령이 아닙니다. 명령은 /로 시작합니다 (/ai-help).`,
  en: (line: string) => `“${line}” is not a command. Commands start with / (try /ai-help).`,
};

/** Splits "/ai-rank ceti 2025" into the command and its text. */
export function splitCommandLine(line: string): { command: string; text: string } {
  const trimmed = line.trim();
  const space = trimmed.search(/\s/);
  return space < 0
    ? { command: trimmed, text: '' }
    : { command: trimmed.slice(0, space), text: trimmed.slice(space + 1) };
}

/** Runs one console line: what to print now, and (for /ai-brief) what to print when the summary arrives. */
export async function consoleAnswer(
  line: string,
  services: CommandServices,
  who: { userId: string; channelId: string; surface?: Surface },
  chartDir?: string,
): Promise<{ now: string; later?: Promise<string> }> {
  const { command, text } = splitCommandLine(line);
  const reply = command.startsWith('/')
    ? await executeCommand({ command: command.toLowerCase(), text, ...who }, services)
    : undefined;
  if (!reply) return { now: NOT_A_COMMAND[services.defaultLocale](line.trim().slice(0, 60)) };
  const saved =
    reply.charts && chartDir
      ? await saveCharts(reply.charts, services.charter, (i) => join(chartDir, `chart-${Date.now()}-${i + 1}.png`))
      : [];
  const t = messages(services.defaultLocale);
  const now = [...reply.messages.map(renderMessage), ...saved.map((p) => t.chartSaved(p))].join('\n\n');
  if (!reply.followUp) return { now };
  return { now, later: reply.followUp().then((next) => next.messages.map(renderMessage).join('\n\n')) };
}

/** The bot without Slack: type a slash command, read the answer as text. Ends on `exit` or end of input. */
export async function runConsole(services: CommandServices, options: ConsoleOptions = {}): Promise<void> {
  const output = options.output ?? process.stdout;
  const who = {
    userId: options.userId ?? 'UCONSOLE',
    channelId: options.channelId ?? 'CCONSOLE',
    ...(options.surface ? { surface: options.surface } : {}),
  };
  const rl = createInterface({ input: options.input ?? process.stdin, output, terminal: false });
  output.write(`${BANNER[services.defaultLocale]}\n> `);
  // One line at a time, in order, even when input is piped in faster than answers are ready.
  for await (const line of rl) {
    const trimmed = line.trim();
    if (['exit', 'quit', '.exit', ':q'].includes(trimmed)) break;
    if (trimmed) {
      const answer = await consoleAnswer(trimmed, services, who, options.chartDir);
      output.write(`${answer.now}\n\n`);
      if (answer.later) output.write(`${await answer.later}\n\n`);
    }
    output.write('> ');
  }
  rl.close();
  output.write('\n');
}
