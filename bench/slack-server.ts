/**
 * The benchmarks' fake Slack as its own process, so that Slack's side of the traffic does not share a CPU with
 * the load generator. Options come as JSON in argv[2]; prints its URL; `GET /stats` returns what it saw.
 */
import { BenchSlack, type FakeSlackOptions } from './fake-slack.js';

const options = JSON.parse(process.argv[2] ?? '{}') as FakeSlackOptions;
const slack = await new BenchSlack(options).start();
process.stdout.write(`${slack.url}\n`);
process.on('SIGTERM', () => void slack.stop().then(() => process.exit(0)));
