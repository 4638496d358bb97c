/**
 * B1's baseline: a bare Bolt app with the same Bolt version and HTTP receiver as the bot, acknowledging every
 * slash command with a fixed string and doing nothing else. Env: SLACK_SIGNING_SECRET, SLACK_API_URL, PORT.
 */
import { App, LogLevel } from '@slack/bolt';

const app = new App({
  token: 'xoxb-bench-bare',
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  port: Number(process.env.PORT),
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? '' },
  logLevel: LogLevel.ERROR,
});
app.command(/.*/, async ({ ack }) => {
  await ack('ok');
});
await app.start();
process.stdout.write('ready\n');
