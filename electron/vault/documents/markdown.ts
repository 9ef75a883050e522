/** A document model as Markdown: the same words as the PDF, for a web page or a text archive. */
import type { Block, DocumentModel } from './model';

const escapeCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

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
      return [b.columns, b.columns.map(() => '---'), ...b.rows].map((r) => `| ${r.map(escapeCell).join(' | ')} |`).join('\n');
  }
}

export function renderMarkdown(model: DocumentModel): string {
  return `${[...model.blocks.map(block), '---', `_${model.footer}_`].join('\n\n')}\n`;
}
