import { diagnostic, withLayers, type Document, type LayerName, type Layers, type Token } from '../core/index.js';
import type { Stage, StageContext } from './stage.js';

/** Checks that every stage's requirements are produced by an earlier stage; throws otherwise. */
export function checkOrder(stages: readonly Stage[]): void {
  const have = new Set<LayerName>();
  for (const s of stages) {
    for (const r of s.requires) {
      if (!have.has(r)) throw new Error(`invariant broken: stage ${s.name} requires layer '${r}' that no earlier stage produces`);
    }
    for (const p of s.produces) have.add(p);
  }
}

/** A configured, checked pipeline. */
export interface Pipeline {
  readonly stages: readonly Stage[];
  run(doc: Document, ctx?: Partial<StageContext>): Document;
}

/** Builds a pipeline after checking the order of its stages. */
export function createPipeline(stages: readonly Stage[]): Pipeline {
  checkOrder(stages);
  return {
    stages,
    run(doc, ctx = {}) {
      const context: StageContext = { referenceDate: ctx.referenceDate ?? doc.meta.published, options: ctx.options ?? {} };
      let current = doc;
      for (const stage of stages) {
        if (current.diagnostics.some((d) => d.severity === 'fatal')) break;
        current = runStage(stage, current, context);
      }
      return current;
    },
  };
}

/** Timing hook for the benchmark: called with each stage's name and elapsed ms. */
export let stageTimer: ((stage: string, ms: number) => void) | null = null;

/** Installs (or removes, with null) the stage timing hook. */
export function setStageTimer(fn: ((stage: string, ms: number) => void) | null): void {
  stageTimer = fn;
}

/** Runs one stage; a thrown stage becomes a fatal diagnostic on the document. */
export function runStage(stage: Stage, doc: Document, ctx: StageContext): Document {
  const t0 = stageTimer ? performance.now() : 0;
  let result;
  try {
    result = stage.run(doc, ctx);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return withLayers(doc, {}, [diagnostic('fatal', stage.name, 'stage-failed', `stage ${stage.name} failed: ${message}`)]);
  }
  if (stageTimer) stageTimer(stage.name, performance.now() - t0);
  for (const name of Object.keys(result.layers) as LayerName[]) {
    if (!stage.produces.includes(name)) throw new Error(`invariant broken: stage ${stage.name} produced undeclared layer '${name}'`);
    checkLayer(doc.text.length, name, result.layers[name] as Layers[LayerName]);
  }
  return withLayers(doc, freezeLayers(result.layers), result.diagnostics ?? []);
}

function freezeLayers(layers: Partial<Layers>): Partial<Layers> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(layers)) out[k] = Object.freeze(v);
  return out as Partial<Layers>;
}

/** Checks spans are in bounds and sorted, ids unique. Throws on a broken invariant. */
export function checkLayer(textLength: number, name: string, records: readonly unknown[] | undefined): void {
  if (!records) return;
  if (name === 'tokens') return checkTokens(textLength, records as readonly Token[]);
  let lastStart = -1;
  // Ids that are strictly increasing numbers (token indices) are unique without a set of strings.
  let increasing = true;
  let lastNumber = -Infinity;
  for (const r of records as readonly Record<string, unknown>[]) {
    const sp = (r.span ?? r) as { start: number; end: number };
    if (typeof sp.start !== 'number' || sp.start < 0 || sp.end > textLength || sp.start > sp.end) {
      throw new Error(`invariant broken: layer ${name} has a span out of bounds: ${JSON.stringify(sp)}`);
    }
    if (sp.start < lastStart) throw new Error(`invariant broken: layer ${name} is not sorted by start`);
    lastStart = sp.start;
    if (increasing) {
      const id = r.id ?? r.i;
      if (id === undefined) continue;
      if (typeof id === 'number' && id > lastNumber) lastNumber = id;
      else increasing = false;
    }
  }
  if (!increasing) checkUniqueIds(name, records as readonly Record<string, unknown>[]);
}

/**
 * checkLayer for the tokens layer, the longest one: the same checks with property reads that
 * stay monomorphic (the generic loop sees records of every layer's shape).
 */
function checkTokens(textLength: number, tokens: readonly Token[]): void {
  let lastStart = -1;
  let lastIndex = -Infinity;
  let increasing = true;
  for (const t of tokens) {
    if (typeof t.start !== 'number' || t.start < 0 || t.end > textLength || t.start > t.end) {
      throw new Error(`invariant broken: layer tokens has a span out of bounds: ${JSON.stringify(t)}`);
    }
    if (t.start < lastStart) throw new Error('invariant broken: layer tokens is not sorted by start');
    lastStart = t.start;
    if (typeof t.i === 'number' && t.i > lastIndex) lastIndex = t.i;
    else increasing = false;
  }
  if (!increasing) checkUniqueIds('tokens', tokens as unknown as readonly Record<string, unknown>[]);
}

function checkUniqueIds(name: string, records: readonly Record<string, unknown>[]): void {
  const ids = new Set<string>();
  for (const r of records) {
    const id = r.id ?? r.i;
    if (id === undefined) continue;
    const key = String(id);
    if (ids.has(key)) throw new Error(`invariant broken: layer ${name} has duplicate id ${key}`);
    ids.add(key);
  }
}
