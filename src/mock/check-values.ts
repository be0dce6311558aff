/**
 * JDK value classes (BigDecimal, BigInteger, Date, Calendar, Locale, ...) as a 7.3 portal converts them
 * (JSONWebServiceActionImpl with jodd's TypeConverterManager): from a plain value, never from a `+name`
 * wrapper, since the portal then instantiates the class with no arguments (BigDecimal has no such
 * constructor). A value it cannot convert fails in jodd, and the portal rethrows that as a ClassCastException.
 */
import type { ValueClassKind } from '../model/types.js';
import { PortalFault } from './portal-fault.js';

/** Value classes with a public constructor without arguments: `+name` makes a default one (now, for a Date). */
const INSTANTIABLE = new Set(['java.util.Date', 'java.util.GregorianCalendar', 'java.lang.Object']);
/** What `new BigDecimal(text.trim())` reads. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** jodd's DateConverter parses text that is not all digits as JDateTime's default format. */
const DATE_FIELDS = ['-', '-', ' ', ':', ':', '.'] as const;

/**
 * A `+name` (or `+name:Class`) for a value class: the class the wrapper names must be the parameter's own
 * (`_checkTypeIsAssignable`), and the portal then calls its constructor without arguments.
 */
export function checkValueWrapper(className: string, hint: string | undefined, position: number): void {
  if (hint !== undefined && hint !== className) {
    throw new PortalFault(
      'java.lang.IllegalArgumentException',
      `Unmatched argument type ${hint} for method argument ${position}`,
    );
  }
  if (!INSTANTIABLE.has(className)) throw new PortalFault('java.lang.InstantiationException', className);
}

/** A plain value for a value class, converted as the portal does; throws the portal's fault when it cannot be. */
export function checkValueClass(value: ValueClassKind, className: string, given: unknown): void {
  if (value === 'decimal' || value === 'integer') checkNumberText(value, given);
  // A Calendar is read by GetterUtil.getLong, which gives 0 for anything that is not a number.
  else if (value === 'date' && className !== 'java.util.Calendar') checkDate(given);
}

function checkNumberText(value: 'decimal' | 'integer', given: unknown): void {
  const text = javaText(given).trim();
  if (typeof given !== 'object' && (value === 'decimal' ? DECIMAL : /^[+-]?\d+$/).test(text)) return;
  throw new PortalFault('java.lang.ClassCastException', `Conversion failed: ${javaText(given)}`);
}

/** A number is milliseconds, and so is text of digits only; other text is read field by field as "YYYY-MM-DD hh:mm:ss.mss". */
function checkDate(given: unknown): void {
  if (typeof given === 'number') return;
  const text = javaText(given).trim();
  if (/^\d+$/.test(text)) return;
  let rest = text;
  for (const separator of [...DATE_FIELDS, undefined]) {
    // A field runs to its separator, else to the end; the last one (milliseconds) is at most 3 characters.
    const end = separator === undefined ? 3 : rest.indexOf(separator);
    const field = (end < 0 ? rest : rest.slice(0, end)).replace(/[ \t]/g, '');
    if (!/^[+-]?\d+$/.test(field))
      throw new PortalFault('java.lang.ClassCastException', `For input string: "${field}"`);
    if (end < 0 || separator === undefined) return;
    rest = rest.slice(end + 1);
  }
}

/** Roughly what Java's toString gives for a value parsed from JSON or a form: text as it is, others as JSON. */
function javaText(given: unknown): string {
  return typeof given === 'string' ? given : (JSON.stringify(given) ?? String(given));
}
