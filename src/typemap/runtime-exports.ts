/**
 * Every name `src/runtime/index.ts` exports. A generated package's index re-exports the runtime next to
 * its services and models, so no generated name may take one of these. Read from the runtime's own source
 * (shipped with the builder, and copied verbatim into every package), so the list cannot fall behind it.
 */
import { readFileSync } from 'node:fs';
import { ts } from 'ts-morph';

const RUNTIME_INDEX = new URL('../../src/runtime/index.ts', import.meta.url);

/** The runtime's exported names (values and types), sorted; read once, when the typemap is loaded. */
export const RUNTIME_EXPORTS: readonly string[] = [...exportedNames(RUNTIME_INDEX, new Set())].sort();

/** Names `export`ed by the module at `url`, following `export * from` into the runtime's other modules. */
function exportedNames(url: URL, visited: Set<string>): Set<string> {
  const names = new Set<string>();
  if (visited.has(url.href)) return names;
  visited.add(url.href);
  const source = ts.createSourceFile(url.pathname, readFileSync(url, 'utf8'), ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (clause !== undefined && ts.isNamedExports(clause)) for (const element of clause.elements) names.add(element.name.text);
      else if (clause !== undefined) names.add(clause.name.text);
      else if (statement.moduleSpecifier !== undefined && ts.isStringLiteral(statement.moduleSpecifier)) {
        const target = new URL(statement.moduleSpecifier.text.replace(/\.js$/, '.ts'), url);
        for (const name of exportedNames(target, visited)) names.add(name);
      }
    } else if (isExported(statement)) {
      for (const name of declaredNames(statement)) names.add(name);
    }
  }
  return names;
}

function isExported(statement: ts.Statement): boolean {
  return ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
}

function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.flatMap((declaration) => (ts.isIdentifier(declaration.name) ? [declaration.name.text] : []));
  }
  const name = (statement as { name?: ts.Node }).name;
  return name !== undefined && ts.isIdentifier(name) ? [name.text] : [];
}
