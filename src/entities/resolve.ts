import type { Entity, EntityKind, Mention, MentionForm, Span, Token } from '../core/index.js';
import type { Candidate } from './candidates.js';
import { locativeGoverned, sectorOfRole, surface } from './candidates.js';
import { activeAt, roleAt, type EntityLexicon, type GazRef, type PersonActor } from './lexicon.js';

const STAGE = 'entities';
const STATE_SECTORS = new Set(['GOV', 'MIL', 'SPY', 'LEG', 'JUD', 'COP']);

/** An entity while the document is being read. */
interface Builder {
  key: string;
  kind: EntityKind;
  name: string;
  country: string | null;
  sector: string | null;
  role: string | null;
  affiliation: string | null;
  attributes: Record<string, string | number | boolean | null>;
  gender: 'm' | 'f' | null;
  actor: PersonActor | null;
  nonState: boolean;
  plural: boolean;
  mentions: { span: Span; form: MentionForm; label: EntityKind; rule: string }[];
  /** Evidence decided by the text (titles, appositives) beats nothing but the dictionary. */
  textRole: boolean;
}

/** Options of the decision step. */
export interface ResolveOptions {
  /** Publication date (YYYY-MM-DD) used to pick dictionary roles. */
  readonly date: string | null;
  readonly version: string;
}

const SAY = /^(said|says|say|told|tells|added|stated|noted|asked|warned|explained|argued|wrote|according)$/;
const HOSTAGE_WORDS = /^(hostage|hostages|captive|captives|captivity|abducted|kidnapped)$/;

/** Decides the entity of every candidate (dictionary, names, coreference) and builds the layers. */
export function resolveEntities(text: string, tokens: readonly Token[], candidates: readonly Candidate[], lex: EntityLexicon, opts: ResolveOptions): { mentions: Mention[]; entities: Entity[] } {
  const byKey = new Map<string, Builder>();
  const order: Builder[] = [];
  const surnames = new Map<string, Builder>();
  /** Recent mentions for coreference: [builder, token index, sentence]. */
  const recent: { b: Builder; at: number; end: number; sentence: number; form: MentionForm }[] = [];
  const date = opts.date;
  let anon = 0;

  const get = (key: string, init: () => Omit<Builder, 'key' | 'mentions' | 'attributes' | 'textRole' | 'gender' | 'actor' | 'nonState' | 'plural'> & Partial<Builder>): Builder => {
    let b = byKey.get(key);
    if (!b) {
      b = { key, mentions: [], attributes: {}, textRole: false, gender: null, actor: null, nonState: false, plural: false, ...init() };
      byKey.set(key, b);
      order.push(b);
    }
    return b;
  };
  const add = (b: Builder, c: Candidate, form: MentionForm = c.form, label: EntityKind = b.kind) => {
    let start = tokens[c.tokenStart]!.start;
    let end = tokens[c.tokenEnd - 1]!.end;
    // Possessive of a person name stays in the mention: "Trump’s".
    const nx = tokens[c.tokenEnd];
    if (b.kind === 'person' && form === 'name' && nx && /^['’]s?$/.test(nx.text) && nx.start === end) end = nx.end;
    if (start > end) start = end;
    b.mentions.push({ span: { start, end }, form, label, rule: c.rule });
    if ((b.kind === 'organization' || b.kind === 'group') && !orgByEnd.has(end)) orgByEnd.set(end, b);
    if (b.kind === 'place' || b.kind === 'country') placeEnds.add(end);
    recent.push({ b, at: c.tokenStart, end: c.tokenEnd, sentence: c.sentence, form });
  };

  const fromRef = (ref: GazRef, c: Candidate): Builder => {
    switch (ref.type) {
      case 'country':
      case 'demonym':
        return get(`c:${ref.code}`, () => ({ kind: 'country', name: ref.name, country: ref.code, sector: null, role: null, affiliation: null }));
      case 'identity':
        return get(`g:${ref.name}`, () => ({ kind: 'group', name: ref.name, country: null, sector: null, role: null, affiliation: null }));
      case 'place':
        return get(`p:${ref.name.toLowerCase()}`, () => ({ kind: 'place', name: ref.name, country: ref.country, sector: null, role: null, affiliation: null }));
      case 'org':
        return get(`a:${ref.actor.id}`, () => ({
          kind: ref.actor.kind,
          name: ref.actor.name,
          country: ref.actor.country,
          sector: ref.actor.sector,
          role: null,
          affiliation: null,
          nonState: ref.actor.group_type !== undefined || !['GOV', 'MIL', 'LEG', 'JUD', 'COP', 'SPY'].includes(ref.actor.sector ?? ''),
          attributes: { actorId: ref.actor.id, ...(ref.actor.note ? { note: ref.actor.note } : {}) },
        }));
      case 'person': {
        const p = ref.actor;
        const r = roleAt(p, date);
        const b = get(`a:${p.id}`, () => ({
          kind: 'person',
          name: p.name,
          country: r.country,
          sector: r.sector,
          role: r.role,
          affiliation: r.affiliation ?? null,
          gender: p.gender,
          actor: p,
          attributes: { actorId: p.id },
        }));
        indexSurnames(b, p.name);
        void c;
        return b;
      }
    }
  };
  const indexSurnames = (b: Builder, name: string) => {
    const parts = name.split(/\s+/).filter((w) => /^[A-Z]/.test(w) || /^(al|el)-/.test(w));
    const last = parts[parts.length - 1];
    if (last && parts.length >= 2) {
      surnames.set(last, b);
      const bare = last.replace(/^(al|el|Al|El)-/, '');
      if (bare !== last) surnames.set(bare, b);
    }
    if (parts.length >= 2 && !b.gender) b.gender = lex.gender.get(parts[0]!) ?? null;
  };

  const findAntecedent = (c: Candidate, pred: (b: Builder) => boolean, maxSentences: number): Builder | null => {
    // Bounded look-back keeps a huge sentence linear.
    for (let k = recent.length - 1; k >= 0 && recent.length - k <= 60; k--) {
      const r = recent[k]!;
      if (c.sentence - r.sentence > maxSentences) break;
      if (r.at >= c.tokenStart) continue;
      if (pred(r.b)) return r.b;
    }
    return null;
  };

  const quotedFirstPerson: Candidate[] = [];
  /** Organisations and groups by the end offset of a mention (for "Name (ACRONYM)"). */
  const orgByEnd = new Map<number, Builder>();
  /** End offsets of place and country mentions, for names listed with them ("Aleppo and Daraya"). */
  const placeEnds = new Set<number>();
  const docAcronyms = new Map<string, Builder>();
  for (const c of candidates) {
    const prevTok = c.tokenStart > 0 ? tokens[c.tokenStart - 1]! : null;
    const nextTok = tokens[c.tokenEnd] ?? null;
    // --- dictionary and gazetteer references
    if (c.ref && c.ref.type === 'person' && c.form !== 'description') {
      const p = c.ref.actor;
      // A bare surname shared with someone already named in this article is that person.
      const local = c.tokenEnd - c.nameStart === 1 ? surnames.get(tokens[c.nameStart]!.text) : undefined;
      if (local && local.actor !== p) {
        applyTitle(local, c);
        add(local, c, 'name');
        continue;
      }
      const known = byKey.has(`a:${p.id}`);
      // "Mrs. Clinton" is not the dictionary's Bill Clinton.
      const hon = c.nameStart > c.tokenStart ? tokens[c.nameStart - 1]!.text.replace(/\.$/, '') : '';
      const honGender = /^(Mrs|Ms|Miss|Madam|Dame|Lady)$/.test(hon) ? 'f' : /^(Mr|Sir|Lord)$/.test(hon) ? 'm' : null;
      if (honGender && p.gender && honGender !== p.gender) {
        handleUnknownName(c);
        continue;
      }
      if (c.ref.weak && !known && !c.role && !activeAt(p, date)) {
        handleUnknownName(c);
        continue;
      }
      if (c.ref.weak && !known && !c.role && date === null) {
        handleUnknownName(c);
        continue;
      }
      const b = fromRef(c.ref, c);
      applyTitle(b, c);
      add(b, c, 'name');
      continue;
    }
    if (c.rule === 'person-administration' && c.person) {
      const b = fromRef(c.person, c);
      add(b, c, 'description', 'organization');
      continue;
    }
    // A city that shares a surname already seen ("Dayton") is that person.
    if (c.ref && c.ref.type === 'place' && c.ref.city && c.tokenEnd - c.tokenStart === 1) {
      const p = surnames.get(tokens[c.tokenStart]!.text);
      if (p) {
        add(p, c, 'name');
        continue;
      }
    }
    if (c.ref && c.ref.type === 'place' && c.agentive && lex.capitals.has(c.ref.name)) {
      const code = lex.capitals.get(c.ref.name)!;
      const b = get(`c:${code}`, () => ({ kind: 'country', name: lex.countries.get(code) ?? code, country: code, sector: null, role: null, affiliation: null }));
      add(b, c, 'name', 'organization');
      continue;
    }
    // "Palestinians protested": a plural demonym used as a noun is a group of people of that country.
    if (c.ref && c.ref.type === 'demonym' && isPluralDemonymNoun(c)) {
      const code = c.ref.code;
      const word = tokens[c.tokenEnd - 1]!.text;
      const b = get(`grp:${code}:${word.toLowerCase()}`, () => ({ kind: 'group', name: word, country: code, sector: 'CVL', role: null, affiliation: null, plural: true }));
      add(b, c, 'description', 'group');
      continue;
    }
    if (c.ref && c.form !== 'description' && c.rule !== 'title-name') {
      const b = fromRef(c.ref, c);
      const label: EntityKind = c.ref.type === 'country' && c.agentive ? 'organization' : b.kind;
      add(b, c, c.form, label);
      continue;
    }
    if (c.ref && c.rule === 'org-description') {
      const b = fromRef(c.ref, c);
      add(b, c, 'description');
      continue;
    }
    switch (c.rule) {
      case 'title-name':
      case 'unknown-name':
        handleUnknownName(c);
        break;
      case 'org-head': {
        const b = get(`o:${c.name!.toLowerCase()}`, () => ({ kind: 'organization', name: c.name!, country: c.country, sector: c.sector, role: null, affiliation: null }));
        add(b, c, 'name');
        break;
      }
      case 'place-head': {
        const b = get(`p:${c.name!.toLowerCase()}`, () => ({ kind: 'place', name: c.name!, country: c.country, sector: null, role: null, affiliation: null }));
        add(b, c, 'name');
        break;
      }
      case 'country-description': {
        const idName = c.org && c.org.type === 'identity' ? c.org.name : null;
        const b = get(`d:${c.country ?? idName}:${c.sector}`, () => ({ kind: c.kind, name: c.name!, country: c.country, sector: c.sector, role: null, affiliation: null, plural: true }));
        add(b, c, 'description');
        break;
      }
      case 'group-description':
      case 'definite-description': {
        if (!/^(the|this|that|these|those)$/.test(tokens[c.tokenStart]!.norm)) break;
        const appositive = prevTok?.text === ',' ? findAntecedent(c, (b) => b.kind === 'organization' || b.kind === 'group', 0) : null;
        const want = c.coref!;
        const b =
          (appositive && recent[recent.length - 1]?.b === appositive ? appositive : null) ??
          findAntecedent(
            c,
            (b) =>
              (b.kind === 'organization' || b.kind === 'group') &&
              (!want.nonState || b.nonState) &&
              (c.country === null || b.country === c.country) &&
              (c.sector === null || b.sector === c.sector || (want.type === 'organization' && b.sector === null)) &&
              // "the coalition" needs a coalition; "the group" / "the organization" take any group.
              (want.type === 'group' || (want.head !== null && b.name.toLowerCase().includes(want.head))),
            3,
          );
        if (b) add(b, c, 'description');
        else if (c.rule === 'definite-description' && c.sector) {
          const g = get(`grp:null:${(c.name ?? '').toLowerCase()}`, () => ({ kind: 'group', name: c.name ?? '', country: null, sector: c.sector, role: null, affiliation: null }));
          add(g, c, 'description');
        }
        break;
      }
      case 'title-only':
      case 'role-description': {
        const head = c.coref?.head ?? null;
        // Appositive right after a person: "Jane Roe, a former envoy, ..." is that person.
        const before = recent[recent.length - 1];
        let detFirst = /^(the|a|an)$/.test(tokens[c.tokenStart]!.norm) ? 0 : prevTok && /^(the|a|an)$/.test(prevTok.norm) ? 1 : 0;
        // skip a bare age: "Mohammed Hassan, 34, a father of three"
        if (tokens[c.tokenStart - 1 - detFirst]?.text === ',' && tokens[c.tokenStart - 2 - detFirst]?.pos === 'NUM' && tokens[c.tokenStart - 3 - detFirst]?.text === ',') detFirst += 2;
        const commaTok = tokens[c.tokenStart - 1 - detFirst];
        // A predicate ("X was a commander", "believed to be the last citizen") describes the subject.
        const cop = tokens[c.tokenStart - 1 - detFirst];
        if (cop && /^(be|is|was|are|were|been|being|become|became|remains|remained)$/.test(cop.norm)) {
          const subj = findAntecedent(c, (x) => x.kind === 'person' && x.key[0] !== 'r', 0);
          if (subj) {
            applyTitle(subj, c);
            add(subj, c, 'description');
          }
          break;
        }
        if (commaTok?.text === ',' && before && before.b.kind === 'person' && before.b.key[0] !== 'r' && c.tokenStart - before.at <= 8 && before.b.mentions[before.b.mentions.length - 1]!.span.end === tokens[c.tokenStart - 2 - detFirst]?.end) {
          applyTitle(before.b, c);
          add(before.b, c, 'description');
          break;
        }
        // Appositive after a person: "Jonathan Smith, the group's spokesman" is handled with the name.
        let b = head
          ? findAntecedent(c, (x) => x.kind === 'person' && x.role !== null && x.role.toLowerCase().includes(head) && (c.country === null || x.country === c.country), 6)
          : null;
        if (!b && head && date) b = dictionaryPersonByRole(head, c.country);
        if (!b) {
          const definite = tokens[c.tokenStart]!.norm === 'the';
          const key = definite ? `r:${(c.name ?? '').toLowerCase()}:${c.country}` : `r${anon++}`;
          b = get(key, () => ({ kind: 'person', name: c.name ?? surface(tokens, c.tokenStart, c.tokenEnd), country: c.country ?? (c.org ? countryOfRef(c.org) : null), sector: c.roleSector ?? (c.org && c.org.type === 'org' ? c.org.actor.sector : null), role: c.role, affiliation: c.org && c.org.type === 'org' ? c.org.actor.name : null }));
        }
        add(b, c, 'description');
        break;
      }
      case 'pronoun': {
        const want = c.coref!;
        if (want.quoted) {
          quotedFirstPerson.push(c);
          break;
        }
        let b: Builder | null = null;
        const first = /^(we|us|our|ourselves)$/.test(tokens[c.tokenStart]!.norm);
        if (c.kind === 'person') b = findAntecedent(c, (x) => x.kind === 'person' && (want.gender === null || x.gender === null || x.gender === want.gender), 2);
        else if (first) b = findAntecedent(c, (x) => x.kind === 'organization', 3) ?? findAntecedent(c, (x) => x.kind === 'country' || x.kind === 'group', 3);
        else if (c.kind === 'organization') b = findAntecedent(c, (x) => x.kind === 'organization' || x.kind === 'country', 1);
        else b = findAntecedent(c, (x) => (x.kind === 'organization' || x.kind === 'group') && (x.plural || x.nonState), 1);
        if (b) {
          if (c.kind === 'person' && b.gender === null && want.gender) b.gender = want.gender;
          add(b, c, 'pronoun', b.kind === 'person' ? 'person' : 'organization');
        }
        break;
      }
      case 'place-description': {
        const want = c.kind;
        const b = findAntecedent(c, (x) => x.kind === want, 3);
        if (b) add(b, c, 'description');
        break;
      }
      case 'place-np': {
        const b = get(`pnp:${(c.name ?? '').toLowerCase()}`, () => ({ kind: 'place', name: c.name ?? '', country: null, sector: null, role: null, affiliation: null }));
        add(b, c, 'description');
        break;
      }
      case 'place-of': {
        const b = fromRef(c.ref!, c);
        add(b, c, 'name');
        break;
      }
      case 'group': {
        const key = `grp:${c.country}:${(c.name ?? '').toLowerCase()}`;
        const b = get(key, () => ({ kind: 'group', name: c.name ?? '', country: c.country, sector: c.sector, role: null, affiliation: null, plural: true }));
        add(b, c, 'description');
        break;
      }
      default:
        break;
    }
  }

  /** "Aleppo and Daraya": a single unknown name coordinated right after a place is a place too. */
  function listedAfterPlace(c: Candidate): boolean {
    const p = tokens[c.tokenStart - 1];
    const q = tokens[c.tokenStart - 2];
    return c.tokenStart >= 2 && p !== undefined && q !== undefined && q.sentence === tokens[c.tokenStart]!.sentence && (p.norm === 'and' || p.norm === 'or' || p.text === ',') && placeEnds.has(q.end);
  }

  /** "rebel-held Dumayr", "ISIL-controlled Raqqa": what a force holds is a place. */
  function heldPlace(c: Candidate): boolean {
    const p = tokens[c.tokenStart - 1];
    const h = tokens[c.tokenStart - 2];
    return c.tokenStart >= 2 && p !== undefined && h !== undefined && p.sentence === tokens[c.tokenStart]!.sentence && /^(?:held|controlled|occupied|besieged|dominated)$/.test(p.norm) && h.text === '-' && h.end === p.start;
  }

  function isPluralDemonymNoun(c: Candidate): boolean {
    if (c.tokenEnd - c.tokenStart !== 1) return false;
    const w = tokens[c.tokenStart]!.text;
    if (!/[a-z]s$/.test(w)) return false;
    const single = lex.gazetteer.get(w.slice(0, -1));
    if (!single || !single.some((r) => r.type === 'demonym')) return false;
    const nx = tokens[c.tokenEnd];
    return !(nx && /^[a-z]/.test(nx.text) && nx.pos === 'NOUN');
  }

  function dictionaryPersonByRole(head: string, country: string | null): Builder | null {
    // Only the heads of state and government are safe to resolve from a bare role.
    if (!/^(president|prime minister|premier|chancellor|king|emir|supreme leader)$/.test(head)) return null;
    void country;
    return null;
  }

  function countryOfRef(r: GazRef): string | null {
    return r.type === 'org' ? r.actor.country : r.type === 'country' || r.type === 'demonym' ? r.code : r.type === 'place' ? r.country : null;
  }

  /** A title in the text ("President Obama") picks the dictionary role it names, whatever the date. */
  function roleFromTitleText(b: Builder, title: string): void {
    const p = b.actor;
    if (!p) return;
    const head = title.toLowerCase().split(/\s+/).filter((w) => lex.roles.get(w) !== undefined).pop();
    if (!head) return;
    const matching = p.roles.filter((r) => !/^former\b/i.test(r.role) && r.role.toLowerCase().includes(head));
    if (matching.length === 0) return;
    const current = roleAt(p, date);
    if (matching.includes(current)) return;
    const r = matching[matching.length - 1]!;
    b.country = r.country;
    b.sector = r.sector;
  }

  function applyTitle(b: Builder, c: Candidate): void {
    if (c.role && b.actor && c.rule === 'title-name') roleFromTitleText(b, c.role);
    if (c.role && !b.textRole) {
      b.role = c.role;
      b.textRole = true;
      const former = /^(a |an |the )?former\b/i.test(c.role);
      if (former) b.attributes.former = true;
      if (!b.actor) {
        if (c.roleSector) b.sector = former && STATE_SECTORS.has(c.roleSector) ? 'ELI' : c.roleSector;
        if (c.country) b.country = c.country;
      }
    }
    if (!b.actor && c.org && c.org.type === 'org' && !b.affiliation) {
      b.affiliation = c.org.actor.name;
      b.country ??= c.org.actor.country;
      if (!b.sector || (c.org.actor.sector && !['GOV', 'MIL'].includes(c.org.actor.sector))) b.sector = c.org.actor.sector;
    }
    if (!b.actor && c.country && !b.country) b.country = c.country;
  }

  function handleUnknownName(c: Candidate): void {
    const name = c.name ?? surface(tokens, c.nameStart, c.nameEnd);
    const words = name.split(/\s+/);
    const titled = c.rule === 'title-name';
    // A surname or first name already seen.
    const lastWord = words[words.length - 1]!;
    const linked = surnames.get(lastWord) ?? (words.length === 1 ? findByFirstName(lastWord) : null);
    if (linked && (words.length === 1 || linked.name.endsWith(name) || linked.name === name)) {
      applyTitle(linked, c);
      add(linked, c, 'name');
      return;
    }
    const prev = c.tokenStart > 0 ? tokens[c.tokenStart - 1]! : null;
    const next = tokens[c.tokenEnd] ?? null;
    const afterLoc = !titled && prev !== null && locativeGoverned(tokens, c.tokenStart, c.tokenStart - Math.min(c.tokenStart, 14), lex) && !lex.gender.has(words[0]!);
    const isAcronym = words.length === 1 && /^[A-Z][A-Z0-9&.-]{1,7}$/.test(name) && /[A-Z].*[A-Z]/.test(name);
    const firstNameKnown = lex.gender.has(words[0]!);
    const saysNear = (next !== null && SAY.test(next.norm)) || (prev !== null && SAY.test(prev.norm));
    // "Syrian Democratic Council (SDC)": the acronym names the entity just before the bracket.
    if (isAcronym) {
      const known = docAcronyms.get(name);
      if (known) {
        add(known, c, 'name');
        return;
      }
      if (prev?.text === '(' && c.tokenStart >= 2) {
        const endBefore = tokens[c.tokenStart - 2]!.end;
        const owner = orgByEnd.get(endBefore);
        if (owner) {
          docAcronyms.set(name, owner);
          add(owner, c, 'name');
          return;
        }
      }
    }
    let kind: EntityKind | null = null;
    if (titled) kind = 'person';
    else if (words.length === 1 && lex.orgHeads.has(name)) kind = 'organization';
    else if (isAcronym) kind = 'organization';
    else if (firstNameKnown && words.length >= 2) kind = 'person';
    else if (afterLoc) kind = 'place';
    else if (heldPlace(c)) kind = 'place';
    else if (words.length === 1 && !firstNameKnown && listedAfterPlace(c)) kind = 'place';
    else if (nextIsPlaceComma(c)) kind = 'place';
    else if (words.length >= 2 && lex.facilityHeads.has(lastWord)) kind = 'place';
    else if (lex.miscHeads.has(lastWord) || /(tion|ment|ity|ence|ance|ism|ship|ogy|ics|ness|ure)$/.test(lastWord)) kind = null;
    else if (words.length >= 2 && words.length <= 4 && allProper(c) && prev?.norm !== 'the' && !words.some((w) => lex.orgHeads.has(w) || lex.placeHeads.has(w))) kind = 'person';
    else if (saysNear && words.length === 1) kind = 'person';
    else if (words.length === 1 && firstNameKnown) kind = 'person';
    if (!kind) return;
    if (kind === 'person') {
      const key = `n:${name}`;
      const hon = c.nameStart > c.tokenStart ? tokens[c.nameStart - 1]!.text.replace(/\.$/, '') : '';
      const honGender: 'm' | 'f' | null = /^(Mrs|Ms|Miss|Madam|Dame|Lady)$/.test(hon) ? 'f' : /^(Mr|Sir|Lord)$/.test(hon) ? 'm' : null;
      // "Minister Ellwood ... Tobias Ellwood": the full name completes the surname-only entity.
      const early = words.length >= 2 ? byKey.get(`n:${lastWord}`) : undefined;
      if (early && !byKey.has(key)) {
        early.name = name;
        byKey.set(key, early);
      }
      const b = get(key, () => ({ kind: 'person', name, country: null, sector: null, role: null, affiliation: null }));
      if (words.length >= 2) indexSurnames(b, name);
      else if (!b.gender) b.gender = lex.gender.get(name) ?? null;
      if (honGender) b.gender = honGender;
      applyTitle(b, c);
      add(b, c, 'name');
    } else if (kind === 'organization') {
      const b = get(`o:${name.toLowerCase()}`, () => ({ kind: 'organization', name, country: null, sector: null, role: null, affiliation: null, nonState: true }));
      add(b, c, 'name');
    } else {
      const b = get(`p:${name.toLowerCase()}`, () => ({ kind: 'place', name, country: placeCountryAfter(c), sector: null, role: null, affiliation: null }));
      add(b, c, 'name');
    }
  }

  function findByFirstName(w: string): Builder | null {
    if (!lex.gender.has(w)) return null;
    for (let k = recent.length - 1; k >= 0 && recent.length - k <= 200; k--) {
      const b = recent[k]!.b;
      if (b.kind === 'person' && b.name.startsWith(w + ' ')) return b;
    }
    return null;
  }

  function allProper(c: Candidate): boolean {
    for (let k = c.nameStart; k < c.nameEnd; k++) {
      const t = tokens[k]!;
      if (t.text === '-' || /^(al|el|bin|ibn|de|van|von|der|da)$/i.test(t.text)) continue;
      if (t.pos !== 'PROPN') return false;
    }
    return true;
  }

  /** "Fairlawn, Ohio": an unknown name followed by a comma and a known place. */
  function nextIsPlaceComma(c: Candidate): boolean {
    return placeCountryAfter(c) !== null;
  }
  function placeCountryAfter(c: Candidate): string | null {
    const comma = tokens[c.tokenEnd];
    if (!comma || comma.text !== ',') return null;
    const m = lex.gazetteer.longestAt(tokens, c.tokenEnd + 1, Math.min(tokens.length, c.tokenEnd + 6));
    const r = m?.values[0];
    if (r && (r.type === 'country' || (r.type === 'place' && !r.city))) return r.type === 'country' ? r.code : r.country;
    return null;
  }

  // ---- appositives and attributes of people
  applyLeftRoles(text, tokens, order, lex);
  applyAppositives(text, tokens, order, lex, date);
  applyListedMembers(tokens, recent);

  // ---- first-person pronouns in quotations: the speaker named after the quotation in the same
  // sentence ("“We will stay,” said X"), else the person named just before it.
  const personAt = new Map<number, Builder>();
  if (quotedFirstPerson.length > 0) {
    for (const b of order) if (b.kind === 'person') for (const m of b.mentions) if (m.form !== 'pronoun' && !personAt.has(m.span.start)) personAt.set(m.span.start, b);
  }
  for (const c of quotedFirstPerson) {
    let speaker: Builder | null = null;
    let closed = false;
    for (let k = c.tokenEnd; k < tokens.length && tokens[k]!.sentence === c.sentence; k++) {
      if (tokens[k]!.text === '”' || tokens[k]!.text === '"') closed = true;
      if (!closed) continue;
      const at = tokens[k]!.start;
      speaker = personAt.get(at) ?? null;
      if (speaker) break;
    }
    speaker ??= findAntecedent(c, (x) => x.kind === 'person' && x.key[0] !== 'r', 1);
    if (!speaker) continue;
    if (c.kind === 'person') add(speaker, c, 'pronoun', 'person');
    else {
      // "we" is the speaker's organisation, or the government an official speaks for.
      const org = speaker.affiliation ? order.find((b) => b.name === speaker!.affiliation && b.kind === 'organization') : undefined;
      const gov = !org && speaker.country && STATE_SECTORS.has(speaker.sector ?? '') ? byKey.get(`c:${speaker.country}`) ?? get(`c:${speaker.country}`, () => ({ kind: 'country', name: lex.countries.get(speaker!.country!) ?? speaker!.country!, country: speaker!.country, sector: null, role: null, affiliation: null })) : undefined;
      const target = org ?? gov;
      if (target) add(target, c, 'pronoun', 'organization');
    }
  }


  applyContextCountries(tokens, recent, lex);

  // ---- build layers
  const live = order.filter((b) => b.mentions.length > 0);
  const firstStarts = new Map<Builder, number>();
  for (const b of live) {
    let min = Infinity;
    for (const m of b.mentions) if (m.span.start < min) min = m.span.start;
    firstStarts.set(b, min);
  }
  live.sort((a, b) => firstStarts.get(a)! - firstStarts.get(b)!);
  const all: { b: Builder; m: Builder['mentions'][number] }[] = [];
  for (const b of live) for (const m of b.mentions) all.push({ b, m });
  all.sort((x, y) => x.m.span.start - y.m.span.start || y.m.span.end - x.m.span.end);
  const entityId = new Map<Builder, string>();
  live.forEach((b, i) => entityId.set(b, `ent${i}`));
  const mentionIds = new Map<Builder, string[]>();
  const mentions: Mention[] = all.map(({ b, m }, i) => {
    const id = `men${i}`;
    const list = mentionIds.get(b) ?? [];
    list.push(id);
    mentionIds.set(b, list);
    return {
      id,
      span: m.span,
      label: m.label,
      evidence: [m.span],
      provenance: { stage: STAGE, version: opts.version, rule: m.rule },
      entityId: entityId.get(b)!,
      form: m.form,
      text: text.slice(m.span.start, m.span.end),
    };
  });
  const entities: Entity[] = live.map((b) => {
    const spans = [...b.mentions.map((m) => m.span)].sort((x, y) => x.start - y.start);
    return {
      id: entityId.get(b)!,
      span: spans[0]!,
      label: b.kind,
      evidence: spans,
      provenance: { stage: STAGE, version: opts.version, rule: b.key.split(':')[0] },
      name: b.name,
      country: b.country,
      sector: b.sector,
      role: b.role,
      affiliation: b.affiliation,
      attributes: b.attributes,
      mentionIds: mentionIds.get(b) ?? [],
    };
  });
  void HOSTAGE_WORDS;
  return { mentions, entities };
}

/** Codes that are not countries (international bodies, movements, companies). */
/** Tokens before and after a mention searched for a context country. */
const CONTEXT_WINDOW = 80;
const NON_COUNTRY_CODES = new Set(['IGO', 'UNO', 'EUR', 'NGO', 'ISM', 'IMG', 'MNC']);
const INTERNATIONAL_NAME = /\b(International|World|Global|United Nations|U\.N\.|UN)\b/;

/**
 * Officials, groups and domestic organisations with no country of their own take the country the
 * text places them in (the CAMEO convention for domestic actors): a country, nationality word or
 * located place or domestic body in the sentence of their first mention (the one attached to the
 * phrase, "rebels in X"; else the nearest, for people the nearest not governed by a locative
 * preposition), else the country the document is clearly about.
 * @example "Rebels in Ruritania rejected an appeal from President Jan Novak" → Novak: Ruritania
 */
function applyContextCountries(tokens: readonly Token[], recent: readonly { b: Builder; at: number; end: number; sentence: number; form: MentionForm }[], lex: EntityLexicon): void {
  const want = (b: Builder) =>
    b.country === null &&
    b.actor === null &&
    (b.kind === 'person' ? b.role !== null || b.sector !== null || b.mentions.some((m) => m.rule === 'title-name') : (b.kind === 'group' || (b.kind === 'organization' && b.sector !== null)) && !INTERNATIONAL_NAME.test(b.name) && b.key[0] !== 'a');
  // People are left out (a foreign visitor is no context); so are news media ("told Reuters").
  const isCountry = (b: Builder) => b.country !== null && !NON_COUNTRY_CODES.has(b.country) && b.kind !== 'person' && b.sector !== 'JRN';
  // Country mentions by sentence, in reading order; document counts.
  const bySentence = new Map<number, { at: number; code: string; locative: boolean; kind: string; named: boolean }[]>();
  const counts = new Map<string, number>();
  const firstOf = new Map<Builder, { at: number; end: number; sentence: number }>();
  const sentStarts = new Map<number, number>();
  for (const r of recent) {
    if (r.form === 'pronoun') continue;
    if (!firstOf.has(r.b)) firstOf.set(r.b, { at: r.at, end: r.end, sentence: r.sentence });
    if (!isCountry(r.b)) continue;
    const code = r.b.country!;
    counts.set(code, (counts.get(code) ?? 0) + 1);
    let list = bySentence.get(r.sentence);
    if (!list) bySentence.set(r.sentence, (list = []));
    let sentStart = sentStarts.get(r.sentence);
    if (sentStart === undefined) sentStarts.set(r.sentence, (sentStart = firstTokenOfSentence(tokens, r.at, r.sentence)));
    list.push({ at: r.at, code, locative: locativeGoverned(tokens, r.at, sentStart, lex), kind: r.b.kind, named: r.form === 'name' });
  }
  for (const l of bySentence.values()) l.sort((x, y) => x.at - y.at);
  let docCode: string | null = null;
  let best = 0;
  let second = 0;
  for (const [code, n] of counts) {
    if (n > best) {
      second = best;
      best = n;
      docCode = code;
    } else if (n > second) second = n;
  }
  if (best < 2 || best === second) docCode = null;
  for (const [b, first] of firstOf) {
    if (!want(b)) continue;
    const list = bySentence.get(first.sentence) ?? [];
    const person = b.kind === 'person';
    let pick: { at: number; code: string; locative: boolean; kind: string; named: boolean } | null = null;
    // "rebels in X", "the government of X": the place attached to the phrase itself comes first.
    const e = first.end;
    const link = tokens[e];
    const attachAt = link && /^(in|of|from)$/.test(link.norm) ? (tokens[e + 1]?.norm === 'the' ? e + 2 : e + 1) : -1;
    // Only the 80 tokens around the mention count, which keeps a huge unpunctuated "sentence" linear.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.at < first.at - CONTEXT_WINDOW) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < list.length && list[k]!.at <= first.at + CONTEXT_WINDOW; k++) {
      const x = list[k]!;
      if (x.at === attachAt) {
        pick = x;
        break;
      }
      if (x.at === first.at) continue;
      // A person's nationality is not that of an organisation nearby ("Hamas freed X") nor of the
      // town they are in ("freed in X"); a country name or a demonym still counts.
      if (person && (((x.kind === 'organization' || x.kind === 'group') && x.named) || (x.locative && x.kind === 'place'))) continue;
      // A person's country is rarely the place they are in ("arrived in X"); a crowd's often is.
      const pl = person && pick !== null && pick.locative;
      const xl = person && x.locative;
      if (pick === null || (pl && !xl) || (pl === xl && Math.abs(x.at - first.at) < Math.abs(pick.at - first.at))) pick = x;
    }
    if (pick) {
      b.country = pick.code;
      b.attributes.countryFrom = 'sentence';
    } else if (docCode) {
      b.country = docCode;
      b.attributes.countryFrom = 'document';
    }
  }
}

const LIST_WINDOW = 40;

/**
 * Names listed after a colon enumerate the plural group of people named before it in the same
 * sentence ("freed three Dutch women: A, 24, B and C"): each takes the group's country and sector
 * when it has none of its own. Bounded to a window of tokens, so linear in the document.
 */
function applyListedMembers(tokens: readonly Token[], recent: readonly { b: Builder; at: number; end: number; sentence: number; form: MentionForm }[]): void {
  const groupsBySentence = new Map<number, { b: Builder; end: number }[]>();
  for (const r of recent) {
    if (r.form === 'pronoun' || r.b.kind !== 'group' || (r.b.country === null && r.b.sector === null)) continue;
    let l = groupsBySentence.get(r.sentence);
    if (!l) groupsBySentence.set(r.sentence, (l = []));
    l.push({ b: r.b, end: r.end });
  }
  if (groupsBySentence.size === 0) return;
  for (const r of recent) {
    if (r.form !== 'name' || r.b.kind !== 'person' || r.b.actor !== null || (r.b.country !== null && r.b.sector !== null)) continue;
    const groups = groupsBySentence.get(r.sentence);
    if (!groups) continue;
    // walk left over the list (names, ages, commas, 'and') to the colon
    let colon = -1;
    for (let k = r.at - 1; k >= 0 && r.at - k <= LIST_WINDOW && tokens[k]!.sentence === r.sentence; k--) {
      const t = tokens[k]!;
      if (t.text === ':') {
        colon = k;
        break;
      }
      if (!(t.pos === 'PROPN' || t.pos === 'NUM' || t.text === ',' || t.norm === 'and' || t.text === '-')) break;
    }
    if (colon < 0) continue;
    let group: { b: Builder; end: number } | null = null;
    for (const g of groups) if (g.end <= colon && colon - g.end <= LIST_WINDOW && (group === null || g.end > group.end)) group = g;
    if (!group) continue;
    r.b.country ??= group.b.country;
    r.b.sector ??= group.b.sector;
  }
}

/** The first token of sentence `sentence`, found by walking back from a token inside it (bounded). */
function firstTokenOfSentence(tokens: readonly Token[], at: number, sentence: number): number {
  let k = at;
  while (k > 0 && at - k < 200 && tokens[k - 1]!.sentence === sentence) k--;
  return k;
}

/**
 * Reads the appositive after each person mention ("X, a 23-year-old from Y, Z", "X, a former
 * U.S. official", "X, now with the Atlantic Council", "X, Trump’s envoy") into role, age, origin,
 * affiliation, country and sector.
 */
function applyAppositives(text: string, tokens: readonly Token[], builders: readonly Builder[], lex: EntityLexicon, date: string | null): void {
  const byEnd = new Map<number, Builder>();
  for (const b of builders) for (const m of b.mentions) if (!byEnd.has(m.span.end)) byEnd.set(m.span.end, b);
  const byActor = new Map<string, Builder>();
  for (const b of builders) if (typeof b.attributes.actorId === 'string') byActor.set(b.attributes.actorId, b);
  for (const b of builders) {
    if (b.kind !== 'person') continue;
    for (const m of b.mentions) {
      if (m.form !== 'name') continue;
      const last = lastTokenAt(tokens, m.span.end);
      if (last < 0) continue;
      let i = last + 1;
      if (tokens[i]?.text !== ',') continue;
      i++;
      // "Mohammed Hassan, 34, a teacher": a bare age, then the appositive.
      const ageTok = tokens[i];
      if (ageTok && ageTok.pos === 'NUM' && /^\d{1,3}$/.test(ageTok.text) && Number(ageTok.text) < 120 && (tokens[i + 1]?.text === ',' || tokens[i + 1]?.text === '.')) {
        b.attributes.age ??= Number(ageTok.text);
        if (tokens[i + 1]?.text !== ',') continue;
        i += 2;
      }
      const sentence = tokens[last]!.sentence;
      let j = i;
      while (j < tokens.length && j - i < 24 && tokens[j]!.sentence === sentence && !/^[,;.:!?()“”"—–]$/.test(tokens[j]!.text)) j++;
      // "from Fairlawn, Ohio": one more comma-separated place.
      if (tokens[j]?.text === ',' && hasWord(tokens, i, j, 'from')) {
        const m2 = lex.gazetteer.longestAt(tokens, j + 1, Math.min(tokens.length, j + 6));
        if (m2) j = m2.tokenEnd;
      }
      if (j <= i) continue;
      readAppositive(text, tokens, i, j, b, lex, byEnd, byActor, date);
    }
  }
}

/**
 * A lower-case role right before a name ("Hamas spokesman Hazem Qassem", "opposition leader
 * Yair Lapid", "U.S. envoy Steve Witkoff") gives role, country and affiliation.
 */
function applyLeftRoles(text: string, tokens: readonly Token[], builders: readonly Builder[], lex: EntityLexicon): void {
  for (const b of builders) {
    if (b.kind !== 'person') continue;
    for (const m of b.mentions) {
      if (m.form !== 'name') continue;
      const first = firstTokenAt(tokens, m.span.start);
      if (first <= 0) continue;
      // the role head ends right before the name, or before a comma opening the name as an
      // appositive closed by another comma ("Peru's interior minister, Carla Ruiz, said")
      const last = lastTokenAt(tokens, m.span.end);
      const commaApposition = first >= 2 && tokens[first - 1]!.text === ',' && tokens[last + 1]?.text === ',' && tokens[first - 2]!.sentence === tokens[first]!.sentence;
      const end = commaApposition ? first - 1 : first;
      let head = -1;
      for (let k = Math.max(0, end - 3); k < end; k++) {
        const r = lex.roles.longestAt(tokens, k, end);
        if (r && r.tokenEnd === end && /^[a-z]/.test(tokens[k]!.text)) {
          head = k;
          break;
        }
      }
      if (head < 0) continue;
      const sentence = tokens[first]!.sentence;
      let a = head;
      while (a - 1 >= 0 && end - a < 7 && tokens[a - 1]!.sentence === sentence && (/^(ADJ|NOUN|PROPN)$/.test(tokens[a - 1]!.pos) || /^['’]s$/.test(tokens[a - 1]!.text) || tokens[a - 1]!.text === '.')) a--;
      // "65-year-old U.S. citizen X": the age is not part of the role
      if (tokens[a]?.norm === 'old' && tokens[a - 1]?.text === '-' && /^years?$/.test(tokens[a - 2]?.norm ?? '') && tokens[a - 3]?.text === '-' && /^\d{1,3}$/.test(tokens[a - 4]?.text ?? '')) {
        const age = Number(tokens[a - 4]!.text);
        if (age < 120) b.attributes.age ??= age;
        a++;
      }
      if (a >= end) continue;
      let country: string | null = null;
      let org: GazRef | null = null;
      for (let k = a; k < end; k++) {
        const g = lex.gazetteer.longestAt(tokens, k, end);
        const r = g?.values[0];
        if (!g || !r) continue;
        if (r.type === 'org') org ??= r;
        else if (r.type === 'country' || r.type === 'demonym') country ??= r.code;
        k = g.tokenEnd - 1;
      }
      if (!b.textRole) {
        b.role = text.slice(tokens[a]!.start, tokens[end - 1]!.end);
        b.textRole = true;
      }
      if (!b.actor) {
        if (org && org.type === 'org') {
          b.affiliation ??= org.actor.name;
          b.country ??= org.actor.country;
          b.sector ??= org.actor.sector;
        }
        b.country ??= country;
        b.sector ??= sectorOfRole(tokens, head, end, lex);
      }
    }
  }
}

function firstTokenAt(tokens: readonly Token[], start: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < start) lo = mid + 1;
    else if (tokens[mid]!.start > start) hi = mid - 1;
    else return mid;
  }
  return -1;
}

function hasWord(tokens: readonly Token[], a: number, b: number, w: string): boolean {
  for (let k = a; k < b; k++) if (tokens[k]!.norm === w) return true;
  return false;
}

function lastTokenAt(tokens: readonly Token[], end: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end < end) lo = mid + 1;
    else if (tokens[mid]!.end > end) hi = mid - 1;
    else return mid;
  }
  return -1;
}

function readAppositive(text: string, tokens: readonly Token[], a: number, b: number, who: Builder, lex: EntityLexicon, byEnd: ReadonlyMap<number, Builder>, byActor: ReadonlyMap<string, Builder>, date: string | null): void {
  const first = tokens[a]!;
  // Clauses are not appositives.
  if (/^(who|which|that|where|when|said|says|and|but|as|if|while|according)$/.test(first.norm)) return;
  if (first.pos === 'VERB' || first.pos === 'AUX') return;
  let k = a;
  let former = false;
  let possessor: Builder | null = null;
  let age: number | null = null;
  let from: string | null = null;
  let fromCountry: string | null = null;
  let affiliation: Builder | null = null;
  let country: string | null = null;
  while (k < b && /^(a|an|the|now|currently|also|himself|herself)$/.test(tokens[k]!.norm)) k++;
  // "a 23-year-old"
  for (let x = k; x < b; x++) {
    const t = tokens[x]!;
    if (t.pos === 'NUM' && /^\d{1,3}$/.test(t.text)) {
      const rest = surface(tokens, x + 1, Math.min(b, x + 6)).toLowerCase();
      if (/^-?\s?years?-?\s?old/.test(rest)) {
        age = Number(t.text);
        break;
      }
    }
  }
  const fromAt = tokens.slice(a, b).findIndex((t) => t.norm === 'from');
  if (fromAt >= 0) {
    const fa = a + fromAt + 1;
    if (fa < b && /^[A-Z]/.test(tokens[fa]!.text)) {
      from = text.slice(tokens[fa]!.start, tokens[b - 1]!.end);
      for (let x = fa; x < b; x++) {
        const m = lex.gazetteer.longestAt(tokens, x, b);
        const r = m?.values[0];
        if (m && r) {
          if (r.type === 'country') fromCountry ??= r.code;
          else if (r.type === 'place' && r.country) fromCountry ??= r.country;
          x = m.tokenEnd - 1;
        }
      }
    }
  }
  // Role phrase: from k to the last role word (and a following "for/of the X" phrase).
  let roleEnd = -1;
  let roleStart = k;
  let sector: string | null = null;
  for (let x = k; x < b; x++) {
    const t = tokens[x]!;
    if (t.norm === 'former') former = true;
    if (/^['’]s?$/.test(t.text) && x > k) {
      const owner = byEnd.get(tokens[x - 1]!.end) ?? byEnd.get(t.end);
      if (owner) possessor = owner;
      roleStart = x + 1;
      continue;
    }
    const m = lex.roles.longestAt(tokens, x, b);
    if (m && /^[a-z]/.test(t.text)) {
      roleEnd = m.tokenEnd;
      if (m.values[0]) sector = m.values[0];
      x = m.tokenEnd - 1;
    } else if (m && /^[A-Z]/.test(t.text) && roleEnd >= 0) {
      roleEnd = m.tokenEnd;
    }
  }
  if (roleEnd > 0 && tokens[roleEnd] && roleEnd < b && /^(for|of|to|in|on)$/.test(tokens[roleEnd]!.norm)) {
    let x = roleEnd + 1;
    if (x < b && tokens[x]!.norm === 'the') x++;
    let y = x;
    while (y < b && (/^[A-Z0-9]/.test(tokens[y]!.text) || /^(of|and|for)$/.test(tokens[y]!.norm))) y++;
    if (y > x) roleEnd = y;
  }
  for (let x = k; x < b; x++) {
    const m = lex.gazetteer.longestAt(tokens, x, b);
    const r = m?.values[0];
    if (!m || !r) continue;
    const prev = tokens[x - 1];
    if (r.type === 'org' && prev && /^(with|at|of|for|from|in)$/.test(prev.norm) || (r.type === 'org' && prev?.norm === 'the' && /^(with|at|of|for)$/.test(tokens[x - 2]?.norm ?? ''))) {
      affiliation = byActor.get(r.actor.id) ?? null;
      if (!affiliation) who.affiliation ??= r.actor.name;
    } else if ((r.type === 'country' || r.type === 'demonym') && (roleEnd < 0 || x < roleEnd)) country ??= r.code;
    x = m.tokenEnd - 1;
  }
  if (age !== null) who.attributes.age = age;
  if (from) {
    who.attributes.from = from;
    if (!who.actor) who.country ??= fromCountry;
  }
  if (affiliation) who.affiliation ??= affiliation.name;
  const roleText = roleEnd > roleStart ? text.slice(tokens[roleStart]!.start, tokens[roleEnd - 1]!.end) : '';
  if (roleEnd > roleStart && who.textRole && who.role && roleText.length > who.role.length && roleText.includes(who.role.replace(/^(a|an|the) /i, ''))) who.role = roleText;
  // A bare rank or honorific ("Gen.", "Navy Capt.") gives way to the appositive's role.
  if (roleEnd > roleStart && who.textRole && who.role && !/[a-z]{3,}/.test(who.role.replace(/\b(Capt|Gen|Col|Maj|Lt|Sgt|Adm|Cmdr|Brig)\./g, '')) && who.role.length <= 20) {
    who.attributes.rank = who.role;
    who.textRole = false;
  }
  if (roleEnd > roleStart && !who.textRole) {
    who.role = text.slice(tokens[roleStart]!.start, tokens[roleEnd - 1]!.end);
    who.textRole = true;
    if (former) who.attributes.former = true;
  }
  if (!who.actor) {
    if (possessor) {
      who.country ??= possessor.country;
      if (!who.sector && roleEnd > 0) who.sector = possessor.kind === 'person' ? possessor.sector : sector;
    }
    if (country) who.country ??= country;
    if (!who.sector && roleEnd > roleStart) {
      const s = sectorOfRole(tokens, roleStart, roleEnd, lex) ?? sector;
      who.sector = former && s && ['GOV', 'MIL', 'SPY', 'LEG', 'JUD', 'COP'].includes(s) ? 'ELI' : s;
    }
    if (!who.sector && age !== null && roleEnd < 0) who.sector = 'CVL';
    if (!who.sector && affiliation && affiliation.sector) who.sector = affiliation.sector;
  }
  void date;
}
