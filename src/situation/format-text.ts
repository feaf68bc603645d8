import type { Captive, ExchangeGroup, Situation, SourceRef, StatusChange } from './schema.js';

function list(xs: readonly string[]): string {
  return xs.length === 0 ? '—' : xs.join(', ');
}

function group(g: ExchangeGroup): string {
  const n = g.count === null ? '?' : `${g.approx ? '~' : ''}${g.count.toLocaleString('en-US')}`;
  return `${n} ${g.who ?? 'people'}`;
}

function history(h: readonly StatusChange[]): string {
  if (h.length <= 1) return '';
  return ` (${h.map((c) => `${c.status}${c.published ? ` ${c.published}` : ''}`).join(' → ')})`;
}

function sources(ss: readonly SourceRef[]): string {
  const docs = [...new Set(ss.map((s) => s.url ?? s.title ?? s.document))];
  return docs.length === 0 ? '' : `\n      sources: ${docs.slice(0, 5).join(', ')}${docs.length > 5 ? ` (+${docs.length - 5})` : ''}`;
}

function captive(c: Captive): string {
  const who = c.name ?? `${c.count ?? '?'} ${c.who ?? 'captives'}`;
  const facts = [
    c.nationality,
    c.age !== null ? `age ${c.age}` : null,
    c.status + history(c.history),
    c.alive === true ? 'alive' : c.alive === false ? 'not alive' : null,
    c.last_seen ? `last seen ${c.last_seen}` : null,
    c.declared_by ? `declared by ${c.declared_by}` : null,
    c.held_by ? `held by ${c.held_by}` : null,
    c.of_group ? `of ${c.of_group}` : null,
    c.expected_release ? `release expected ${c.expected_release}` : null,
    typeof c.remains_returned === 'string' ? `remains returned ${c.remains_returned}` : c.remains_returned === false ? 'remains not returned' : null,
  ].filter((x) => x !== null);
  return `  - ${who}: ${facts.join('; ')}${sources(c.sources)}`;
}

/** Renders the situation as plain text for `parley situation --format text`. */
export function formatSituationText(s: Situation): string {
  const out: string[] = [];
  const span = s.first_published ? ` (${s.first_published}${s.last_published && s.last_published !== s.first_published ? ` – ${s.last_published}` : ''})` : '';
  out.push(`Situation from ${s.documents} document${s.documents === 1 ? '' : 's'}${span}`);
  out.push('', `Negotiations (${s.negotiations.length})`);
  for (const n of s.negotiations) {
    const via = n.channel === 'mediated' ? `mediated by ${list(n.mediators)}` : 'direct';
    out.push(`  - ${list(n.parties)}: ${via}; ${n.status}${history(n.history)}${n.disputed ? '; disputed' : ''}`);
    const details = [
      n.where ? `where: ${n.where}` : null,
      n.led_by ? `led by: ${n.leads.map((l) => (l.side ? `${l.name} (${l.side})` : l.name)).join(', ')}` : null,
      n.subject ? `subject: ${n.subject}` : null,
      n.involved.length > 0 ? `also involved: ${list(n.involved)}` : null,
      n.first_seen ? `seen: ${n.first_seen}${n.last_seen && n.last_seen !== n.first_seen ? ` – ${n.last_seen}` : ''}` : null,
    ].filter((x) => x !== null);
    for (const d of details) out.push(`      ${d}`);
    if (n.sources.length > 0) out.push(sources(n.sources).slice(1));
  }
  out.push('', `Agreements (${s.agreements.length})`);
  for (const a of s.agreements) {
    const facts = [
      a.status.replace('_', ' '),
      a.in_force_since ? `since ${a.in_force_since}` : null,
      a.phase !== null ? `phase ${a.phase}` : null,
      a.next.length > 0 ? `next: ${a.next.join(' or ')}` : null,
      a.announced ? `announced ${a.announced}` : null,
      a.starts && !a.in_force_since ? `starts ${a.starts}` : null,
      a.phase_length_days ? `phases of ${a.phase_length_days} days` : null,
      a.phase_ended ? `phase ended ${a.phase_ended}` : null,
      a.postponed_by ? `release put off by ${a.postponed_by}` : null,
      a.next_release_due ? `next release due ${a.next_release_due}` : null,
      a.schedule && a.schedule.length > 0 ? `schedule: ${a.schedule.map((x) => `${x.count} on ${x.date}`).join(', ')}` : null,
    ].filter((x) => x !== null);
    out.push(`  - ${a.name} (${list(a.parties)}): ${facts.join('; ')}${sources(a.sources)}`);
  }
  out.push('', `Exchanges (${s.exchanges.length})`);
  for (const x of s.exchanges) {
    const back = x.in_return ? ` in return for ${group(x.in_return)}` : '';
    const via = x.mediators && x.mediators.length > 0 ? `; mediated by ${list(x.mediators)}` : '';
    out.push(`  - ${x.planned ? '(planned) ' : ''}${x.released_by ?? 'unknown side'} released ${x.released.map(group).join(' and ')}${back}${x.date ? ` (${x.date})` : ''}${via}${sources(x.sources)}`);
  }
  out.push('', `Captives (${s.captives.length})`);
  for (const c of s.captives) out.push(captive(c));
  return `${out.join('\n')}\n`;
}
