import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeDocument, type Document, type Entity } from '../core/index.js';
import { createPipeline } from '../pipeline/index.js';
import { textStage } from '../text/index.js';
import { entitiesStage } from './index.js';

const pipe = createPipeline([textStage, entitiesStage]);
const run = (text: string, published: string | null = '2025-03-05'): Document => pipe.run(makeDocument(text, { published }));
const entity = (d: Document, name: string): Entity | undefined => d.layers.entities!.find((e) => e.name === name);
const mentionTexts = (d: Document, e: Entity | undefined): string[] =>
  e ? e.mentionIds.map((id) => d.layers.mentions!.find((m) => m.id === id)!.text) : [];

describe('entities stage: names, gazetteer and dictionary', () => {
  it.each([
    ['a country alias', 'Officials in the U.S. denied the report.', 'United States', 'country', 'USA', null],
    ['a country short name', 'Britain and Norway signed a pact.', 'United Kingdom', 'country', 'GBR', null],
    ['a city from the gazetteer', 'Talks resumed in Cairo on Monday.', 'Cairo', 'place', 'EGY', null],
    ['a region from the extra gazetteer', 'Shelling hit the West Bank overnight.', 'West Bank', 'place', 'PSE', null],
    ['an armed group from the dictionary', 'Hezbollah fired rockets at the border.', 'Hezbollah', 'organization', 'LBN', 'REB'],
    ['an IGO', 'NATO ministers met in Brussels.', 'NATO', 'organization', 'IGO', 'IGO'],
    ['an NGO', 'The Red Cross visited the prison.', 'International Committee of the Red Cross', 'organization', 'NGO', 'NGO'],
    ['a government agency', 'The Pentagon announced new deployments.', 'Pentagon', 'organization', 'USA', 'MIL'],
  ])('%s', (_n, text, name, kind, country, sector) => {
    const d = run(text);
    const e = entity(d, name);
    expect(e, JSON.stringify(d.layers.entities!.map((x) => x.name))).toBeDefined();
    expect(e!.label).toBe(kind);
    expect(e!.country).toBe(country);
    expect(e!.sector).toBe(sector);
  });

  it.each([
    ['2025: the sitting president', '2025-06-01', 'GOV', 'President of the United States'],
    ['2022: out of office', '2022-06-01', 'ELI', 'former President of the United States'],
    ['2016: a candidate', '2016-09-01', 'PTY', 'Republican presidential candidate'],
  ])('picks a dictionary role by publication date (%s)', (_n, date, sector, role) => {
    const d = run('Trump spoke to reporters on Friday.', date);
    const e = entity(d, 'Donald Trump')!;
    expect(e.sector).toBe(sector);
    expect(e.role).toBe(role);
  });

  it('links "X administration" and a possessive surname to the person', () => {
    const d = run('The Biden administration paused the sale. Later, Biden’s aides defended it.', '2024-02-01');
    const e = entity(d, 'Joe Biden')!;
    expect(mentionTexts(d, e)).toEqual(expect.arrayContaining(['Biden administration', 'Biden’s']));
    expect(e.country).toBe('USA');
  });
});

describe('entities stage: people with titles and appositives', () => {
  it('reads a capitalised title with a prepositional phrase before the name', () => {
    const d = run('The deal was brokered by Norwegian Special Envoy for Peace Talks Ingrid Solberg, officials said.');
    const e = entity(d, 'Ingrid Solberg')!;
    expect(e.role).toBe('Special Envoy for Peace Talks');
    expect(e.country).toBe('NOR');
    expect(e.sector).toBe('GOV');
  });

  it('reads age, origin and sector from an appositive, and links the surname', () => {
    const d = run('Among the captives is Daniel Morrow, a 31-year-old from Dayton, Ohio. Morrow was seen in a video.');
    const e = entity(d, 'Daniel Morrow')!;
    expect(e.attributes.age).toBe(31);
    expect(String(e.attributes.from)).toContain('Dayton');
    expect(e.country).toBe('USA');
    expect(e.sector).toBe('CVL');
    expect(mentionTexts(d, e)).toContain('Morrow');
  });

  it('reads a role and an affiliation from appositives', () => {
    const d = run('Karen Holt, a former British defence official, said the plan was weak, according to Holt, now with Chatham House.');
    const e = entity(d, 'Karen Holt')!;
    expect(e.role).toContain('defence official');
    expect(e.country).toBe('GBR');
    expect(e.affiliation).toBe('Chatham House');
  });

  it.each([
    ['a role before a comma apposition', "Peru's interior minister, Carla Ruiz, said the road would reopen.", 'Carla Ruiz', { country: 'PER', sector: 'GOV', role: "Peru's interior minister" }, null],
    ['a hyphenated surname is one name', 'Anna Dekel-Berg, a 36-year-old American, was freed on Friday.', 'Anna Dekel-Berg', { country: 'USA', sector: 'CVL' }, 36],
    ['a defence minister is government, not military', 'Defence Minister Piet Smit said the army was ready.', 'Piet Smit', { sector: 'GOV' }, null],
    ['an N-year-old before the role is an age', 'Three captives, including 65-year-old Dutch citizen Anna Berg, were freed on Saturday.', 'Anna Berg', { country: 'NLD', sector: 'CVL', role: 'Dutch citizen' }, 65],
    ['names listed after a colon take the group country and sector', 'The gang handed three Dutch women to the Red Cross in the capital: Anna Berg, 24, Lisa Hout, 28, and Mia Smit, 31.', 'Lisa Hout', { country: 'NLD', sector: 'CVL' }, 28],
  ])('%s', (_name, text, name, expected, age) => {
    const e = entity(run(text), name)!;
    expect(e).toMatchObject(expected);
    if (age !== null) expect(e.attributes.age).toBe(age);
  });

  it('takes country and sector of a possessive role from the possessor', () => {
    const d = run('Marco Rubio met Lena Ortiz, Rubio’s senior adviser, in Rome.', '2025-04-01');
    const e = entity(d, 'Lena Ortiz')!;
    expect(e.role).toBe('senior adviser');
    expect(e.country).toBe('USA');
  });
});

describe('entities stage: descriptions and pronouns', () => {
  it('turns a demonym with an institutional head into an organisation with country and sector', () => {
    const d = run('Egyptian authorities closed the crossing. The Egyptian government gave no reason.');
    const e = d.layers.entities!.find((x) => x.country === 'EGY' && x.sector === 'GOV' && x.label === 'organization')!;
    expect(e.name).toBe('Egyptian government');
    expect(mentionTexts(d, e)).toEqual(['Egyptian authorities', 'The Egyptian government']);
  });

  it('keeps a demonym before people as a demonym mention of the country', () => {
    const d = run('The militia freed nine Nepali workers.');
    const m = d.layers.mentions!.find((x) => x.text === 'Nepali')!;
    expect(m.form).toBe('demonym');
    expect(d.layers.entities!.find((x) => x.id === m.entityId)!.country).toBe('NPL');
  });

  it('resolves "the group" to the last non-state organisation, not a ministry', () => {
    const d = run('Hezbollah, the Lebanese armed group, rejected the offer made by the State Department. The group said it would keep fighting.');
    const e = entity(d, 'Hezbollah')!;
    expect(mentionTexts(d, e)).toEqual(expect.arrayContaining(['the Lebanese armed group', 'The group']));
  });

  it('resolves a pronoun to the nearest person of matching gender', () => {
    const d = run('Sarah Klein met Omar Haddad in Amman. She said he had promised help.');
    expect(mentionTexts(d, entity(d, 'Sarah Klein'))).toContain('She');
    expect(mentionTexts(d, entity(d, 'Omar Haddad'))).toContain('he');
  });

  it('links an organisation-modified description to the organisation', () => {
    const d = run('Hamas officials denied the claim.');
    expect(mentionTexts(d, entity(d, 'Hamas'))).toContain('Hamas officials');
  });

  it('does not take capitalised headline words for names', () => {
    const d = run('What Comes After the Vote?\nThe parliament met in Ankara.');
    expect(d.layers.entities!.map((e) => e.name)).not.toContain('Vote');
    expect(entity(d, 'Ankara')?.country).toBe('TUR');
  });
});

describe('entities stage: metonymy, groups and places', () => {
  const label = (d: Document, text: string) => d.layers.mentions!.find((m) => m.text === text)?.label;

  it.each([
    ['a country as subject is labelled as an actor', 'Jordan condemned the raid.', 'Jordan', 'organization'],
    ['a country after a locative preposition stays a place', 'Aid arrived in Jordan on Monday.', 'Jordan', 'country'],
    ['a coordinated country after "in" stays a place', 'Strikes hit targets in Yemen and Sudan.', 'Sudan', 'country'],
    ['a possessive country is an actor', 'Peru’s envoy left.', 'Peru', 'organization'],
    ['a city then its country: the country is a place', 'Clashes broke out near Aleppo, Syria overnight.', 'Syria', 'country'],
    ['a country after "from" is where something comes from', 'Refugees kept arriving from Sudan and Chad.', 'Chad', 'country'],
    ['a country a talk is "on" is a topic place', 'Envoys met for talks on Libya in Rome.', 'Libya', 'country'],
    ['a province then its country: the country is a place', 'The clashes in Herat province, Afghanistan ended.', 'Afghanistan', 'country'],
    ['a subject after a comma clause is an actor', 'After the bombing in Kenya, Norway pledged aid.', 'Norway', 'organization'],
    ['members listed after "include" are actors', 'Donors include Norway, Chile, Kenya and Japan.', 'Chile', 'organization'],
    ['a listed country after a comma and another country is an actor too', 'Donors include Norway, Chile, Kenya and Japan.', 'Kenya', 'organization'],
  ])('%s', (_n, text, mention, want) => {
    expect(label(run(text), mention)).toBe(want);
  });

  it('takes a capital used as an actor for its country', () => {
    const d = run('Ankara rejected the plan, while talks went on in Ankara.');
    const ms = d.layers.mentions!.filter((m) => m.text === 'Ankara');
    const kinds = ms.map((m) => d.layers.entities!.find((e) => e.id === m.entityId)!.label);
    expect(kinds).toEqual(['country', 'place']);
  });

  it('reads "the people of <country>" as one group, with no separate country mention', () => {
    const d = run('The people of Chile voted in large numbers.');
    const texts = d.layers.mentions!.map((m) => m.text);
    expect(texts).toContain('The people of Chile');
    expect(texts).not.toContain('Chile');
    const m = d.layers.mentions!.find((x) => x.text === 'The people of Chile')!;
    expect(d.layers.entities!.find((x) => x.id === m.entityId)!.country).toBe('CHL');
  });

  it('makes a plural demonym noun a group of that country', () => {
    const d = run('Syrians queued at the border.');
    const m = d.layers.mentions!.find((x) => x.text === 'Syrians')!;
    const e = d.layers.entities!.find((x) => x.id === m.entityId)!;
    // A noun phrase naming the group (not an adjective), so a description rather than a demonym.
    expect([m.form, e.label, e.country, e.sector]).toEqual(['description', 'group', 'SYR', 'CVL']);
  });

  it('reads a lower-case role and an organisation before a name', () => {
    const d = run('Hezbollah commander Rami Saleh was wounded.');
    const e = entity(d, 'Rami Saleh')!;
    expect(e.affiliation).toBe('Hezbollah');
    expect(e.country).toBe('LBN');
    expect(e.role).toContain('commander');
  });

  it('uses a title in the text to pick the matching dictionary role when there is no date', () => {
    const d = run('President Obama signed the order.', null);
    expect(entity(d, 'Barack Obama')!.sector).toBe('GOV');
  });

  it('links "the city" to the place mentioned before and keeps facility descriptions as places', () => {
    const d = run('Shelling hit Aleppo overnight. Residents said the city lost power after a strike on a water station.');
    expect(mentionTexts(d, entity(d, 'Aleppo'))).toContain('the city');
    expect(d.layers.mentions!.find((m) => m.text === 'a water station')?.label).toBe('place');
  });

  it.each([
    ['degrees, minutes', 'The wells lie at 31°12′N 45°03′E in the desert.', '31°12′N 45°03′E'],
    ['decimal degrees', 'The wells lie at 31.2°N, 45.05°E in the desert.', '31.2°N, 45.05°E'],
  ])('reads geographic coordinates (%s) as a place', (_n, text, want) => {
    const ms = run(text).layers.mentions!;
    expect(ms.find((m) => m.text === want)?.label).toBe('place');
    expect(ms.some((m) => m.text === 'N' || m.text === 'E')).toBe(false);
  });

  it('scans a long run of degree signs quickly', () => {
    const t0 = performance.now();
    run('Readings ' + '7°'.repeat(20000) + ' N '.repeat(5000) + 'end.');
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('reads an unknown name held by a force ("rebel-held X") as a place', () => {
    const m = run('Troops pushed into rebel-held Dumayr at dawn.').layers.mentions!.find((x) => x.text === 'Dumayr');
    expect(m?.label).toBe('place');
  });

  it('reads a role word before a group head as a modifier of the group, not a person', () => {
    const ms = run('She praised the civilian workforce at the base.').layers.mentions!;
    expect(ms.find((m) => m.text === 'the civilian workforce')?.label).toBe('group');
    expect(ms.some((m) => m.text === 'the civilian')).toBe(false);
  });

  it('reads an unknown name listed right after a place as a place', () => {
    const m = run('Jets struck Aleppo and Dumayr overnight.').layers.mentions!.find((x) => x.text === 'Dumayr');
    expect(m?.label).toBe('place');
  });

  it('keeps a rank grade inside the title before a name', () => {
    const m = run('Petty Officer 2nd Class Dana R. Lowell was hurt.').layers.mentions!.find((x) => x.text.includes('Lowell'));
    expect([m?.text, m?.label]).toEqual(['Petty Officer 2nd Class Dana R. Lowell', 'person']);
  });

  it('does not read a transcript speaker label as a name', () => {
    const texts = run('QUESTION: Has the council voted yet?').layers.mentions!.map((m) => m.text);
    expect(texts).not.toContain('QUESTION');
  });

  it.each([
    ['a unit number after the head', 'Divers from Coastal Salvage Unit Three arrived.', 'Coastal Salvage Unit Three'],
    ['a component head', 'Pilots of the Naval Air Component flew out.', 'Naval Air Component'],
  ])('reads an organisation name with %s', (_n, text, name) => {
    const m = run(text).layers.mentions!.find((x) => x.text.endsWith(name));
    expect(m?.label).toBe('organization');
  });

  it('takes a named organisation into a role phrase and keeps it as a mention of its own', () => {
    const d = run('Reporters questioned the spokesman of Hezbollah on Sunday.');
    const byText = (t: string) => d.layers.mentions!.find((m) => m.text === t);
    expect(byText('the spokesman of Hezbollah')?.label).toBe('person');
    expect(byText('Hezbollah')?.label).toBe('organization');
  });

  it.each([
    ['a restaurant', 'Gunmen opened fire in a restaurant near the port.'],
    ['the safehouse', 'Police raided the safehouse before dawn.'],
    ['the reservoir', 'Engineers drained the reservoir last week.'],
  ])('reads the facility description "%s" as a place', (mention, text) => {
    expect(run(text).layers.mentions!.find((m) => m.text === mention)?.label).toBe('place');
  });

  it('gives a quoted first-person pronoun to the speaker, and "we" to the speaker’s organisation', () => {
    const d = run('Hezbollah commander Rami Saleh spoke to the crowd. “We will not leave, and I will stay,” said Saleh.');
    expect(mentionTexts(d, entity(d, 'Rami Saleh'))).toEqual(expect.arrayContaining(['I', 'Saleh']));
    expect(mentionTexts(d, entity(d, 'Hezbollah'))).toContain('We');
  });

  it('links a bare surname to the person of this article before the dictionary', () => {
    const d = run('Hamas official Omar Hamdan spoke. Later Hamdan left.', '2025-01-10');
    expect(mentionTexts(d, entity(d, 'Omar Hamdan'))).toContain('Hamdan');
    expect(entity(d, 'Osama Hamdan')).toBeUndefined();
  });

  it('links an acronym in brackets, and its later uses, to the organisation before it', () => {
    const d = run('The Joint Monitoring Board (JMB) met in Juba. Later the JMB issued a report.');
    expect(mentionTexts(d, entity(d, 'Joint Monitoring Board'))).toEqual(['Joint Monitoring Board', 'JMB', 'JMB']);
  });

  it('completes a surname-only person when the full name comes later', () => {
    const d = run('Minister Hartley arrived on Monday. Later, Anne Hartley met the governor.');
    const e = entity(d, 'Anne Hartley')!;
    expect(mentionTexts(d, e)).toEqual(['Minister Hartley', 'Anne Hartley']);
    expect(e.role).toBe('Minister');
  });

  it('lets an appositive role replace a bare rank', () => {
    const d = run('Maj. Gen. Lisa Grant, commander of the 3rd Division, spoke.');
    const e = entity(d, 'Lisa Grant')!;
    expect(e.role).toBe('commander of the 3rd Division');
    expect(e.attributes.rank).toBe('Maj. Gen.');
  });

  it('does not read a surname alias inside a longer name as the dictionary person', () => {
    const d = run('Captain Andrew Burns briefed the crew.', '2022-01-01');
    expect(entity(d, 'William Burns')).toBeUndefined();
    expect(entity(d, 'Andrew Burns')?.sector).toBe('MIL');
  });
});

describe('entities stage: invariants and robustness', () => {
  it('mentions are sorted, inside the text, and every mention points at an entity that lists it', () => {
    const d = run('Qatar said Hamas and Israel agreed. Israeli officials and the U.S. envoy welcomed it; they met in Doha.');
    const ms = d.layers.mentions!;
    const es = new Map(d.layers.entities!.map((e) => [e.id, e]));
    for (let i = 1; i < ms.length; i++) expect(ms[i]!.span.start).toBeGreaterThanOrEqual(ms[i - 1]!.span.start);
    for (const m of ms) {
      expect(d.text.slice(m.span.start, m.span.end)).toBe(m.text);
      expect(es.get(m.entityId)!.mentionIds).toContain(m.id);
    }
  });

  it.each([
    ['a very long capitalised run', 'Alpha Beta '.repeat(20000)],
    ['thousands of pronouns in one sentence', 'Omar Haddad said he and he '.repeat(5000)],
    ['an empty line and punctuation only', ' \n ... !!! ,,, '],
    ['a sentence ending in a connector after a name', 'They met Hamas and'],
    ['many descriptions in one sentence', 'the Israeli government and Hamas officials and '.repeat(3000)],
    ['many appositives in one sentence', 'Omar Haddad, Trump’s envoy, and '.repeat(3000)],
  ])('stays fast on %s', (_n, text) => {
    const t0 = Date.now();
    const d = run(text);
    expect(d.diagnostics.filter((x) => x.severity === 'fatal')).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(20000);
  });

  it('stays linear on a huge sentence with no punctuation', () => {
    const text = 'word Gaza '.repeat(30000);
    const t0 = Date.now();
    const d = run(text);
    expect(d.diagnostics.filter((x) => x.severity === 'fatal')).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(20000);
  });
});

const SEED = new URL('../../../shared/eval/seed/', import.meta.url);
describe.skipIf(!existsSync(new URL('gold.json', SEED)))('seed article gold entities', () => {
  it('finds every gold entity with its kind, country, sector, role and mentions', () => {
    const gold = JSON.parse(readFileSync(new URL('gold.json', SEED), 'utf8')) as { entities: Array<Record<string, unknown>> };
    const d = run(readFileSync(new URL('article.txt', SEED), 'utf8'), '2025-03-05');
    const problems: string[] = [];
    for (const g of gold.entities) {
      const e = entity(d, g.name as string);
      if (!e) {
        problems.push(`missing ${g.name}`);
        continue;
      }
      if (g.kind && e.label !== g.kind) problems.push(`${g.name}: kind ${e.label}`);
      if (g.country && e.country !== g.country) problems.push(`${g.name}: country ${e.country}`);
      if (g.sector && e.sector !== g.sector) problems.push(`${g.name}: sector ${e.sector}`);
      if (g.role_contains && !(e.role ?? '').includes(g.role_contains as string)) problems.push(`${g.name}: role ${e.role}`);
      if (g.affiliation && e.affiliation !== g.affiliation) problems.push(`${g.name}: affiliation ${e.affiliation}`);
      if (g.age && e.attributes.age !== g.age) problems.push(`${g.name}: age ${e.attributes.age}`);
      if (g.from_contains && !String(e.attributes.from ?? '').includes(g.from_contains as string)) problems.push(`${g.name}: from`);
      for (const m of (g.mentions_contain as string[] | undefined) ?? []) {
        if (!mentionTexts(d, e).includes(m)) problems.push(`${g.name}: mention ${m}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('entities stage: country from context for actors with none of their own', () => {
  it.each([
    ['a titled leader and a country in the sentence', 'Rebels in Paraguay rejected a new offer from President Tomas Verhoeven on Monday.', 'Tomas Verhoeven', 'PRY', 'sentence'],
    ['a titled leader and a nationality word', 'Mongolian lawmakers summoned Prime Minister Dorj Batbayar to explain the budget.', 'Dorj Batbayar', 'MNG', 'sentence'],
    ['a person visiting is not of the place he is in', 'Danish officials said Minister Pieter Holm arrived in Ghana on Sunday.', 'Pieter Holm', 'DNK', 'sentence'],
    ['the country the article is about', 'Peru held elections on Sunday. Peru counted votes all night. Later, President Rosa Quispe thanked voters.', 'Rosa Quispe', 'PER', 'document'],
  ])('%s', (_n, text, name, country, from) => {
    const d = run(text, null);
    const e = entity(d, name);
    expect(e, JSON.stringify(d.layers.entities!.map((x) => x.name))).toBeDefined();
    expect(e!.country).toBe(country);
    expect(e!.attributes.countryFrom).toBe(from);
  });

  it.each([
    ['a nationality word the country packages lack', 'Kyrgyz Prime Minister Oleg Dunaev met the envoy.', 'Oleg Dunaev', 'KGZ', 'Prime Minister'],
    ['an unknown word before a title that opens with a modifier', 'Freedonian Prime Minister Oleg Dunaev met the envoy.', 'Oleg Dunaev', null, 'Freedonian Prime Minister'],
  ])('reads the title and name: %s', (_n, text, name, country, role) => {
    const d = run(text, null);
    const e = entity(d, name);
    expect(e, JSON.stringify(d.layers.entities!.map((x) => x.name))).toBeDefined();
    expect(e!.country).toBe(country);
    expect(e!.role).toBe(role);
  });

  it.each([
    ['a leader from the dictionary keeps his own country', 'Rebels in Kenya denounced President Yoweri Museveni.', 'Yoweri Museveni', 'UGA'],
    ['an unknown name with no title stays without a country', 'Rebels in Kenya met Joan Tremblay on Monday.', 'Joan Tremblay', null],
    ['a person freed in a town is not of that town', 'Anna Berg, a 20-year-old soldier, was freed in the Kandahar area.', 'Anna Berg', null],
    ['a person freed by a named group does not take the group country', 'The Taliban failed to free Anna Berg, a civilian nurse.', 'Anna Berg', null],
  ])('%s', (_n, text, name, country) => {
    const d = run(text, '1995-05-05');
    const e = entity(d, name);
    expect(e?.country ?? null).toBe(country);
  });
});
