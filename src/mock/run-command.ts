/** One command, start to end: the matching action, its arguments checked, its generated result. */
import { checkArguments } from './check-arguments.js';
import { generateResult } from './generate-result.js';
import type { Generation } from './generate-value.js';
import type { MockPortalData } from './load-portal.js';
import { type ActionCall, matchAction } from './match-action.js';

export function runCommand(data: MockPortalData, generation: Generation, call: ActionCall): unknown {
  const action = matchAction(data, call);
  const ignoreCase = data.format === '7.x';
  checkArguments(action, call.parameters, ignoreCase);
  return generateResult(action, call.parameters, generation, ignoreCase);
}
