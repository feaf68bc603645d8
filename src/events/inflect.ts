/** Irregular English verb and noun forms that trigger lemmas may take (form → lemma). */
const IRREGULAR_TABLE: Readonly<Record<string, string>> = {
  held: 'hold', holds: 'hold', took: 'take', taken: 'take', struck: 'strike', stricken: 'strike',
  fought: 'fight', shot: 'shoot', beaten: 'beat', beat: 'beat', sent: 'send', gave: 'give', given: 'give',
  met: 'meet', sought: 'seek', swore: 'swear', sworn: 'swear', broke: 'break', broken: 'break', froze: 'freeze',
  frozen: 'freeze', threw: 'throw', thrown: 'throw', blew: 'blow', blown: 'blow', began: 'begin', begun: 'begin',
  brought: 'bring', cut: 'cut', set: 'set', quit: 'quit', hit: 'hit', overran: 'overrun', overrun: 'overrun',
  withdrew: 'withdraw', withdrawn: 'withdraw', led: 'lead', made: 'make', laid: 'lay', paid: 'pay', rode: 'ride',
  forced: 'force', told: 'tell', said: 'say', went: 'go', gone: 'go', undertook: 'undertake', retook: 'retake', retaken: 'retake',
  wounded: 'wound', bombed: 'bomb', shelled: 'shell', fled: 'flee', slew: 'slay', slain: 'slay', stood: 'stand',
  talks: 'talk', negotiations: 'negotiation', strikes: 'strike', clashes: 'clash', airstrikes: 'airstrike',
  bombings: 'bombing', killings: 'killing', executions: 'execution', sanctions: 'sanction', hostilities: 'hostility',
  demonstrators: 'demonstrator', protesters: 'protester', protestors: 'protester', protestor: 'protester',
  'cease-fire': 'ceasefire', 'cease-fires': 'ceasefire', ceasefires: 'ceasefire', releases: 'release',
};

const IRREGULAR: ReadonlyMap<string, string> = new Map(Object.entries(IRREGULAR_TABLE));

const VOWELS = /[aeiou]/;

/** Regular inflections of a lemma: -s/-es, -ed/-d, -ing (with consonant doubling and e/y rules). */
export function inflections(lemma: string): string[] {
  const out = new Set<string>([lemma]);
  if (lemma.includes(' ') || lemma.length < 2) return [...out];
  const last = lemma[lemma.length - 1]!;
  const prev = lemma[lemma.length - 2]!;
  // third person / plural
  if (/(s|x|z|ch|sh)$/.test(lemma)) out.add(lemma + 'es');
  else if (last === 'y' && !VOWELS.test(prev)) out.add(lemma.slice(0, -1) + 'ies');
  else out.add(lemma + 's');
  // past / participle
  if (last === 'e') out.add(lemma + 'd');
  else if (last === 'y' && !VOWELS.test(prev)) out.add(lemma.slice(0, -1) + 'ied');
  else out.add(lemma + 'ed');
  // gerund
  if (last === 'e' && prev !== 'e') out.add(lemma.slice(0, -1) + 'ing');
  else out.add(lemma + 'ing');
  // consonant doubling for short CVC stems (stab → stabbed, ship → shipped, ban → banned)
  if (/^[^aeiou]*[aeiou][bdgklmnprt]$/.test(lemma)) {
    out.add(lemma + last + 'ed');
    out.add(lemma + last + 'ing');
  }
  return [...out];
}

/** Maps an irregular form to its lemma, or null. */
export function irregularLemma(form: string): string | null {
  return IRREGULAR.get(form) ?? null;
}
