import type { PromptVersionCreatedV1 } from '@llmops/contracts';

/** A prompt template: text, or chat messages (the `prompt-version-created` contract's shape). */
export type PromptTemplate = PromptVersionCreatedV1['template'];

/** A chat message after rendering. */
export interface RenderedMessage {
  role: Extract<PromptTemplate, { kind: 'chat' }>['messages'][number]['role'];
  content: string;
}

export type RenderedPrompt = { kind: 'text'; text: string } | { kind: 'chat'; messages: RenderedMessage[] };

/** Values a caller may substitute; numbers and booleans are written as JavaScript prints them. */
export type VariableValues = Readonly<Record<string, string | number | boolean>>;

/**
 * A variable name: an identifier, so `{{ name }}` can never be mistaken for an expression. A leading
 * `__` is not a name (it keeps `__proto__` and friends out of the values object).
 */
export const VARIABLE_NAME = /^(?!__)[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `{{name}}` or `{{ name }}`. Nothing else is syntax: no helpers, sections, escaping or expressions, so a
 * template cannot run code or read anything but the values given. Text that merely looks similar
 * (`{{ not valid }}`, `{ {x} }`) stays literal.
 */
const PLACEHOLDER = /\{\{\s*((?!__)[A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

function texts(template: PromptTemplate): string[] {
  return template.kind === 'text' ? [template.text] : template.messages.map((m) => m.content);
}

/** The variables a template uses, in order of first use. */
export function templateVariables(template: PromptTemplate): string[] {
  const seen = new Set<string>();
  for (const text of texts(template)) {
    for (const match of text.matchAll(PLACEHOLDER)) if (match[1] !== undefined) seen.add(match[1]);
  }
  return [...seen];
}

/** Why values do not fit a template: each missing and each unknown variable, by name. */
export interface VariableProblems {
  missing: string[];
  unknown: string[];
}

export function checkVariables(declared: readonly string[], values: VariableValues): VariableProblems {
  const given = Object.keys(values);
  return {
    missing: declared.filter((name) => !Object.hasOwn(values, name)),
    unknown: given.filter((name) => !declared.includes(name)),
  };
}

/**
 * Substitutes every placeholder in one pass: a value that itself contains `{{x}}` is inserted as is,
 * never expanded again. The caller checks the values first (`checkVariables`).
 */
export function renderTemplate(template: PromptTemplate, values: VariableValues): RenderedPrompt {
  const fill = (text: string): string =>
    text.replace(PLACEHOLDER, (placeholder, name: string) =>
      Object.hasOwn(values, name) ? String(values[name]) : placeholder,
    );
  return template.kind === 'text'
    ? { kind: 'text', text: fill(template.text) }
    : { kind: 'chat', messages: template.messages.map((m) => ({ role: m.role, content: fill(m.content) })) };
}

/** How declared variables differ from the ones a template uses. */
export interface DeclarationProblems {
  /** Used by the template but not declared. */
  undeclared: string[];
  /** Declared but never used. */
  unused: string[];
}

/** Declared variables must be exactly the used ones: both kinds of mismatch are almost always typos. */
export function declarationProblems(
  used: readonly string[],
  declared: readonly string[],
): DeclarationProblems {
  return {
    undeclared: used.filter((name) => !declared.includes(name)),
    unused: declared.filter((name) => !used.includes(name)),
  };
}
