import { aiBrief } from './ai-brief.js';
import { aiCompare } from './ai-compare.js';
import { aiData } from './ai-data.js';
import { aiDigest } from './ai-digest.js';
import { createAiHelp } from './ai-help.js';
import { aiInvest } from './ai-invest.js';
import { aiLang } from './ai-lang.js';
import { aiRank } from './ai-rank.js';
import { aiTimeline } from './ai-timeline.js';
import type { Command } from './context.js';
import { sovereignAi } from './sovereign-ai.js';
import { talentGap } from './talent-gap.js';

/** Every slash command, in the order help lists them. manifest.yml must list the same (a test checks). */
export const commands: readonly Command[] = [
  aiRank,
  talentGap,
  aiInvest,
  aiCompare,
  sovereignAi,
  aiTimeline,
  aiBrief,
  aiDigest,
  aiData,
  aiLang,
  createAiHelp(() => commands),
];

export function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.name === name);
}

/** The read-only briefing commands (shareable, not help): what the App Home points people to. */
export function briefingCommands(): string[] {
  return commands.filter((c) => c.shareable && c.name !== '/ai-help').map((c) => c.name);
}
