import { fileURLToPath } from 'node:url';
import type { CommandServices } from '../../src/commands/execute.js';
import type { CommandContext } from '../../src/core/command.js';
import { type DatasetStore, openDatasetStore } from '../../src/core/dataset/dataset-validation.js';
import type { Locale } from '../../src/core/i18n/locale.js';
import type { LogFields, Logger } from '../../src/core/logger.js';

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

export async function services(overrides: Partial<CommandServices> = {}): Promise<CommandServices> {
  return {
    store: await shippedStore(),
    defaultLocale: 'ko',
    focusCountry: 'KR',
    logger: capturingLogger(),
    ...overrides,
  };
}

export async function commandContext(locale: Locale = 'ko', focusCountry = 'KR'): Promise<CommandContext> {
  return {
    data: (await shippedStore()).current(),
    locale,
    focusCountry,
    timezone: 'Asia/Seoul',
    isAdmin: false,
    now: new Date(),
  };
}
