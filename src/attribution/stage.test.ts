import { describe, expect, it } from 'vitest';
import type { Mention } from '../core/index.js';
import { attribute, cut } from './test-helpers.js';

interface Expect {
  kind: string;
  source: string | null;
  cue: string;
  content: string;
}

const attributions = (text: string) =>
  attribute(text).layers.attributions!.map((a) => ({ kind: a.label, source: cut(text, a.source), cue: cut(text, a.cue)!, content: a.evidence.map((e) => cut(text, e)).join(' || ') }));

describe('reported speech', () => {
  it.each<[string, string, Expect]>([
    ['pre-posed with that', 'The minister said that the border would reopen next month.', { kind: 'reported', source: 'The minister', cue: 'said', content: 'that the border would reopen next month' }],
    ['pre-posed without that', 'Local officials say the water supply is safe again.', { kind: 'reported', source: 'Local officials', cue: 'say', content: 'the water supply is safe again' }],
    ['a hearer before the clause', 'A senior aide told Reuters on Tuesday that the deal was close.', { kind: 'reported', source: 'A senior aide', cue: 'told', content: 'that the deal was close' }],
    ['parenthetical after the content', 'The convoy reached the northern town before dawn, the army said.', { kind: 'reported', source: 'the army', cue: 'said', content: 'The convoy reached the northern town before dawn' }],
    ['inverted parenthetical', 'The ceasefire is holding in most districts, said a UN spokesman.', { kind: 'reported', source: 'a UN spokesman', cue: 'said', content: 'The ceasefire is holding in most districts' }],
    ['parenthetical in the middle', 'The new road, the governor said, will open in spring.', { kind: 'reported', source: 'the governor', cue: 'said', content: 'The new road || will open in spring' }],
    ['according to, first', 'According to three people familiar with the matter, the two sides met in secret.', { kind: 'according-to', source: 'three people familiar with the matter', cue: 'According to', content: 'the two sides met in secret' }],
    ['according to, last', 'The factory employs about 400 workers, according to the company.', { kind: 'according-to', source: 'the company', cue: 'according to', content: 'The factory employs about 400 workers' }],
    ['a hearsay adverb', 'The rebels have reportedly seized the airport.', { kind: 'reportedly', source: null, cue: 'reportedly', content: 'The rebels have reportedly seized the airport' }],
    ['the newspaper has learned', 'The council delayed the vote twice, the newspaper has learned.', { kind: 'reported', source: 'the newspaper', cue: 'learned', content: 'The council delayed the vote twice' }],
    ['passive it was reported', 'It was reported that the ship had left port.', { kind: 'reported', source: null, cue: 'reported', content: 'that the ship had left port' }],
    ['a name with an apposition', 'Maria Lopez, a lawyer for the families, said the ruling came too late.', { kind: 'reported', source: 'Maria Lopez, a lawyer for the families', cue: 'said', content: 'the ruling came too late' }],
    ['an intention with to', 'The union plans to strike again in June.', { kind: 'reported', source: 'The union', cue: 'plans', content: 'to strike again in June' }],
    ['an object', 'The opposition criticized the new budget rules.', { kind: 'reported', source: 'The opposition', cue: 'criticized', content: 'the new budget rules' }],
    ['coordinated participles in an object complement', 'The mayor called the report biased and concocted by her rivals.', { kind: 'reported', source: 'The mayor', cue: 'called', content: 'the report biased and concocted by her rivals' }],
    ['a present cue, then a past verb after and', 'Officers say the driver sped off and refused to stop at the border.', { kind: 'reported', source: 'Officers', cue: 'say', content: 'the driver sped off and refused to stop at the border' }],
    ['a present cue, then a second speech act', 'Her lawyer says the fine was paid and said the case is closed.', { kind: 'reported', source: 'Her lawyer', cue: 'says', content: 'the fine was paid' }],
    ['a phrasal cue', 'Several mayors called for an independent inquiry.', { kind: 'reported', source: 'Several mayors', cue: 'called for', content: 'an independent inquiry' }],
    ['a passive cue with its agent', 'The leak was first reported by a local radio station.', { kind: 'reported', source: 'a local radio station', cue: 'reported by', content: 'The leak' }],
    ['a nominal cue with a possessor', 'The flood ended her claim that the dam was safe.', { kind: 'reported', source: 'her', cue: 'claim', content: 'that the dam was safe' }],
    ['a headline speaker before a colon', 'Mayor Ruiz: The Bridge Will Reopen in May', { kind: 'reported', source: 'Mayor Ruiz', cue: ':', content: 'The Bridge Will Reopen in May' }],
    ['a comparative as-parenthetical', 'The border stayed closed all week, as officials had warned.', { kind: 'reported', source: 'officials', cue: 'warned', content: 'The border stayed closed all week' }],
    ['a quantified relative source', 'The plan angered farmers, many of whom say the subsidies came too late.', { kind: 'reported', source: 'many of whom', cue: 'say', content: 'the subsidies came too late' }],
    ['a cue inside a relative clause', 'The deal included loans, which the bank said were unsecured.', { kind: 'reported', source: 'the bank', cue: 'said', content: 'which || were unsecured' }],
    ['an infinitive after a particle verb', 'In the end, the firm agreed to quietly repay the loan, and the bank dropped the case.', { kind: 'reported', source: 'the firm', cue: 'agreed', content: 'to quietly repay the loan' }],
    ['a refusal with to', 'The governor refuses to publish the audit.', { kind: 'reported', source: 'The governor', cue: 'refuses', content: 'to publish the audit' }],
    ['an object opening with a participle', 'The envoy called for renewed border talks.', { kind: 'reported', source: 'The envoy', cue: 'called for', content: 'renewed border talks' }],
    ['a quantity modifier opens a clause without that', 'The agency said at least 40 homes were flooded.', { kind: 'reported', source: 'The agency', cue: 'said', content: 'at least 40 homes were flooded' }],
    ['a possessive plural inside the source', 'Rents rose again, the Tenants\' Union said.', { kind: 'reported', source: "the Tenants' Union", cue: 'said', content: 'Rents rose again' }],
    ['a participle phrase after the source', 'The envoy will fly to Doha next week, two aides briefed on the trip said.', { kind: 'reported', source: 'two aides briefed on the trip', cue: 'said', content: 'The envoy will fly to Doha next week' }],
    ['a reporting noun with a reduced relative is not a source', 'The mayor said the fire was set on purpose, a claim the police rejected.', { kind: 'reported', source: 'The mayor', cue: 'said', content: 'the fire was set on purpose, a claim the police rejected' }],
    ['a stance adjective with its object', 'The mayor has always been critical of the new stadium.', { kind: 'reported', source: 'The mayor', cue: 'been critical of', content: 'the new stadium' }],
    ['a stance adjective with a that clause', 'Farmers are worried that the rains will come late.', { kind: 'reported', source: 'Farmers', cue: 'are worried', content: 'that the rains will come late' }],
    ['an apposition between dashes', 'Ruiz -- a lawyer for the families -- said the ruling came too late.', { kind: 'reported', source: 'Ruiz -- a lawyer for the families', cue: 'said', content: 'the ruling came too late' }],
    ['a contact clause after the source', 'The farmers we met said the harvest was lost.', { kind: 'reported', source: 'The farmers we met', cue: 'said', content: 'the harvest was lost' }],
    ['a nominal cue with its object', 'The senator repeated her criticism of the border deal.', { kind: 'reported', source: 'her', cue: 'criticism of', content: 'the border deal' }],
    ['a focus adverb before an appositive source', 'Even Norway, a close partner of the bloc, said the tariffs were unfair.', { kind: 'reported', source: 'Norway, a close partner of the bloc', cue: 'said', content: 'the tariffs were unfair' }],
    ['a possessive plural inside an appositive relative clause', "Ana Ruiz, who runs the union's drive for nurses' pay, said, “We will strike on Monday.”", { kind: 'direct', source: "Ana Ruiz, who runs the union's drive for nurses' pay", cue: 'said', content: '“We will strike on Monday.”' }],
    ['a partitive object', 'The governor called half of the council “cowards.”', { kind: 'mixed', source: 'The governor', cue: 'called', content: 'half of the council “cowards.”' }],
    ['an -ing cue tagged as an adjective', 'The mayor is promising cheaper buses.', { kind: 'reported', source: 'The mayor', cue: 'promising', content: 'cheaper buses' }],
    ['a hedging raising verb', 'The new road seems to have cut travel times.', { kind: 'reported', source: null, cue: 'seems', content: 'The new road || to have cut travel times' }],
    ['a parenthetical followed by a subordinate clause of the content', 'The mill was busy, the foreman said, until the river dried up.', { kind: 'reported', source: 'the foreman', cue: 'said', content: 'The mill was busy || until the river dried up' }],
    ['a quantifier standing alone as the source', 'In the end, all agreed that the old bridge had to go.', { kind: 'reported', source: 'all', cue: 'agreed', content: 'that the old bridge had to go' }],
    ['as X put it', 'The rules favour the rich, as one senator put it.', { kind: 'reported', source: 'one senator', cue: 'put it', content: 'The rules favour the rich' }],
    ['noted with a bare clause', 'The auditors noted the ledger had been altered twice.', { kind: 'reported', source: 'The auditors', cue: 'noted', content: 'the ledger had been altered twice' }],
    ['admits with a bare clause', 'The coach admits his team played badly in March.', { kind: 'reported', source: 'The coach', cue: 'admits', content: 'his team played badly in March' }],
    ['a participle adjunct after a quotation takes the clause after it', '“We lost the vote,” the mayor said, adding she would run again.', { kind: 'reported', source: 'the mayor', cue: 'adding', content: 'she would run again' }],
    ['a gerund object', 'The council proposed scrapping the parking fee.', { kind: 'reported', source: 'The council', cue: 'proposed', content: 'scrapping the parking fee' }],
    ['a clause coordinated after the parenthetical', 'The top group paid 9 percent, the office said in a May report, and the bottom group paid 1 percent.', { kind: 'reported', source: 'the office', cue: 'said', content: 'The top group paid 9 percent || the bottom group paid 1 percent' }],
    ['a participle adjunct tagged as an adjective', 'The governor spoke in Ohio on Friday, promising to cut fuel taxes.', { kind: 'reported', source: 'The governor', cue: 'promising', content: 'to cut fuel taxes' }],
    ['a verb tagged as a noun after a relative pronoun', 'The ministers back some rebel factions that support the new constitution.', { kind: 'reported', source: 'some rebel factions that', cue: 'support', content: 'the new constitution' }],
    ['a which-relative on the object stays in it', 'The senator criticized the 1990 water bill, which let farms drain the lake.', { kind: 'reported', source: 'The senator', cue: 'criticized', content: 'the 1990 water bill, which let farms drain the lake' }],
    ['a poll before the clause', 'In the latest county poll, conducted in May, the mayor leads her rival by four points.', { kind: 'according-to', source: 'the latest county poll, conducted in May', cue: 'In', content: 'the mayor leads her rival by four points' }],
    ['a nominal cue with a to-infinitive', 'The two cities reached an agreement to share the water plant.', { kind: 'reported', source: null, cue: 'agreement', content: 'to share the water plant' }],
    ['a suspicion without that', 'Neighbours suspect the fire was set on purpose.', { kind: 'reported', source: 'Neighbours', cue: 'suspect', content: 'the fire was set on purpose' }],
    ['a promotion as an object', 'The mayor is promoting her plan for cheaper buses.', { kind: 'reported', source: 'The mayor', cue: 'promoting', content: 'her plan for cheaper buses' }],
    ['heard with a bare clause', 'Residents heard the plant would close by June.', { kind: 'reported', source: 'Residents', cue: 'heard', content: 'the plant would close by June' }],
    ['a claim with a to-infinitive', 'The firm claims to have cut its emissions by half.', { kind: 'reported', source: 'The firm', cue: 'claims', content: 'to have cut its emissions by half' }],
    ['several appositions after the name', 'Tom Weil, 61, of Dayton, who watched the parade, said the crowd was calm.', { kind: 'reported', source: 'Tom Weil, 61, of Dayton, who watched the parade', cue: 'said', content: 'the crowd was calm' }],
  ])('%s', (_name, text, expected) => {
    expect(attributions(text)).toContainEqual(expected);
  });

  it.each([
    ['a participle opening the sentence is not the content', 'Speaking in the capital, the president said taxes would fall.', 'the president'],
    ['a gerund takes the subject of its clause', 'The mayor praised the firefighters, saying they had saved the old town.', 'The mayor'],
  ])('%s', (_name, text, source) => {
    const got = attributions(text);
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((a) => a.source === source)).toBe(true);
  });

  it('gives a speech tag ending in a colon the next paragraph', () => {
    const text = 'The host said little at first. Then he added:\n\nNobody in this town trusts the council. They have failed us for years.\n\nThe meeting ended at nine.';
    const got = attributions(text).filter((a) => a.cue === 'added');
    expect(got).toEqual([{ kind: 'reported', source: 'he', cue: 'added', content: 'Nobody in this town trusts the council. They have failed us for years.' }]);
  });

  it('prefers a quotation after the cue to a parenthetical reading', () => {
    const got = attributions('When the judge pressed him, the witness replied, “I never saw the money.”').filter((a) => a.cue === 'replied');
    expect(got.map((a) => [a.source, a.content])).toEqual([['the witness', '“I never saw the money.”']]);
  });

  it('keeps the participle "including" inside an object', () => {
    const got = attributions('The senator condemned the raids, including the strike on the hospital.');
    expect(got.map((a) => a.content)).toEqual(['the raids, including the strike on the hospital']);
  });

  it('ends a content inside an opening subordinate clause where the main clause starts', () => {
    const got = attributions('When the senator noted that the mayor had paid no taxes in years, the mayor boasted, “That makes me smart.”');
    expect(got.map((a) => [a.cue, a.content])).toEqual([
      ['noted', 'that the mayor had paid no taxes in years'],
      ['boasted', '“That makes me smart.”'],
    ]);
  });

  it('starts a quotation before a speech tag at its opening mark', () => {
    const got = attributions('The senator turned to him: “You sold a cure that does not work,” she said.').filter((a) => a.cue === 'said');
    expect(got.map((a) => a.content)).toEqual(['“You sold a cure that does not work,”']);
  });

  it('keeps ", but" with an auxiliary and no subject inside the content, and ends it before ", but" with a verb', () => {
    const got = attributions('Some voters said they liked the plan, but would not vote for it. The mayor said the road was safe, but declined to give details.').filter((a) => a.cue === 'said');
    expect(got.map((a) => a.content)).toEqual(['they liked the plan, but would not vote for it', 'the road was safe']);
  });

  it('ends a that-clause before a new clause with its own reporting verb', () => {
    const got = attributions('The minister stressed that the reforms were not finished, and rights groups warned that the army still held power.');
    expect(got.map((a) => [a.cue, a.content])).toEqual([
      ['stressed', 'that the reforms were not finished'],
      ['warned', 'that the army still held power'],
    ]);
  });

  it('ends the content of an opening participle clause at the main clause', () => {
    const got = attributions('Noting that the river had risen, the mayor said the bridge would stay shut.');
    expect(got.map((a) => [a.source, a.cue, a.content])).toEqual([
      ['the mayor', 'Noting', 'that the river had risen'],
      ['the mayor', 'said', 'the bridge would stay shut'],
    ]);
  });

  it('keeps a coordinated verb of thought inside the content', () => {
    const got = attributions('The old soldier said he had watched the parade from his porch and thought of his brother.');
    expect(got.map((a) => a.content)).toEqual(['he had watched the parade from his porch and thought of his brother']);
  });

  it('carries a reported content into a following "But it ..." sentence', () => {
    const got = attributions('The bridge, the engineer said, would need new cables. But it would stay open all winter.');
    expect(got.map((a) => [a.cue, a.content])).toEqual([['said', 'The bridge || would need new cables || But it would stay open all winter']]);
  });

  it('keeps only the outer relation when one sits inside another (PolNeAR convention)', () => {
    const got = attributions('The aide said that the senator told donors the bill was dead.');
    expect(got.map((a) => a.cue)).toEqual(['said']);
  });

  it('ends the content before a second reporting predicate of the same subject', () => {
    const got = attributions('The singer promised to keep touring and said she would record a new album.');
    expect(got.map((a) => [a.cue, a.content])).toEqual([
      ['promised', 'to keep touring'],
      ['said', 'she would record a new album'],
    ]);
  });

  it.each([
    ['a plain event', 'Troops crossed the river at dawn.'],
    ['a number said in passing', 'The total came to 40 tonnes of grain.'],
  ])('finds nothing in %s', (_name, text) => {
    expect(attributions(text)).toEqual([]);
  });
});

describe('direct quotes and speakers', () => {
  it('keeps a quotation resumed after a participle phrase with its speaker', () => {
    const text = '“Each time you say that,” Ortiz said, pointing at the chart, “you hand the critics another argument.”';
    const got = attribute(text).layers.attributions!.map((a) => [cut(text, a.source), a.evidence.length, a.nested === true]);
    expect(got[0]).toEqual(['Ortiz', 2, false]);
  });

  it('takes a long apposition after a quotation in double apostrophes', () => {
    const text = "''The plan adds no debt,'' Ana Ruiz, director of the budget office and a professor of law at the state university, said of the bill.";
    const got = attribute(text).layers.attributions!.map((a) => [cut(text, a.source), cut(text, a.cue)]);
    expect(got).toEqual([['Ana Ruiz, director of the budget office and a professor of law at the state university', 'said']]);
  });

  it('gives a byline after a quotation of several sentences the whole paragraph', () => {
    const text = 'Readers wrote in.\n\n“The mayor ignored us. The roads are still broken. Nobody came.”\n― Lena Park\n\nThe city did not reply.';
    const a = attribute(text).layers.attributions!.find((x) => cut(text, x.source) === 'Lena Park');
    expect(cut(text, a?.content ?? null)).toBe('“The mayor ignored us. The roads are still broken. Nobody came.”');
  });

  it('keeps a short quoted name given by a naming verb as a quotation of the subject', () => {
    const text = 'The union called the offer “an insult” and walked out. The so-called “peace plan” failed.';
    const d = attribute(text);
    expect(d.layers.quotes!.map((q) => [q.text, cut(text, q.speakerSpan)])).toEqual([['an insult', 'The union']]);
  });

  it('lists a quote nested in a stronger content with its own speaker, flagged nested', () => {
    const text = 'Two aides said the general described the valley as “a place we will hold at any cost, whatever happens to us.”';
    const got = attribute(text).layers.attributions!.map((a) => [a.label, cut(text, a.source), cut(text, a.cue), a.nested === true]);
    expect(got).toEqual([
      ['reported', 'Two aides', 'said', false],
      ['direct', 'the general', 'described', true],
    ]);
  });

  it('lists a short quote with no speaker, flagged nested, and leaves scare quotes out', () => {
    const text = 'A guard shouted “go home now, all of you” at the crowd that had gathered near the gate of the old palace. The so-called “peace plan” failed.';
    const got = attribute(text).layers.attributions!.map((a) => [a.label, a.source, cut(text, a.content), a.nested === true]);
    expect(got).toEqual([['direct', null, '“go home now, all of you”', true]]);
  });

  it('gives a quote its speaker after the quote and keeps the next cue-less quote with the same speaker', () => {
    const text = 'Anna Berg, a retired diplomat, described the risks. “Talking to the militia could free the captives sooner,” said Berg. “But it also rewards kidnapping.”';
    const d = attribute(text);
    const qs = d.layers.quotes!;
    expect(qs.map((q) => q.text)).toEqual(['Talking to the militia could free the captives sooner,', 'But it also rewards kidnapping.']);
    expect(qs.map((q) => cut(text, q.speakerSpan))).toEqual(['Berg', 'Berg']);
    const direct = d.layers.attributions!.filter((a) => a.label === 'direct');
    expect(direct).toHaveLength(1);
    expect(direct[0]!.quoteId).toBe('q0');
    expect(direct[0]!.evidence).toHaveLength(2);
  });

  it('gives a quotation left open at the paragraph end the speaker named in its continuation', () => {
    const text = '“The harvest failed twice this year.\n“We cannot feed the village,” said Marta Diaz, the mayor.';
    const d = attribute(text);
    expect(d.layers.quotes!.map((q) => cut(text, q.speakerSpan))).toEqual(['Marta Diaz', 'Marta Diaz']);
  });

  it('takes the speaker before a colon', () => {
    const text = 'The general told the press: “We will not withdraw from the valley.”';
    const d = attribute(text);
    expect(cut(text, d.layers.quotes![0]!.speakerSpan)).toBe('The general');
    expect(d.layers.attributions!.map((a) => a.label)).toEqual(['direct']);
  });

  it('takes the speaker from the previous sentence when the quote stands alone', () => {
    const text = 'Omar Haddad spoke to the crowd for an hour.\n“We are not leaving this square until the vote is counted.”';
    const d = attribute(text);
    expect(cut(text, d.layers.quotes![0]!.speakerSpan)).toBe('Omar Haddad');
  });

  it('joins a speech tag that the sentence splitter cut from its quotation', () => {
    const text = '“Who would have guessed this?” Nadia said, laughing.';
    const d = attribute(text);
    const a = d.layers.attributions!.find((x) => x.label === 'direct');
    expect(cut(text, a?.source ?? null)).toBe('Nadia');
    expect(cut(text, a?.content ?? null)).toBe('“Who would have guessed this?”');
  });

  it('takes the speaker from a byline after the quotation', () => {
    const text = '“The river rose faster than anyone expected.” ― Lea Moreau';
    const d = attribute(text);
    expect(cut(text, d.layers.quotes![0]!.speakerSpan)).toBe('Lea Moreau');
  });

  it('reads doubled apostrophes as quote marks', () => {
    const text = "''Nobody will be left behind,'' the mayor said.";
    const d = attribute(text);
    expect(cut(text, d.layers.quotes![0]!.speakerSpan)).toBe('the mayor');
  });

  it('ignores scare quotes', () => {
    const text = 'Critics dismissed the “grand bargain” as a stunt.';
    const d = attribute(text);
    expect(d.layers.quotes).toEqual([]);
  });

  it('resolves the source to an entity through an overlapping mention', () => {
    const text = 'Lena Ortiz said the talks would resume.';
    const m: Mention = { id: 'm0', span: { start: 0, end: 10 }, label: 'person', evidence: [{ start: 0, end: 10 }], provenance: { stage: 'test', version: '0' }, entityId: 'e7', form: 'name', text: 'Lena Ortiz' };
    const d = attribute(text, [m]);
    expect(d.layers.attributions![0]!.sourceEntityId).toBe('e7');
  });
});

describe('robustness', () => {
  it('handles an empty document', () => {
    const d = attribute('');
    expect([d.layers.quotes, d.layers.attributions, d.layers.modalCues]).toEqual([[], [], []]);
  });

  it('finishes on a long run of text with no sentence punctuation', () => {
    const text = 'officials said that the rebels could not agree and '.repeat(4000);
    const d = attribute(text);
    expect(d.diagnostics.filter((x) => x.severity === 'fatal')).toEqual([]);
    expect(d.layers.attributions!.length).toBeGreaterThan(0);
  });

  it('keeps every layer sorted with spans in bounds', () => {
    const text = '“We will wait,” said Ana Ruiz. Aides said the deal, which may collapse, was close. According to the ministry, talks will resume.';
    const d = attribute(text);
    for (const layer of [d.layers.quotes!, d.layers.attributions!, d.layers.modalCues!]) {
      for (let i = 0; i < layer.length; i++) {
        expect(layer[i]!.span.end).toBeLessThanOrEqual(text.length);
        if (i > 0) expect(layer[i]!.span.start).toBeGreaterThanOrEqual(layer[i - 1]!.span.start);
      }
    }
  });
});

describe('modality cues', () => {
  const cues = (text: string) => attribute(text).layers.modalCues!.map((m) => [m.label, cut(text, m.span), cut(text, m.scope)]);
  it.each([
    ['a hedge governs its clause', 'These meetings could open a path to peace, though doubts remain.', ['hedge', 'could', 'could open a path to peace']],
    ['an intention after a reporting verb', 'The ministry confirmed that the envoy plans to visit the region soon.', ['intention', 'plans to', 'plans to visit the region soon']],
    ['negation with has yet to', 'The government has yet to respond to the offer, aides said.', ['negation', 'has yet to', 'has yet to respond to the offer']],
    ['a condition', 'If the talks fail, fighting will resume.', ['condition', 'If', 'If the talks fail']],
    ['a future with is set to', 'The parliament is set to vote on the treaty.', ['future', 'is set to', 'is set to vote on the treaty']],
    ['hearsay covers its whole clause', 'The commander was reportedly killed in the raid.', ['hearsay', 'reportedly', 'The commander was reportedly killed in the raid']],
    ['a purpose infinitive', 'Mediators flew to Cairo to secure a truce.', ['intention', 'to', 'to secure a truce']],
    ['an upcoming meeting', 'The upcoming summit aims to settle the border dispute.', ['intention', 'upcoming', 'upcoming summit aims to settle the border dispute']],
    ['remained silent', 'The palace remained silent, fuelling rumours.', ['negation', 'remained silent', 'remained silent']],
    ['a scope stops at a full stop inside a long quotation', 'She said: “We will rebuild the school. Nobody can stop that.”', ['future', 'will', 'will rebuild the school']],
  ])('%s', (_name, text, expected) => {
    expect(cues(text)).toContainEqual(expected);
  });

  it('does not read "not only" as a negation', () => {
    expect(cues('The rebels not only shelled the town but also cut the water.').filter((c) => c[0] === 'negation')).toEqual([]);
  });

  it('does not read the noun "will" as a future', () => {
    expect(cues('The will of the voters is clear.')).toEqual([]);
  });
});
