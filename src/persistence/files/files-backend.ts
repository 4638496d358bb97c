import { join } from 'node:path';
import type { Logger } from '../../core/logger.js';
import { MemoryAnswerCache } from '../../llm/answer-cache.js';
import { MemoryUsageMeter } from '../../llm/usage.js';
import { EditableDatasetStore } from './editable-file-store.js';
import { FileDigestLedger } from './ledger-file.js';
import { PendingEdits } from './pending-file.js';
import { FilePreferenceStore } from './preference-file.js';
import { FileSnapshotBlobs } from './snapshot-files.js';
import { FileSubscriptionStore } from './subscription-file.js';

/**
 * Everything kept in DATA_DIR when there is no DATABASE_URL: the dataset with its audit log and backups, previews,
 * preferences and digest state as files, shared with `cli` runs on the same directory under file locks. What only
 * one process needs to remember (LLM usage and answers) stays in its memory.
 */
export async function openFilesBackend(dataDir: string, logger: Logger) {
  const clock = () => new Date();
  return {
    store: await EditableDatasetStore.open(dataDir, { logger }),
    pending: new PendingEdits(dataDir, clock),
    preferences: new FilePreferenceStore(dataDir),
    digestState: {
      subscriptions: new FileSubscriptionStore(dataDir),
      ledger: new FileDigestLedger(dataDir),
      snapshots: new FileSnapshotBlobs(join(dataDir, 'digest-snapshots')),
    },
    usage: new MemoryUsageMeter(),
    answers: new MemoryAnswerCache(),
  };
}
