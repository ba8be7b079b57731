import { EVENT_DEFINITIONS, TOPIC_CONSUMERS } from '@llmops/contracts';

/** Markers around the generated table in docs/events/README.md. */
export const TABLE_BEGIN = '<!-- BEGIN GENERATED: topics (npm run contracts:generate) -->';
export const TABLE_END = '<!-- END GENERATED: topics -->';

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/**
 * The topic table in Markdown, padded the way Prettier formats tables so `prettier --check` and the
 * staleness check agree (cells are ASCII, so string length is display width).
 */
export function topicTable(): string {
  const header = ['Topic', 'Producer', 'Consumers', 'Key (aggregate)', 'Description'];
  const rows = EVENT_DEFINITIONS.map((definition) => {
    const consumers: readonly string[] = TOPIC_CONSUMERS[definition.topic];
    return [
      `\`${definition.topic}\``,
      definition.input ? 'outside producers' : definition.service,
      consumers.length > 0 ? consumers.join(', ') : '-',
      definition.aggregate,
      definition.description,
    ].map(escapeCell);
  });
  const widths = header.map((title, column) =>
    Math.max(3, title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** `readme` with the text between the markers replaced by the current table. */
export function withTopicTable(readme: string): string {
  const begin = readme.indexOf(TABLE_BEGIN);
  const end = readme.indexOf(TABLE_END);
  if (begin < 0 || end < begin) {
    throw new Error(`docs/events/README.md must contain ${TABLE_BEGIN} ... ${TABLE_END}`);
  }
  return `${readme.slice(0, begin + TABLE_BEGIN.length)}\n\n${topicTable()}\n\n${readme.slice(end)}`;
}
