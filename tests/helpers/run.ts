import { type CommandServices, executeCommand } from '../../src/commands/execute.js';
import type { Reply } from '../../src/core/blocks/reply.js';
import { services } from './services.js';
import { messageText } from './slack-message.js';

/** Runs a slash command line through the same path Slack uses and returns the reply and its text. */
export async function ask(
  line: string,
  overrides: Partial<CommandServices> = {},
): Promise<{ reply: Reply; text: string }> {
  const space = line.indexOf(' ');
  const command = space < 0 ? line : line.slice(0, space);
  const text = space < 0 ? '' : line.slice(space + 1);
  const reply = await executeCommand({ command, text, userId: 'U1', channelId: 'C1' }, await services(overrides));
  if (!reply) throw new Error(`no such command ${command}`);
  return { reply, text: reply.messages.map(messageText).join('\n') };
}
