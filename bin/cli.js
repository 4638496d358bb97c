#!/usr/bin/env node
// The package's bin: the same entry point as `npm run cli`, loading TypeScript through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/index.ts');
