/**
 * An object parameter whose Java class is chosen by the caller rather than by the declaration, for abstract
 * or interface types such as `OrderByComparator`: the portal instantiates `className` and sets `fields` on it.
 */
export class ObjectWrapper {
  // Makes the class nominal, so a model with `className` and `fields` keys is never mistaken for a wrapper.
  declare private readonly objectWrapper: never;
  readonly className: string;
  readonly fields: object;

  constructor(className: string, fields: object) {
    this.className = className;
    this.fields = fields;
  }
}

/** Sends `fields` as an instance of `className` (`"+name": className`, `"name.key": value`). */
export function withClassName(className: string, fields: object = {}): ObjectWrapper {
  return new ObjectWrapper(className, fields);
}
