/**
 * What `liferay-sdk-builder discover` does: fetch or read discovery documents, then save them, summarise
 * them, or print a machine-readable summary.
 */
import { count } from '../../count.js';
import { discoverDocuments, type DiscoveryDocument } from '../../discovery/index.js';
import { buildApi } from '../../model/index.js';
import type { Api } from '../../model/types.js';
import { WriteError } from '../../write/write-error.js';
import { atomicWriteFile } from '../../write/atomic-write-file.js';
import { CliError } from '../cli-error.js';
import { toDiscoverOptions, type DiscoveryFlags } from '../options.js';
import type { Reporter } from '../report.js';
import { describeEvent, prepareRun, skipWebAssemblyTierUp, warnOnEmpty } from '../run.js';

export interface DiscoverFlags extends DiscoveryFlags {
  readonly out?: string;
  readonly summary?: boolean;
  readonly json?: boolean;
}

export async function runDiscover(given: DiscoverFlags, reporter: Reporter): Promise<void> {
  const flags = await prepareRun(given, reporter);
  if (flags.url !== undefined) await skipWebAssemblyTierUp();
  const documents = await discoverDocuments({
    ...toDiscoverOptions(flags, process.env),
    onEvent: (event) => reporter.debug(describeEvent(event)),
  });
  const api = buildApi(documents);
  warnOnEmpty(
    api.contexts.map(({ name, services }) => ({ name, services: services.length })),
    reporter,
  );
  if (flags.out !== undefined) await saveDocuments(documents, flags.out, reporter);
  if (flags.json === true) reporter.json(jsonSummary(api));
  else if (flags.summary === true) reporter.result(tableSummary(api));
  else if (flags.out === undefined) reporter.result(shortSummary(api));
}

async function saveDocuments(documents: readonly DiscoveryDocument[], out: string, reporter: Reporter): Promise<void> {
  for (const entry of documents) {
    const path = documents.length === 1 ? out : `${out.replace(/\.json$/i, '')}-${entry.context}.json`;
    const text = prettyJson(entry, path);
    try {
      await atomicWriteFile(path, text);
    } catch (error) {
      const reason =
        (error as NodeJS.ErrnoException).code === 'EISDIR'
          ? 'it is a folder'
          : ((error as NodeJS.ErrnoException).code ?? String(error));
      throw new WriteError(
        'write.save',
        `cannot save the discovery document to ${path} (${reason}): check that its folder exists and is writable`,
        { cause: error },
      );
    }
    reporter.info(`saved ${entry.format} discovery of context ${entry.context} to ${path}`);
  }
}

/** The document as pretty JSON; one nested too deeply to print (JSON.parse takes more than stringify) is refused. */
function prettyJson(entry: DiscoveryDocument, path: string): string {
  try {
    return `${JSON.stringify(entry.raw ?? entry.document, null, 2)}\n`;
  } catch (error) {
    throw new CliError(
      'cli.document-too-deep',
      `cannot save the discovery of context ${entry.context} to ${path}: the document is nested too deeply to print`,
      { cause: error },
    );
  }
}

function counts(api: Api) {
  return api.contexts.map((context) => ({
    name: context.name,
    services: context.services.length,
    actions: context.services.reduce((sum, service) => sum + service.actions.length, 0),
    models: context.models.length,
  }));
}

function jsonSummary(api: Api): object {
  return { format: api.format, portalVersion: api.portalVersion, contexts: counts(api) };
}

function shortSummary(api: Api): string {
  const lines = counts(api).map(
    (c) =>
      `context ${c.name}: ${count(c.services, 'service')}, ${count(c.actions, 'action')}, ${count(c.models, 'model')}`,
  );
  return [`${api.format} discovery, portal ${api.portalVersion ?? '(version unknown)'}`, ...lines].join('\n');
}

function tableSummary(api: Api): string {
  const rows: string[][] = [['context', 'service', 'class', 'actions']];
  for (const context of api.contexts) {
    for (const service of context.services)
      rows.push([context.name, service.id, service.className, String(service.actions.length)]);
  }
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const table = rows.map((row) =>
    row
      .map((cell, column) => (column === 3 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
  return [shortSummary(api), '', ...table].join('\n');
}
