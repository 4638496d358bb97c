import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Dataset } from '../core/dataset/dataset-schema.js';
import { packagePath } from '../core/package-root.js';
import type { ImportPreview } from './import-file.js';

/** The worker's entry: beside the bundle in dist/, or the TypeScript source under tsx and the tests. */
const WORKER = pathToFileURL(packagePath('dist', 'import-worker.js'));
const WORKER_TS = pathToFileURL(packagePath('src', 'data-admin', 'import-worker.ts'));
/** Reading a capped file takes well under a second; a worker still busy after this is stuck. */
const DEADLINE_MS = 30_000;

/** From TypeScript sources (development, tests) the worker loads its module through tsx, as the process does. */
function startWorker(data: { name: string; content: string; dataset: Dataset }): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(WORKER, { workerData: data });
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER_TS.href)}); })`;
  return new Worker(boot, { eval: true, workerData: data });
}

/**
 * Parses an import file, validates its figures and the dataset they would make, on a worker thread: a large file
 * costs the admin who sent it a moment and every other user nothing, since the event loop keeps answering.
 */
export function previewImportOffThread(name: string, content: string, dataset: Dataset): Promise<ImportPreview> {
  return new Promise((resolve, reject) => {
    const worker = startWorker({ name, content, dataset });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error('import file took too long to read'));
    }, DEADLINE_MS);
    worker.once('message', (result: ImportPreview) => {
      clearTimeout(timer);
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
