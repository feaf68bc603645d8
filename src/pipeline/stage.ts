import type { Diagnostic, Document, LayerName, Layers } from '../core/index.js';

/** What a stage may read besides the document: the reference date and options. */
export interface StageContext {
  /** ISO date used as "now" when the document has no publication date. */
  readonly referenceDate: string | null;
  readonly options: Readonly<Record<string, unknown>>;
}

/** What a stage returns: new layers and diagnostics. It never edits its input. */
export interface StageResult {
  readonly layers: Partial<Layers>;
  readonly diagnostics?: readonly Diagnostic[];
}

/** A pure pipeline stage that declares the layers it needs and produces. */
export interface Stage {
  readonly name: string;
  readonly version: string;
  readonly requires: readonly LayerName[];
  readonly produces: readonly LayerName[];
  run(doc: Document, ctx: StageContext): StageResult;
}
