/**
 * `generate` and `generate --check` as the CLI runs them: when the last run of the same command (same
 * documents, options, templates and generator) left its output folders exactly as it wrote them, stop right
 * after discovery and report what that run reported. Otherwise the whole pipeline runs, loaded only then, so
 * that a run with nothing to do costs little more than reading the documents.
 */
import { discoverTexts, type DocumentText } from '../discovery/index.js';
import { stageTimer, type GenerateOptions } from '../generate-options.js';
import type { Discovered, GenerateResult, PackageCheck } from '../generate.js';
import { checkUpToDate, type RunSummary, type UpToDate } from './run-record.js';
import { runIdentity } from './run-key.js';

export type GenerateOutcome = { readonly upToDate: true; readonly summary: RunSummary } | { readonly upToDate: false; readonly summary: RunSummary; readonly result: GenerateResult };

export interface CheckOutcome {
  readonly upToDate: boolean;
  readonly checks: readonly PackageCheck[];
}

/** Called with why the whole pipeline runs, before it does (for --verbose: a failing run says why too). */
export type OnStale = (reason: string) => void;

export async function generateUnlessUpToDate(options: GenerateOptions, onStale: OnStale = () => {}): Promise<GenerateOutcome> {
  const { known, ...discovered } = await discoverAndCheck(options);
  if (known.upToDate) return known;
  onStale(known.reason);
  const { generateFromTexts, summarize } = await import('../generate.js');
  const result = await generateFromTexts(discovered, options);
  return { upToDate: false, summary: summarize(result), result };
}

/** `--check`: an up-to-date output has no drift, by definition of the record. */
export async function checkUnlessUpToDate(options: GenerateOptions, onStale: OnStale = () => {}): Promise<CheckOutcome> {
  const { known, ...discovered } = await discoverAndCheck(options);
  if (known.upToDate) {
    return { upToDate: true, checks: known.summary.packages.map((summary) => ({ package: summary, drift: NO_DRIFT, release: { previousVersion: summary.version, version: summary.version, semver: 'none', changes: [] } })) };
  }
  onStale(known.reason);
  const { checkFromTexts } = await import('../generate.js');
  return { upToDate: false, checks: await checkFromTexts(discovered, options) };
}

const NO_DRIFT = { added: [], removed: [], changed: [] };

interface Checked extends Discovered {
  readonly known: UpToDate;
}

async function discoverAndCheck(options: GenerateOptions): Promise<Checked> {
  const time = stageTimer(options);
  const texts = await time('discovery', () => discoverForGenerate(options));
  const { cacheDir } = options;
  if (cacheDir === undefined) return { time, texts, identity: undefined, known: { upToDate: false, reason: 'no cache folder' } };
  return time('up-to-date', () => {
    const identity = runIdentity(texts, options);
    const known: UpToDate = identity === undefined ? { upToDate: false, reason: 'an input could not be read' } : checkUpToDate(cacheDir, identity);
    return { time, texts, identity, known };
  });
}

/** The documents' texts: one discovery per context when contexts carry their own filter or document, else one for all. */
export async function discoverForGenerate(options: GenerateOptions): Promise<DocumentText[]> {
  const contexts = options.contextOptions;
  const perContext = contexts !== undefined && contexts.some((context) => context.filter !== undefined || context.discovery !== undefined);
  if (!perContext) return discoverTexts(options);
  const texts: DocumentText[] = [];
  for (const context of contexts) {
    const { url, discovery, contexts: _all, filter, ...shared } = options;
    const source = context.discovery !== undefined ? { discovery: [context.discovery] } : url !== undefined ? { url } : { discovery: discovery ?? [] };
    const chosenFilter = context.filter ?? filter;
    texts.push(...(await discoverTexts({ ...shared, ...source, contexts: [context.name], ...(chosenFilter === undefined ? {} : { filter: chosenFilter }) })));
  }
  return texts;
}
