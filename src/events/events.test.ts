import { describe, expect, it } from 'vitest';
import { extract } from '../extract.js';
import { codeEvents, summarize } from './test-helpers.js';

// Test sentences are written for this project (no evaluation text).
describe('events stage: type, mode, modality and participants', () => {
  it.each([
    ['an actual release of captives is RETREAT/release', '[Rebels]{GRP:COL} freed [Peruvian]{GPE:PER} hostages on Monday.', ['RETREAT/release asserted A=COL R=PER']],
    ['an air strike is ASSAULT with an aerial mode', '[Turkish]{GPE:TUR} jets struck [Kurdish]{GRP:IRQ} positions overnight.', ['ASSAULT/aerial asserted A=TUR R=IRQ']],
    ['a passive attack takes the by-agent as actor', 'A convoy of [Malian]{GPE:MLI} soldiers was ambushed by [militants]{GRP:MLI} near the border.', ['ASSAULT asserted A=MLI R=MLI']],
    ['a labour strike is PROTEST, not ASSAULT', 'Dock workers in [Lisbon]{LOC:PRT} went on strike over pay.', ['PROTEST/strike asserted A=PRT R=']],
    ['talks with X put both sides among the actors', '[Kenya]{GPE:KEN} held talks with [Somalia]{GPE:SOM} about the border.', ['CONSULT asserted A=KEN+SOM R=']],
    ['call for is a REQUEST', '[Norway]{GPE:NOR} called for the release of the detained aid workers.', ['REQUEST/yield asserted A=NOR R=']],
    ['a threat absorbs its content as mode', '[Serbia]{GPE:SRB} threatened to expel [Croatian]{GPE:HRV} diplomats.', ['THREATEN/expel asserted A=SRB R=HRV']],
    ['a refusal of a cooperative act is REJECT', '[Ghana]{GPE:GHA} said it will not accept the proposal.', ['REJECT/change reported A=GHA R=']],
    ['a promise of aid is AGREE, planned', '[Japan]{GPE:JPN} will send food aid to [Haiti]{GPE:HTI}.', ['AGREE planned A=JPN R=HTI']],
    ['could marks a potential event', '[Mexico]{GPE:MEX} could impose sanctions on the cartels.', ['SANCTION/discontinue potential A=MEX R=']],
    ['a negated arrest stays negated', 'Police in [Quito]{LOC:ECU} did not arrest the organisers.', ['COERCE/arrest negated A=ECU R=']],
    ['an arrest is COERCE/arrest', '[Iranian]{GPE:IRN} police arrested two [French]{GPE:FRA} tourists.', ['COERCE/arrest asserted A=IRN R=FRA']],
    ['X said Y must act is a demand by X on Y', '[Brazil]{GPE:BRA} said [Venezuela]{GPE:VEN} must free the detained opposition leaders.', ['REQUEST/yield reported A=BRA R=VEN']],
    ['a declared ceasefire is CONCEDE', '[Armenia]{GPE:ARM} declared a unilateral ceasefire on Sunday.', ['CONCEDE asserted A=ARM R=']],
    ['an exchange of prisoners is a release by both sides', '[Sudan]{GPE:SDN} and [Chad]{GPE:TCD} exchanged prisoners on Friday.', ['RETREAT/release asserted A=SDN+TCD R=']],
    ['recalling an ambassador reduces relations', '[Peru]{GPE:PER} recalled its ambassador from [Mexico]{GPE:MEX}.', ['SANCTION/discontinue asserted A=PER R=MEX']],
    ['lifting a curfew is CONCEDE', 'The [Thai]{GPE:THA} army lifted the curfew in the south.', ['CONCEDE asserted A=THA R=']],
    ['hosting a leader is CONSULT/visit', '[Egypt]{GPE:EGY} hosted the [Jordanian]{GPE:JOR} king in Cairo.', ['CONSULT/visit asserted A=EGY R=JOR']],
    ['a capital as direct object stands for its state', '[Ottawa]{LOC:CAN} accused [Delhi]{LOC:IND} of interference.', ['ACCUSE/allege asserted A=CAN R=IND']],
    ['a future visit is an AGREE, planned', '[Chile]{GPE:CHL} will visit [Argentina]{GPE:ARG} next month.', ['AGREE planned A=CHL R=ARG']],
    ['a ceasefire that took effect happened, even with its sides named only after between', 'A truce between [Sudan]{GPE:SDN} and [Chad]{GPE:TCD} came into force on Friday.', ['RETREAT/ceasefire asserted A= R=SDN+TCD']],
    ['handing captives to a mediator is their release', '[Rebels]{GRP:COL} handed four [Peruvian]{GPE:PER} hostages to the Red Cross.', ['RETREAT/release asserted A=COL R=PER']],
    ['released captives are not coded by the place they are handed over in', '[Rebels]{GRP:VEN} handed four hostages to the Red Cross in [Cali]{LOC:COL}.', ['RETREAT/release asserted A=VEN R=']],
    ['a participle adjunct takes the subject of the verb before it', '[Sudan]{GPE:SDN} delayed the handover, accusing [Chad]{GPE:TCD} of breaking the truce.', ['ACCUSE/allege asserted A=SDN R=TCD']],
    ['opening crossing points eases a blockade (access)', '[Turkey]{GPE:TUR} opened two crossing points on the border on Monday.', ['RETREAT/access asserted A=TUR R=']],
    ['stopping goods from entering a place withholds them', '[Serbia]{GPE:SRB} stopped all goods and fuel from entering the enclave.', ['COERCE/withhold asserted A=SRB R=']],
    ['a stated readiness is at most planned', '[Ghana]{GPE:GHA} said it was ready to free the detained sailors.', ['AGREE planned A=GHA R=']],
    ['a vow that X will pay a price is a threat', '[Peru]{GPE:PER} vowed that the gang would pay a heavy price for what it called a cowardly ambush.', ['THREATEN/restrict asserted A=PER R=']],
    ['a proposal under a negative if-condition is a threat', '[Chile]{GPE:CHL} said it would propose ending the truce if the sailors were not freed by Friday.', ['THREATEN planned A=CHL R=']],
    ['a commitment under a condition is a threat', '[Niger]{GPE:NER} will withdraw its troops unless the junta steps down.', ['THREATEN/relations planned A=NER R=']],
  ])('%s', (_name, markup, expected) => {
    expect(summarize(codeEvents(markup).doc)).toEqual(expected);
  });

  it.each([
    ['a disaster is not an assault', 'Floods killed 30 villagers in the delta last week.'],
    ['a reporting verb is not an event', 'The spokesman said the weather would improve.'],
    ['a product release is not a RETREAT', 'The carmaker released a new electric model in March.'],
    ['a sports win is not an assault', 'The visitors beat the champions 2-0 in the final.'],
    ['a press release is not a release of captives', 'The ministry issued a press release about the budget.'],
  ])('no event: %s', (_name, text) => {
    expect(summarize(codeEvents(text).doc)).toEqual([]);
  });

  it('a reduced passive relative ("a compromise mediated by X") does not silence the event of a following relative clause', () => {
    const { doc } = codeEvents('The move followed a compromise mediated by [Qatar]{GPE:QAT}, under which [Mali]{GPE:MLI} agreed to free the prisoners.');
    expect(summarize(doc)).toContain('AGREE asserted A=MLI R=');
  });

  it('an absorbed complement brings the quantity of its object', () => {
    const x = extract('Mali agreed to free three detained sailors on Monday.', { published: '2024-05-06' });
    expect(x.events.map((e) => [e.type, e.quantities.map((q) => q.value)])).toEqual([['AGREE', [3]]]);
  });

  it('a motion participle names the place ("stopped goods from entering X")', () => {
    const x = extract('The army stopped all fuel and food from entering Kabul on Monday.', { published: '2024-05-06' });
    expect(x.events.map((e) => [e.type, e.location?.name ?? null])).toEqual([['COERCE', 'Kabul']]);
  });

  it('an exchange for prisoners adds a release by the other side', () => {
    const { doc } = codeEvents('[Hezbollah]{ORG:LBN} released three [Israeli]{GPE:ISR} soldiers in exchange for 400 [Lebanese]{GPE:LBN} prisoners.');
    expect(summarize(doc)).toEqual(['RETREAT/release asserted A=LBN R=ISR', 'RETREAT/release asserted A=ISR R=LBN']);
  });

  it('a definite event noun adds its place to the earlier event instead of a new one', () => {
    const { doc, text } = codeEvents('[Ukraine]{GPE:UKR} opened negotiations with [Moldova]{GPE:MDA} on transit. The negotiations took place in [Vienna]{LOC:AUT}.');
    const evs = doc.layers.events!;
    expect(evs).toHaveLength(1);
    expect(evs[0]!.location?.name).toBe('Vienna');
    expect(text.slice(evs[0]!.trigger.start, evs[0]!.trigger.end)).toBe('negotiations');
  });

  it('finishes a long sentence with no punctuation quickly (linear scan)', () => {
    const long = 'the army attacked the village and '.repeat(3000);
    const t0 = Date.now();
    codeEvents(long);
    expect(Date.now() - t0).toBeLessThan(20000);
  });
});
