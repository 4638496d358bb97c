import { parentPort, workerData } from 'node:worker_threads';
import type { Dataset } from '../core/dataset/dataset-schema.js';
import { previewImport } from './import-file.js';

/** Reads one import file and checks it against the dataset on a worker thread (see off-thread.ts). */
const { name, content, dataset } = workerData as { name: string; content: string; dataset: Dataset };
parentPort?.postMessage(previewImport(name, content, dataset));
