import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { manifestCommands, readmeCommandTable, spliceBlock } from '../../scripts/registry-text.js';
import { commands } from '../../src/commands/registry.js';

interface SlashCommand {
  command: string;
  description: string;
  usage_hint?: string;
  should_escape?: boolean;
}

const manifest = parse(readFileSync(fileURLToPath(new URL('../../manifest.yml', import.meta.url)), 'utf8'));
const slash: SlashCommand[] = manifest.features.slash_commands;

describe('manifest.yml', () => {
  it('lists exactly the commands in the registry, in order, with their Korean descriptions and hints', () => {
    expect(slash.map((c) => c.command)).toEqual(commands.map((c) => c.name));
    for (const command of commands) {
      const entry = slash.find((c) => c.command === command.name);
      expect(entry?.description).toBe(command.description.ko);
      expect(entry?.usage_hint ?? '').toBe(command.usageHint.ko);
      expect(entry?.should_escape).toBe(false);
    }
  });

  it("stays within Slack's manifest limits", () => {
    const info = manifest.display_information;
    expect(info.name.length).toBeLessThanOrEqual(35);
    expect(info.description.length).toBeLessThanOrEqual(140);
    expect(info.long_description.length).toBeGreaterThanOrEqual(175);
    expect(info.long_description.length).toBeLessThanOrEqual(4000);
    expect(info.background_color).toMatch(/^#[0-9a-fA-F]{6}$/);
    expect(manifest.features.bot_user.display_name.length).toBeLessThanOrEqual(80);
    expect(slash.length).toBeLessThanOrEqual(50);
    for (const c of slash) {
      expect(c.command).toMatch(/^\/[a-z0-9_-]{1,31}$/);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(2000);
      expect((c.usage_hint ?? '').length).toBeLessThanOrEqual(1000);
    }
  });

  it('asks only for the scopes the bot uses, and enables interactivity and Socket Mode', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual([
      'commands',
      'chat:write',
      'chat:write.public',
      'channels:history',
      'groups:history',
      'files:write',
      'files:read',
      'assistant:write',
      'im:history',
      'channels:read',
      'groups:read',
    ]);
    // users.info for ADMIN_WORKSPACE_ADMINS=on: optional, so an install without it still works.
    expect(manifest.oauth_config.scopes.bot_optional).toEqual(['users:read']);
    expect(manifest.oauth_config.scopes.bot).not.toContain('users:read');
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([
      'assistant_thread_started',
      'assistant_thread_context_changed',
      'message.im',
      'app_home_opened',
    ]);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.assistant_view.assistant_description.length).toBeLessThanOrEqual(200);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('carries what the registry decides, written by npm run sync: nothing is kept in step by hand', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const manifestText = readFileSync(`${root}manifest.yml`, 'utf8');
    const readme = readFileSync(`${root}README.md`, 'utf8');
    expect(manifestCommands(manifestText), 'manifest.yml is out of step: run npm run sync').toBe(manifestText);
    expect(spliceBlock(readme, 'commands', readmeCommandTable()), 'README.md is out of step: run npm run sync').toBe(
      readme,
    );
  });
});
