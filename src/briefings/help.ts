import { context, header, section } from '../core/blocks/blocks.js';
import type { Briefing } from '../core/blocks/reply.js';
import type { CommandDeclaration } from '../core/command.js';
import { escapeMrkdwn } from '../core/escape.js';
import type { Locale } from '../core/i18n/locale.js';
import { messages } from '../core/i18n/messages.js';

function exampleList(command: CommandDeclaration): string {
  return command.examples.map((e) => `\`${`${command.name} ${e}`.trim()}\``).join('  ');
}

function commandSection(command: CommandDeclaration, locale: Locale): string {
  const t = messages(locale);
  return [
    `*\`${escapeMrkdwn(`${command.name} ${command.usageHint[locale]}`.trim())}\`*`,
    command.description[locale],
    command.examples.length > 0 ? `${t.examples}: ${exampleList(command)}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** `/ai-help`: every command with what it does and examples. */
export function buildHelp(commands: readonly CommandDeclaration[], locale: Locale): Briefing {
  const t = messages(locale);
  return {
    text: t.helpTitle,
    blocks: [
      header(t.helpTitle),
      section(t.helpIntro),
      ...commands.map((c) => section(commandSection(c, locale))),
      context(t.helpLanguage),
    ],
  };
}

/** `help` as the text of a command: that command's usage. */
export function buildCommandHelp(command: CommandDeclaration, locale: Locale): Briefing {
  const t = messages(locale);
  const title = t.helpCommandTitle(command.name);
  return {
    text: title,
    blocks: [header(title), section(commandSection(command, locale)), context(t.helpLanguage, t.helpHint)],
  };
}
