import type { KnownBlock } from '@slack/types';
import { context, header, section, sections } from '../core/blocks/blocks.js';
import type { Briefing } from '../core/blocks/reply.js';
import type { Figure, PolicyEvent } from '../core/dataset/dataset-schema.js';
import type { DatasetView } from '../core/dataset/dataset-view.js';
import { escapeMrkdwn } from '../core/escape.js';
import type { Locale } from '../core/i18n/locale.js';
import { messages } from '../core/i18n/messages.js';
import { eventLine, eventSpan } from './digest/digest-sections.js';
import { figureLine, provenanceText, valueText } from './figures.js';

/**
 * `/sovereign-ai`: the national foundation-model programme from its figures and events. Teams come from the
 * selection figure's list of organisations; a team's stage, model and scores from the figures that name it.
 */

const SELECTED = 'sovai_teams_selected';
const ADVANCED = 'sovai_first_eval_result';

interface Team {
  en: string;
  ko: string;
}

function teamsOf(figure: Figure): Team[] {
  const en = figure.entity.en.split(/,\s*/);
  const ko = figure.entity.ko.split(/,\s*/);
  return en.map((name, i) => ({ en: name, ko: ko.length === en.length ? (ko[i] ?? name) : name }));
}

/** Figures about one team: its entity starts with the team's name ("LG AI Research (K-EXAONE)"). */
function teamFigures(view: DatasetView, team: Team): Figure[] {
  return view
    .byCategory('sovereign_ai')
    .filter((f) => f.id !== SELECTED && f.id !== ADVANCED && f.entity.en.startsWith(team.en));
}

/** The model name in parentheses after the team ("K-EXAONE"), if a figure gives one. */
function modelOf(figures: readonly Figure[], locale: Locale): string | null {
  for (const f of figures) {
    const m = /\(([^)]+)\)\s*$/.exec(f.entity[locale]) ?? /\(([^)]+)\)\s*$/.exec(f.entity.en);
    if (m?.[1]) return m[1];
  }
  return null;
}

function teamLines(view: DatasetView, locale: Locale): string[] {
  const t = messages(locale);
  const selected = view.figure(SELECTED);
  if (!selected) return [];
  const advanced = view.figure(ADVANCED);
  const passed = advanced ? teamsOf(advanced).map((x) => x.en) : [];
  const selectedOn = selected.period[locale];
  return teamsOf(selected).map((team) => {
    const figures = teamFigures(view, team);
    const stage = advanced
      ? passed.includes(team.en)
        ? t.sovereignAdvanced(advanced.period[locale])
        : t.sovereignDropped(advanced.period[locale])
      : t.sovereignSelected(selectedOn);
    const model = modelOf(figures, locale);
    const details = figures.map(
      (f) => `${escapeMrkdwn(f.metric[locale])}: ${valueText(f, locale)} · ${provenanceText(f, locale)}`,
    );
    const name = locale === 'ko' ? team.ko : team.en;
    const head = `• *${escapeMrkdwn(name)}*${model ? ` (${t.sovereignModel}: ${escapeMrkdwn(model)})` : ''} — ${escapeMrkdwn(stage)}`;
    return [head, ...details.map((d) => `    ↳ ${d}`)].join('\n');
  });
}

function programmeEvents(view: DatasetView): PolicyEvent[] {
  return [...view.events()]
    .filter((e) => e.figures.some((id) => view.figure(id)?.category === 'sovereign_ai'))
    .sort((a, b) => eventSpan(a.date).start.localeCompare(eventSpan(b.date).start));
}

export function buildSovereign(view: DatasetView, options: { today: string; locale: Locale }): Briefing {
  const { locale, today } = options;
  const t = messages(locale);
  const selected = view.figure(SELECTED);
  if (!selected) return { text: t.sovereignNoData, blocks: [header(t.sovereignTitle), section(t.sovereignNoData)] };
  const events = programmeEvents(view);
  const upcoming = events.filter((e) => eventSpan(e.date).end >= today);
  const past = events.filter((e) => eventSpan(e.date).end < today);
  const shown = new Set([
    SELECTED,
    ADVANCED,
    ...teamsOf(selected).flatMap((team) => teamFigures(view, team).map((f) => f.id)),
  ]);
  const programme = view
    .byCategory('sovereign_ai')
    .filter((f) => !shown.has(f.id))
    .map((f) => figureLine(f.metric[locale], f, locale));
  const advanced = view.figure(ADVANCED);
  const blocks: KnownBlock[] = [
    header(t.sovereignTitle),
    section(`${valueText(selected, locale)} · ${provenanceText(selected, locale)}`),
    ...(advanced
      ? [
          section(
            `${escapeMrkdwn(advanced.metric[locale])}: ${valueText(advanced, locale)} · ${provenanceText(advanced, locale)}`,
          ),
        ]
      : []),
    ...sections([`*${t.sovereignTeams}*`, ...teamLines(view, locale)]),
    ...(upcoming.length > 0
      ? sections([`*${t.sovereignNext}*`, ...upcoming.slice(0, 3).map((e) => eventLine(view, e, locale))])
      : []),
    ...(past.length > 0 ? sections([`*${t.sovereignPast}*`, ...past.map((e) => eventLine(view, e, locale))]) : []),
    ...(programme.length > 0 ? sections([`*${t.sovereignProgramme}*`, ...programme]) : []),
    context(escapeMrkdwn(t.timelineAsOf(today))),
  ];
  return { text: t.sovereignTitle, blocks };
}
