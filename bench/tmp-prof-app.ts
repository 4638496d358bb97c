import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { BenchSlack } from './fake-slack.js';
import { commandBody, drive } from './load.js';
import { dataDirCopy, freePort, SECRET } from './processes.js';

const slack = await new BenchSlack().start();
const port = await freePort();
const child = spawn(
  process.execPath,
  ['--cpu-prof', '--cpu-prof-dir=/tmp/appprof', '--import', 'tsx', 'src/index.ts'],
  {
    env: {
      PATH: process.env.PATH ?? '',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: `${slack.url}/api/`,
      SLACK_BOT_TOKEN: 'xoxb-b',
      DATA_DIR: dataDirCopy(),
      LOG_LEVEL: 'error',
      SCHEDULER: 'off',
      PORT: String(port),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
const url = `http://127.0.0.1:${port}`;
for (;;) {
  if (
    await fetch(`${url}/healthz`).then(
      () => true,
      () => false,
    )
  )
    break;
  await new Promise((r) => setTimeout(r, 100));
}
const r = await drive(
  `${url}/slack/events`,
  (i) => commandBody('/ai-rank', i % 2 ? 'ceti' : '', `${slack.url}/response/${i}`),
  3000,
  8,
);
console.log('wall', r.wallMs | 0);
await new Promise((r) => setTimeout(r, 1000));
child.kill('SIGINT');
await once(child, 'exit');
await slack.stop();
