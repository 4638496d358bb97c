import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localSurface } from '../../src/adapters/console/local-surface.js';
import { executeCommand } from '../../src/commands/execute.js';
import { DataAdmin, type Surface } from '../../src/data-admin/data-admin.js';
import { EditableDatasetStore } from '../../src/persistence/files/editable-file-store.js';
import { PendingEdits } from '../../src/persistence/files/pending-file.js';
import { FilePreferenceStore } from '../../src/persistence/files/preference-file.js';
import type { Database } from '../../src/persistence/pg/database.js';
import { PgDatasetStore, PgPendingEdits } from '../../src/persistence/pg/dataset-table.js';
import { PgPreferenceStore } from '../../src/persistence/pg/preference-table.js';
import { services as baseServices, capturingLogger, DATASET_PATH } from './services.js';
import { messageText } from './slack-message.js';

export const DATA_ADMINS = ['U0ADMIN1', 'U0ADMIN2'];

/** An editable dataset on a fresh DATA_DIR, driven through executeCommand as every transport does. */
export async function dataHarness(
  options: { dataDir?: string; interactive?: boolean; admins?: string[]; database?: Database } = {},
) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'apb-data-'));
  if (!options.dataDir) copyFileSync(DATASET_PATH, join(dataDir, 'dataset.json'));
  const logger = capturingLogger();
  const db = options.database;
  const store = db
    ? await PgDatasetStore.open(db, DATASET_PATH, { logger })
    : await EditableDatasetStore.open(dataDir, { logger });
  const dataAdmin = new DataAdmin(
    store,
    db ? new PgPendingEdits(db, () => new Date()) : new PendingEdits(dataDir, () => new Date()),
  );
  /** The dataset as stored (file bytes, or the database's head row), to check an edit changed nothing. */
  const stored = async (): Promise<string> =>
    db
      ? ((await db.query<{ data: string }>('SELECT data FROM dataset_head')).rows[0]?.data ?? '')
      : readFileSync(join(dataDir, 'dataset.json'), 'utf8');
  /** A kept earlier version, as stored. */
  const backup = async (version: number): Promise<string> =>
    db
      ? ((await db.query<{ data: string }>('SELECT data FROM dataset_versions WHERE version = $1', [version])).rows[0]
          ?.data ?? '')
      : readFileSync(join(dataDir, 'backups', `dataset-v${String(version).padStart(6, '0')}.json`), 'utf8');
  const local = localSurface(join(dataDir, 'exports'), 'ko');
  const surface: Surface = options.interactive ? { ...local, interactive: true } : local;
  const services = await baseServices({
    store,
    logger,
    adminUserIds: options.admins ?? DATA_ADMINS,
    dataAdmin,
    preferences: db ? new PgPreferenceStore(db) : new FilePreferenceStore(dataDir),
  });
  const run = async (line: string, userId = 'U0ADMIN1') => {
    const space = line.indexOf(' ');
    const command = space < 0 ? line : line.slice(0, space);
    const text = space < 0 ? '' : line.slice(space + 1);
    const reply = await executeCommand({ command, text, userId, channelId: 'C0DATA', surface }, services);
    if (!reply) throw new Error(`no such command ${command}`);
    return { reply, text: reply.messages.map(messageText).join('\n') };
  };
  return { dataDir, store, dataAdmin, logger, run, stored, backup, services, path: join(dataDir, 'dataset.json') };
}

/** The change id carried by the Confirm button of a preview. */
export function confirmId(reply: { messages: { blocks: unknown[] }[] }): string {
  for (const message of reply.messages) {
    for (const block of message.blocks as { type: string; elements?: { action_id?: string; value?: string }[] }[]) {
      const button = block.elements?.find((e) => e.action_id === 'data_confirm');
      if (button?.value) return button.value;
    }
  }
  throw new Error('no Confirm button');
}
