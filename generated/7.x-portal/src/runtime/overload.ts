import { LiferayError } from './errors.js';
import type { ActionSpec, ParameterSpec } from './spec.js';

const decoded = new WeakMap<ActionSpec, readonly (readonly ParameterSpec[])[]>();

/** An action's overloads as parameter lists, the compact string form decoded once per action. */
function overloadsOf(action: ActionSpec): readonly (readonly ParameterSpec[])[] {
  let overloads = decoded.get(action);
  if (!overloads) {
    overloads = action[1].map((overload) => (typeof overload !== 'string' ? overload : overload ? overload.split(' ').map(decodeParameter) : []));
    decoded.set(action, overloads);
  }
  return overloads;
}

function decodeParameter(entry: string): ParameterSpec {
  const [name, kind, className] = entry.split(':') as [string, ('bytes' | 'file')?, string?];
  return !kind ? name : className ? [name, kind as 'object', className] : [name, kind];
}

/** The parameter name of a spec entry. */
export function parameterName(spec: ParameterSpec): string {
  return typeof spec === 'string' ? spec : spec[0];
}

function isContext(spec: ParameterSpec): boolean {
  return typeof spec !== 'string' && spec[1] === 'context';
}

/**
 * Picks the overload the caller meant from the keys it passed: the one whose names equal those keys (a
 * ServiceContext left out does not count), else the smallest one holding every key; the rest go as null.
 * The portal picks by names too, so this mirrors what it would accept.
 */
export function chooseOverload(action: ActionSpec, parameters: object): readonly ParameterSpec[] {
  const keys = Object.keys(parameters);
  let best: readonly ParameterSpec[] | undefined;
  let bestExact = false;
  const overloads = overloadsOf(action);
  for (const overload of overloads) {
    if (!keys.every((key) => overload.some((spec) => parameterName(spec) === key))) continue;
    // Exact: every parameter was passed, except perhaps an omittable ServiceContext.
    const exact = overload.every((spec) => isContext(spec) || keys.includes(parameterName(spec)));
    if (!best || (exact !== bestExact ? exact : overload.length < best.length)) {
      best = overload;
      bestExact = exact;
    }
  }
  if (best) return best;
  const available = overloads.map((overload) => '(' + overload.map(parameterName).join(', ') + ')').join(' | ');
  throw new LiferayError('no overload takes the parameters {' + keys.join(', ') + '}; available: ' + available, action[0]);
}
