import { commands } from '../src/commands/registry.js';

/** Examples that change state (a language choice, a subscription, an edit, a file) are not timed over and over. */
const CHANGES = /^(?:en|ko|reset|set|add|remove|restore|undo|import|export|subscribe|unsubscribe|now|skip|unskip)\b/;

/**
 * The command texts B2 times: every command in the registry with each example it declares (the same examples
 * /ai-help shows), so a new command is benchmarked as soon as it is registered.
 */
export const COMMAND_VARIANTS: readonly { command: string; text: string }[] = commands.flatMap((c) =>
  c.examples.filter((text) => !CHANGES.test(text)).map((text) => ({ command: c.name, text })),
);
