import { writeFileSync } from 'node:fs';
import { defaultChartFonts, renderChartPng } from '../src/charts/render.js';
import { executeCommand } from '../src/commands/execute.js';
import { services } from '../tests/helpers/services.js';

const s = await services();
const r = await executeCommand({ command: '/ai-rank', text: process.argv[2] ?? 'ceti' }, s);
const spec = r?.charts?.[0];
if (!spec) throw new Error('no chart');
writeFileSync('/tmp/chart1.png', renderChartPng(spec, defaultChartFonts()));
console.log(spec.altText.slice(0, 200));
