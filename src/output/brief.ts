import type { Extraction } from './schema.js';

/** A readable summary: events by date with modality and source, people with roles, quotes. */
export function formatBrief(x: Extraction): string {
  const lines: string[] = [];
  const title = x.document.title ? ` — ${x.document.title}` : '';
  lines.push(`${x.id ? `[${x.id}] ` : ''}document ${x.document.id}${title} (published ${x.document.published ?? 'unknown'})`);
  const events = [...x.events].sort((a, b) => (a.date?.value ?? '~').localeCompare(b.date?.value ?? '~') || a.trigger.start - b.trigger.start);
  lines.push(`events (${events.length}):`);
  for (const e of events) {
    const who = (refs: typeof e.actor) => (refs.length ? refs.map((r) => r.name + (r.country ? `/${r.country}` : '')).join(' + ') : '?');
    const parts = [
      `  ${e.date?.value ?? 'undated'}`.padEnd(14),
      `${e.type}${e.mode ? `/${e.mode}` : ''}`.padEnd(20),
      `${who(e.actor)} → ${who(e.recipient)}`,
      `[${e.modality}${e.in_quote ? ', in quote' : ''}]`,
    ];
    if (e.location) parts.push(`at ${e.location.name}`);
    if (e.quantities.length) parts.push(`(${e.quantities.map((q) => `${q.approx ? '~' : ''}${q.value} ${q.of ?? ''}`.trim()).join('; ')})`);
    if (e.attribution) parts.push(`per ${e.attribution.source ?? '?'} (${e.attribution.cue})`);
    parts.push(`«${e.trigger.text}»`);
    lines.push(parts.join(' '));
  }
  const people = x.entities.filter((e) => e.kind === 'person');
  lines.push(`people (${people.length}):`);
  for (const p of people) {
    const bits = [p.country, p.sector].filter(Boolean).join('/');
    lines.push(`  ${p.name}${bits ? ` [${bits}]` : ''}${p.role ? ` — ${p.role}` : ''}${p.affiliation ? `, ${p.affiliation}` : ''}`);
  }
  const orgs = x.entities.filter((e) => e.kind !== 'person');
  lines.push(`other actors and places (${orgs.length}): ${orgs.map((o) => `${o.name}${o.country ? ` [${[o.country, o.sector].filter(Boolean).join('/')}]` : ''}`).join('; ')}`);
  lines.push(`quotes (${x.quotes.length}):`);
  for (const q of x.quotes) lines.push(`  ${q.speaker?.name ?? q.speaker_text ?? 'unknown'}: “${q.text.length > 120 ? `${q.text.slice(0, 117)}…` : q.text}”`);
  if (x.dates.length) lines.push(`dates: ${x.dates.map((d) => `${d.text} = ${d.value}`).join('; ')}`);
  if (x.quantities.length) lines.push(`numbers: ${x.quantities.map((q) => `${q.text} (${q.of ?? '?'})`).join('; ')}`);
  const problems = x.diagnostics.filter((d) => d.severity !== 'info');
  for (const d of problems) lines.push(`${d.severity}: ${d.message}`);
  return lines.join('\n');
}
