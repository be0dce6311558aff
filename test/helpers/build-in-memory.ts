/** A fixture's packages through the same stages as `generate()` (model to format), in memory, not verified or written. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratedPackage } from '../../src/check/release-packages.js';
import type { GenerateOptions } from '../../src/generate-options.js';
import { stageTimer } from '../../src/generate-options.js';
import { buildPackages } from '../../src/generate-stages.js';

import { projectRoot as ROOT } from './project.js';

export async function buildInMemory(
  document: string,
  options: Partial<GenerateOptions> = {},
): Promise<readonly GeneratedPackage[]> {
  const source = join(ROOT, document);
  const texts = [{ text: readFileSync(source, 'utf8'), source }];
  const built = await buildPackages(texts, { discovery: [source], ...options }, { time: stageTimer({}) });
  return built.packages;
}
