import type { EntityOut, EntityRef, EventOut, Extraction } from '../output/schema.js';
import type { MentionInput, SituationInput } from './inputs.js';

/** Test helpers: hand-made extraction records (used by this folder's tests only). */

/** An entity reference. */
export function ref(name: string, country: string | null = null, sector: string | null = null, id = name): EntityRef {
  return { id, name, country, sector };
}

/** An event record; `sentence` is the sentence text, placed at `at`. */
export function ev(p: Omit<Partial<EventOut>, 'sentence'> & { type: string; sentence?: string; at?: number; triggerText?: string }): EventOut {
  const text = p.sentence ?? 'x';
  const at = p.at ?? 0;
  const trig = p.triggerText ?? text.split(' ')[1] ?? text;
  const ts = Math.max(0, text.indexOf(trig));
  return {
    id: p.id ?? `ev${at}`,
    type: p.type,
    mode: p.mode ?? null,
    cameo: null,
    actor: p.actor ?? [],
    recipient: p.recipient ?? [],
    location: p.location ?? null,
    date: p.date ?? null,
    quantities: p.quantities ?? [],
    modality: p.modality ?? 'asserted',
    in_quote: p.in_quote ?? false,
    attribution: p.attribution ?? null,
    trigger: { text: trig, start: at + ts, end: at + ts + trig.length },
    sentence: { start: at, end: at + text.length, text },
  };
}

/** A day-precision date record. */
export function day(value: string, text = value): NonNullable<EventOut['date']> {
  const precision = value.length === 10 ? 'day' : value.length === 7 ? 'month' : 'year';
  return { value, precision, text, start: 0, end: 0 };
}

/** A mention of `event` in document `doc` published on `published`. */
export function mention(event: EventOut, doc: string, published: string | null): MentionInput {
  return { event, document: { id: doc, published, url: `https://news.example/${doc}`, title: doc } };
}

/** A quantity record located in `text` (first occurrence of `shown`). */
export function qty(text: string, shown: string, value: number, of: string | null, approx = false, kind = 'count'): EventOut['quantities'][number] {
  const start = text.indexOf(shown);
  if (start < 0) throw new Error(`"${shown}" not in "${text}"`);
  return { value, approx, of, text: shown, start, end: start + shown.length, kind, qualifier: approx ? 'about' : null };
}

/** An entity whose mentions are the given surface strings, located in `text`. */
export function entity(
  text: string,
  name: string,
  kind: EntityOut['kind'],
  country: string | null,
  sector: string | null,
  shown: string[] = [name],
  attributes: EntityOut['attributes'] = {},
): EntityOut {
  const mentions: EntityOut['mentions'] = [];
  for (const s of shown) {
    let from = 0;
    for (let i = text.indexOf(s, from); i >= 0; i = text.indexOf(s, from)) {
      mentions.push({ start: i, end: i + s.length, text: s, form: 'name' });
      from = i + s.length;
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return { id: normId(name), name, kind, country, sector, role: null, affiliation: null, attributes, mentions };
}

function normId(name: string): string {
  return `ent_${name.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`;
}

/** Sentence spans of a text split at ". " / line ends (good enough for hand-made texts). */
export function sentencesOf(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[^.!?\n]+(?:[.!?]+|$)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const s = m.index + lead;
    const e = m.index + raw.trimEnd().length;
    if (e > s) out.push({ start: s, end: e });
  }
  return out;
}

/** A document for buildSituation: text, its entities, events, dates and quantities. */
export function doc(
  id: string,
  published: string,
  text: string,
  parts: { entities?: EntityOut[]; events?: EventOut[]; dates?: Extraction['dates']; quantities?: Extraction['quantities'] } = {},
): SituationInput {
  const extraction: Extraction = {
    id,
    document: { id, title: id, published, url: `https://news.example/${id}` },
    entities: parts.entities ?? [],
    events: parts.events ?? [],
    dates: parts.dates ?? [],
    quantities: parts.quantities ?? [],
    quotes: [],
    attributions: [],
    sentences: sentencesOf(text),
    diagnostics: [],
  };
  return { extraction, text };
}

/** An event placed on the sentence of `text` that contains `sentencePart`. */
export function evIn(text: string, sentencePart: string, p: Omit<Partial<EventOut>, 'sentence'> & { type: string; triggerText: string }): EventOut {
  const at = text.indexOf(sentencePart);
  if (at < 0) throw new Error(`"${sentencePart}" not in text`);
  const s = sentencesOf(text).find((x) => x.start <= at && at < x.end)!;
  const sentence = text.slice(s.start, s.end);
  const ts = sentence.indexOf(p.triggerText);
  if (ts < 0) throw new Error(`trigger "${p.triggerText}" not in sentence`);
  const e = ev({ ...p, sentence, at: s.start, id: p.id ?? `ev${s.start}_${ts}` });
  return { ...e, trigger: { text: p.triggerText, start: s.start + ts, end: s.start + ts + p.triggerText.length } };
}

/** A date record located in `text`. */
export function dateIn(text: string, shown: string, value: string, precision?: string): Extraction['dates'][number] {
  const start = text.indexOf(shown);
  if (start < 0) throw new Error(`"${shown}" not in text`);
  return { text: shown, start, end: start + shown.length, value, precision: precision ?? (value.length === 10 ? 'day' : value.length === 7 ? 'month' : 'year'), type: 'DATE', mod: null };
}
