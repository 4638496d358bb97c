import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { openServices } from '../src/services.js';

const mb = () => {
  const m = process.memoryUsage();
  return `rss ${(m.rss / 2 ** 20) | 0} heap ${(m.heapUsed / 2 ** 20) | 0} total ${(m.heapTotal / 2 ** 20) | 0} ext ${(m.external / 2 ** 20) | 0}`;
};
console.log('start', mb());
const t = performance.now();
const s = await openServices(
  loadConfig({ DATA_DIR: '/tmp/bd100000', LOG_LEVEL: 'error' }, 'cli'),
  createLogger({ level: 'error', secrets: [] }),
);
console.log('open', (performance.now() - t) | 0, mb());
globalThis.gc?.();
console.log('gc1', mb());
await new Promise((r) => setTimeout(r, 100));
globalThis.gc?.();
globalThis.gc?.();
console.log('gc3', mb(), s.store.current().figureCount);
