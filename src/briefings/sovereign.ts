import type { KnownBlock } from '@slack/types';
import { header, section, sections } from '../core/blocks/blocks.js';
import type { Briefing } from '../core/blocks/reply.js';
import { eventState } from '../core/dataset/currency.js';
import type { Figure, PolicyEvent } from '../core/dataset/dataset-schema.js';
import type { DatasetView } from '../core/dataset/dataset-view.js';
import { isCurrent } from '../core/dataset/editions.js';
import { escapeMrkdwn } from '../core/escape.js';
import type { Locale } from '../core/i18n/locale.js';
import { messages } from '../core/i18n/messages.js';
import { claimFiguresShown, claimSection } from './claims.js';
import { eventFigures, eventLine, eventSpan } from './digest/digest-sections.js';
import { figureLine, notesBelow, provenanceText, valueText } from './figures.js';

/**
 * `/sovereign-ai`: the national foundation-model programme as it stands. The stage comes from the figure that
 * states it; the teams from the selection, the first evaluation's list and the roster of the stage now running;
 * each team's model and scores from the current figures that name it. Events carry what became of them.
 */

const SELECTED = 'sovai_teams_selected';
const ADVANCED = 'sovai_first_eval_result';
/** How many teams the running stage has, and when the last one joined. */
const STAGE = 'sovai_addteam_motif_KR';
/** The stage's milestone, whose organisations are the teams now competing. */
const ROSTER = 'ms_sovai_eval2_KR';

interface Team {
  en: string;
  ko: string;
}

function teamsOf(figure: Figure | undefined): Team[] {
  if (!figure) return [];
  const en = figure.entity.en.split(/[,;]\s*/);
  const ko = figure.entity.ko.split(/[,;]\s*/);
  return en.map((name, i) => ({ en: name, ko: ko.length === en.length ? (ko[i] ?? name) : name }));
}

const STRUCTURE = new Set([SELECTED, ADVANCED, STAGE, ROSTER]);

/** Current figures about one team: its entity starts with the team's name ("LG AI Research (K-EXAONE)"). */
function teamFigures(view: DatasetView, team: Team): Figure[] {
  return view
    .byCategory('sovereign_ai')
    .filter((f) => !STRUCTURE.has(f.id) && f.entity.en.startsWith(team.en) && isCurrent(view, f));
}

/** The model name in parentheses after the team ("K-EXAONE"), if a figure gives one. */
function modelOf(figures: readonly Figure[], locale: Locale): string | null {
  for (const f of figures) {
    const m = /\(([^)]+)\)\s*$/.exec(f.entity[locale]) ?? /\(([^)]+)\)\s*$/.exec(f.entity.en);
    if (m?.[1]) return m[1];
  }
  return null;
}

/** Every team the programme has had: the roster now running first, then those dropped. */
function allTeams(view: DatasetView): Team[] {
  const roster = teamsOf(view.figure(ROSTER));
  const selected = teamsOf(view.figure(SELECTED));
  const known = new Set(roster.map((t) => t.en));
  return [...roster, ...selected.filter((t) => !known.has(t.en))];
}

function stageOf(view: DatasetView, team: Team, locale: Locale): string {
  const t = messages(locale);
  const selected = teamsOf(view.figure(SELECTED)).some((x) => x.en === team.en);
  const advanced = view.figure(ADVANCED);
  if (!selected) return t.sovereignAdded(view.figure(STAGE)?.period[locale] ?? '');
  if (!advanced) return t.sovereignSelected(view.figure(SELECTED)?.period[locale] ?? '');
  const passed = teamsOf(advanced).some((x) => x.en === team.en);
  return passed ? t.sovereignAdvanced(advanced.period[locale]) : t.sovereignDropped(advanced.period[locale]);
}

function teamLines(view: DatasetView, locale: Locale): { lines: string[]; figures: Figure[] } {
  const t = messages(locale);
  const shown: Figure[] = [];
  const lines = allTeams(view).map((team) => {
    const figures = teamFigures(view, team);
    shown.push(...figures);
    const model = modelOf(figures, locale);
    const details = figures.map(
      (f) =>
        `    ↳ ${escapeMrkdwn(f.metric[locale])}: ${valueText(f, locale)} · ${provenanceText(f, locale)}${notesBelow(f, locale, view)}`,
    );
    const name = locale === 'ko' ? team.ko : team.en;
    const head = `• *${escapeMrkdwn(name)}*${model ? ` (${t.sovereignModel}: ${escapeMrkdwn(model)})` : ''} — ${escapeMrkdwn(stageOf(view, team, locale))}`;
    return [head, ...details].join('\n');
  });
  return { lines, figures: shown };
}

function programmeEvents(view: DatasetView): PolicyEvent[] {
  return [...view.events()]
    .filter((e) => e.figures.some((id) => view.figure(id)?.category === 'sovereign_ai' || id.startsWith('ms_sovai_')))
    .sort((a, b) => eventSpan(a.date).start.localeCompare(eventSpan(b.date).start));
}

/** The stage now running: how many teams, since when, sourced; the figures behind it. */
function stageSection(view: DatasetView, locale: Locale): { text: string; figures: Figure[] } {
  const t = messages(locale);
  const stage = view.figure(STAGE) ?? view.figure(ADVANCED) ?? view.figure(SELECTED);
  if (!stage) return { text: '', figures: [] };
  const line = `*${t.sovereignStage}:* ${valueText(stage, locale)} · ${provenanceText(stage, locale)}${notesBelow(stage, locale, view)}`;
  return { text: line, figures: [stage] };
}

function eventSections(view: DatasetView, today: string, locale: Locale) {
  const t = messages(locale);
  const events = programmeEvents(view);
  // Still to come, or due with no report of what happened: both are "next", never "so far".
  const next = events.filter((e) => ['scheduled', 'overdue'].includes(eventState(e, today)));
  const past = events.filter((e) => !next.includes(e));
  const blocks: KnownBlock[] = [
    ...(next.length > 0
      ? sections([`*${t.sovereignNext}*`, ...next.map((e) => eventLine(view, e, locale, today))])
      : []),
    ...(past.length > 0
      ? sections([`*${t.sovereignPast}*`, ...past.map((e) => eventLine(view, e, locale, today))])
      : []),
  ];
  return { blocks, figures: [...next, ...past].flatMap((e) => eventFigures(view, e)) };
}

export function buildSovereign(view: DatasetView, options: { today: string; locale: Locale }): Briefing {
  const { locale, today } = options;
  const t = messages(locale);
  if (!view.figure(SELECTED)) {
    return { text: t.sovereignNoData, blocks: [header(t.sovereignTitle), section(t.sovereignNoData)] };
  }
  const stage = stageSection(view, locale);
  const teams = teamLines(view, locale);
  const events = eventSections(view, today, locale);
  const used = new Set([...STRUCTURE, ...stage.figures.map((f) => f.id), ...teams.figures.map((f) => f.id)]);
  const programme = view.byCategory('sovereign_ai').filter((f) => !used.has(f.id) && isCurrent(view, f));
  const structure = [...STRUCTURE].flatMap((id) => view.figure(id) ?? []);
  const shown = [...stage.figures, ...teams.figures, ...programme, ...structure, ...events.figures];
  const claims = claimSection(view, shown, locale);
  const blocks: KnownBlock[] = [
    header(t.sovereignTitle),
    section(stage.text),
    ...sections([`*${t.sovereignTeams}*`, ...teams.lines]),
    ...events.blocks,
    ...(programme.length > 0
      ? sections([`*${t.sovereignProgramme}*`, ...programme.map((f) => figureLine(f.metric[locale], f, locale, view))])
      : []),
    ...(claims.length > 0 ? sections(claims) : []),
  ];
  const all = [...shown, ...claimFiguresShown(view, shown)];
  const unique = [...new Map(all.map((f) => [f.id, f])).values()];
  return {
    text: `${t.sovereignTitle}: ${stage.figures[0] ? valueText(stage.figures[0], locale).replace(/\*/g, '') : ''}`,
    blocks,
    figures: unique.filter((f) => isCurrent(view, f)),
    history: unique.filter((f) => !isCurrent(view, f)),
  };
}
