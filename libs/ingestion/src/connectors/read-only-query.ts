import { ConnectorError } from './connector.error';

/**
 * A first, static check that `query` is one SELECT or WITH statement. It only judges the shape; the
 * READ ONLY transaction the query runs in is what stops writes (a data-modifying CTE, SELECT INTO,
 * nextval), and the server reports those as `query-not-read-only` too.
 */
export function assertReadOnlyQuery(query: string): void {
  const code = withoutLiteralsAndComments(query).trim().replace(/;\s*$/, '');
  if (code.includes(';')) {
    throw notReadOnly('query must be a single statement');
  }
  const first = /^[\s(]*([a-z]+)/i.exec(code)?.[1]?.toLowerCase();
  if (first !== 'select' && first !== 'with') {
    throw notReadOnly(`query must start with SELECT or WITH, not ${first?.toUpperCase() ?? 'nothing'}`);
  }
}

function notReadOnly(message: string): ConnectorError {
  return new ConnectorError('query-not-read-only', message, { field: 'query' });
}

/**
 * The query with comments removed and every string, quoted identifier and dollar-quoted body blanked,
 * so a `;` or keyword inside them is not mistaken for code.
 */
export function withoutLiteralsAndComments(query: string): string {
  let out = '';
  let i = 0;
  while (i < query.length) {
    const end =
      lineCommentEnd(query, i) ??
      blockCommentEnd(query, i) ??
      escapeStringEnd(query, i) ??
      quotedEnd(query, i, "'", false) ??
      quotedEnd(query, i, '"', false) ??
      dollarQuotedEnd(query, i);
    if (end !== undefined) {
      out += ' ';
      i = end;
    } else {
      out += query[i] ?? '';
      i += 1;
    }
  }
  return out;
}

// Each `...End(text, at)` returns where the construct starting at `at` ends, or undefined if none starts there.

function lineCommentEnd(text: string, at: number): number | undefined {
  if (!text.startsWith('--', at)) return undefined;
  const newline = text.indexOf('\n', at);
  return newline === -1 ? text.length : newline + 1;
}

/** Block comments nest in PostgreSQL. */
function blockCommentEnd(text: string, at: number): number | undefined {
  if (!text.startsWith('/*', at)) return undefined;
  let depth = 0;
  for (let i = at; i < text.length; i += 1) {
    if (text.startsWith('/*', i)) {
      depth += 1;
      i += 1;
    } else if (text.startsWith('*/', i)) {
      depth -= 1;
      i += 1;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

/** E'it\'s': the one string form where a backslash escapes (standard_conforming_strings is on). */
function escapeStringEnd(text: string, at: number): number | undefined {
  if (!/[eE]/.test(text[at] ?? '') || isIdentifierChar(text[at - 1])) return undefined;
  return quotedEnd(text, at + 1, "'", true);
}

/** 'it''s' and "quoted ""ident""": a doubled quote stays inside. */
function quotedEnd(text: string, at: number, quote: string, backslashEscapes: boolean): number | undefined {
  if (text[at] !== quote) return undefined;
  for (let i = at + 1; i < text.length; i += 1) {
    if (backslashEscapes && text[i] === '\\') i += 1;
    else if (text[i] === quote) {
      if (text[i + 1] === quote) i += 1;
      else return i + 1;
    }
  }
  return text.length;
}

function dollarQuotedEnd(text: string, at: number): number | undefined {
  if (text[at] !== '$' || isIdentifierChar(text[at - 1])) return undefined;
  const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(at, at + 66))?.[0];
  if (tag === undefined) return undefined;
  const close = text.indexOf(tag, at + tag.length);
  return close === -1 ? text.length : close + tag.length;
}

function isIdentifierChar(char: string | undefined): boolean {
  return char !== undefined && /[A-Za-z0-9_$]/.test(char);
}
