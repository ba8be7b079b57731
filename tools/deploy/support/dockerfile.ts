import { readRepoFile } from './repo-files';

export interface Instruction {
  keyword: string;
  args: string;
}

export interface Stage {
  image: string;
  name?: string;
  instructions: Instruction[];
}

export interface ParsedDockerfile {
  /** `ARG`s declared before the first FROM, with their defaults. */
  globalArgs: Record<string, string>;
  stages: Stage[];
}

/** Instructions with line continuations joined and comments dropped; enough for the checks here. */
export function parseDockerfile(text = readRepoFile('Dockerfile')): ParsedDockerfile {
  const lines = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const result: ParsedDockerfile = { globalArgs: {}, stages: [] };
  for (const line of lines) {
    const at = line.search(/\s/);
    const keyword = (at < 0 ? line : line.slice(0, at)).toUpperCase();
    const args = at < 0 ? '' : line.slice(at + 1).trim();
    if (keyword === 'FROM') {
      const match = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      if (!match?.[1]) throw new Error(`cannot parse FROM ${args}`);
      result.stages.push({ image: match[1], ...(match[2] ? { name: match[2] } : {}), instructions: [] });
      continue;
    }
    const stage = result.stages.at(-1);
    if (!stage) {
      if (keyword === 'ARG') {
        const [name = '', value = ''] = args.split('=');
        result.globalArgs[name] = value;
      }
      continue;
    }
    stage.instructions.push({ keyword, args });
  }
  return result;
}

/** Sources of a COPY (`--from=` copies and flags excluded); `[]` for copies from another stage. */
export function copySources(instruction: Instruction): string[] {
  const words = instruction.args.split(/\s+/);
  if (words.some((word) => word.startsWith('--from='))) return [];
  const paths = words.filter((word) => !word.startsWith('--'));
  return paths.slice(0, -1);
}

interface IgnoreRule {
  negate: boolean;
  regex: RegExp;
}

function globToRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern.charAt(i);
    if (char === '*' && pattern.charAt(i + 1) === '*') {
      const slash = pattern.charAt(i + 2) === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

/**
 * `.dockerignore` as BuildKit reads it: patterns in order, the last match wins, `!` re-includes, and a
 * pattern that matches a directory matches everything below it.
 */
export function dockerignore(text = readRepoFile('.dockerignore')): (path: string) => boolean {
  const rules: IgnoreRule[] = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const negate = line.startsWith('!');
      const pattern = (negate ? line.slice(1) : line).trim().replace(/^\/+/, '').replace(/\/+$/, '');
      return { negate, regex: globToRegex(pattern) };
    });
  return (path: string): boolean => {
    const parts = path.split('/');
    const prefixes = parts.map((_, index) => parts.slice(0, index + 1).join('/'));
    let excluded = false;
    for (const rule of rules) {
      if (prefixes.some((prefix) => rule.regex.test(prefix))) excluded = !rule.negate;
    }
    return excluded;
  };
}
