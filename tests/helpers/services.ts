import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { digestComposer } from '../../src/briefings/digest/digest-composer.js';
import { defaultChartFonts } from '../../src/charts/chart-render.js';
import { Charter } from '../../src/charts/charter.js';
import type { CommandContext } from '../../src/commands/context.js';
import type { CommandServices } from '../../src/commands/execute.js';
import { ReplyCache } from '../../src/commands/reply-cache.js';
import type { DatasetStore } from '../../src/core/dataset/dataset-validation.js';
import type { Locale } from '../../src/core/i18n/locale.js';
import type { LogFields, Logger } from '../../src/core/logger.js';
import { DataAdmin } from '../../src/data-admin/data-admin.js';
import { createDigestService, type DigestService } from '../../src/digests/digest-service.js';
import { BriefEngine } from '../../src/llm/engine.js';
import { openDatasetStore } from '../../src/persistence/files/dataset-file.js';
import { openFilesBackend } from '../../src/persistence/files/files-backend.js';

export const DATASET_PATH = fileURLToPath(new URL('../../data/dataset.json', import.meta.url));

let shipped: Promise<DatasetStore> | undefined;

/** The committed dataset, loaded through the real store once per test file. */
export function shippedStore(): Promise<DatasetStore> {
  shipped ??= openDatasetStore(DATASET_PATH);
  return shipped;
}

export interface CapturedLog {
  level: string;
  message: string;
  fields?: LogFields;
}

export function capturingLogger(): Logger & { entries: CapturedLog[] } {
  const entries: CapturedLog[] = [];
  const at = (level: string) => (message: string, fields?: LogFields) => {
    entries.push({ level, message, ...(fields ? { fields } : {}) });
  };
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

let backend: ReturnType<typeof openFilesBackend> | undefined;

/**
 * A DATA_DIR of this test file's own, with the real file backend on it (a copy of the shipped dataset): what the
 * services not under test stand on. Tests that edit data or digests build their own harness.
 */
export function scratchBackend(): ReturnType<typeof openFilesBackend> {
  if (!backend) {
    const dir = mkdtempSync(join(tmpdir(), 'apb-services-'));
    copyFileSync(DATASET_PATH, join(dir, 'dataset.json'));
    backend = openFilesBackend(dir, capturingLogger());
  }
  return backend;
}

/** A digest service on the scratch backend, offline (no poster), with the real composer. */
export function offlineDigests(
  store: DatasetStore,
  state: Awaited<ReturnType<typeof openFilesBackend>>['digestState'],
): DigestService {
  return createDigestService({
    state,
    store,
    composer: digestComposer,
    poster: null,
    adminUserIds: [],
    focusCountry: 'KR',
    defaults: { timezone: 'Asia/Seoul', locale: 'ko' },
    logger: capturingLogger(),
  });
}

/** Every service a command may use, real and complete; `overrides` replace the ones a test is about. */
export async function services(overrides: Partial<CommandServices> = {}): Promise<CommandServices> {
  const logger = overrides.logger ?? capturingLogger();
  const scratch = await scratchBackend();
  const store = overrides.store ?? (await shippedStore());
  return {
    store,
    defaultLocale: 'ko',
    focusCountry: 'KR',
    timezone: 'Asia/Seoul',
    logger,
    adminUserIds: [],
    digests: offlineDigests(store, scratch.digestState),
    dataAdmin: new DataAdmin(scratch.store, scratch.pending),
    brief: new BriefEngine(null, logger),
    clock: () => new Date(),
    replies: new ReplyCache(),
    charter: new Charter(defaultChartFonts(), logger),
    preferences: scratch.preferences,
    ...overrides,
  };
}

export async function commandContext(locale: Locale = 'ko', focusCountry = 'KR'): Promise<CommandContext> {
  const all = await services({ focusCountry });
  return {
    data: (await shippedStore()).current(),
    locale,
    focusCountry,
    timezone: 'Asia/Seoul',
    defaultLocale: 'ko',
    isAdmin: false,
    now: new Date(),
    digests: all.digests,
    dataAdmin: all.dataAdmin,
    brief: all.brief,
    preferences: all.preferences,
  };
}
