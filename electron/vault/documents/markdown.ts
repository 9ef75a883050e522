/** A document model as Markdown: the same words as the PDF, for a web page or a text archive. */
import type { Block, Cell, DocumentModel } from './model';

const escape = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const cell = (c: Cell) => escape(typeof c === 'string' ? c : c.text ? `**${c.bold}** ${c.text}` : `**${c.bold}**`);

function block(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `# ${b.text}`;
    case 'subtitle':
      return `_${b.text}_`;
    case 'heading':
      return `## ${b.text}`;
    case 'paragraph':
      return b.bold ? `**${b.text}**` : b.text;
    case 'bullets':
      return b.items.map((i) => `- ${i}`).join('\n');
    case 'table':
      return [b.columns.map(escape), b.columns.map(() => '---'), ...b.rows.map((r) => r.map(cell))].map((r) => `| ${r.join(' | ')} |`).join('\n');
  }
}

export function renderMarkdown(model: DocumentModel): string {
  return `${[...model.blocks.map(block), '---', `_${model.footer}_`].join('\n\n')}\n`;
}
