/**
 * B2's measuring process: opens the bot's services on one DATA_DIR exactly as `npm start` does, reports start-up
 * time and resident memory, then times every command variant in process. Prints one JSON object.
 * Usage: tsx bench/core-child.ts <dataDir> <iterations> [DATABASE_URL]
 */
import { executeCommand } from '../src/commands/execute.js';
import { ReplyCache } from '../src/commands/reply-cache.js';
import { loadConfig } from '../src/config.js';
import { openContainer } from '../src/container.js';
import { createLogger } from '../src/core/logger.js';
import { now, summarise } from './stats.js';
import { COMMAND_VARIANTS } from './variants.js';

async function main(): Promise<void> {
  const [dataDir = '', iterations = '200', databaseUrl] = process.argv.slice(2);
  const config = loadConfig(
    { DATA_DIR: dataDir, LOG_LEVEL: 'error', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
    'cli',
  );
  const logger = createLogger({ level: 'error', secrets: [] });
  const started = now();
  const container = await openContainer(config, logger);
  const { services } = container;
  const startupMs = now() - started;
  // Resident memory once start-up's garbage is gone, as a running bot holds it.
  globalThis.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 200));
  globalThis.gc?.();
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  const figures = services.store.current().figureCount;
  const results: Record<string, ReturnType<typeof summarise> & { first: number; cachedP99: number; bytes: number }> =
    {};
  // Timed without the reply cache (what every new question or dataset version costs), then with it.
  const uncached = { ...services, replies: new ReplyCache(0) };
  const time = async (request: Parameters<typeof executeCommand>[0], with_: typeof services, n: number) => {
    const samples: number[] = [];
    for (let i = 0; i < n; i += 1) {
      const t = now();
      await executeCommand(request, with_);
      samples.push(now() - t);
    }
    return summarise(samples);
  };
  for (const variant of Number(iterations) > 0 ? COMMAND_VARIANTS : []) {
    const request = { command: variant.command, text: variant.text, userId: 'U0BENCH', channelId: 'C0BENCH' };
    const t0 = now();
    const first = await executeCommand(request, uncached);
    const firstMs = now() - t0;
    const compute = await time(request, uncached, Number(iterations));
    const cached = await time(request, services, Number(iterations));
    const bytes = JSON.stringify(first?.messages ?? []).length;
    results[`${variant.command} ${variant.text}`.trim()] = { ...compute, first: firstMs, cachedP99: cached.p99, bytes };
  }
  process.stdout.write(`${JSON.stringify({ figures, startupMs, rssMb, commands: results })}\n`);
  await container.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
