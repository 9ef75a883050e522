/** A document model as Markdown: the same words as the PDF, for a web page or a text archive. */
import type { Block, Cell, DocumentModel, FillIn } from './model';

const escape = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const LINE = '______________';
const fillIn = (f: FillIn) => `${f.label}: ${f.value ?? LINE}`;
const cell = (c: Cell) => escape(typeof c === 'string' ? c : c.text ? `**${c.bold}** ${c.text}` : `**${c.bold}**`);

function block(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `# ${b.text}`;
    case 'subtitle':
      return `_${b.text}_`;
    case 'heading':
      return `## ${b.text}`;
    case 'paragraph': {
      const main = b.bold ? `**${b.text}**` : b.text;
      return b.secondary ? `${main}\n\n_${b.secondary}_` : main;
    }
    case 'bullets':
      return b.items.map((i) => `- ${i}`).join('\n');
    case 'table':
      return [b.columns.map(escape), b.columns.map(() => '---'), ...b.rows.map((r) => r.map(cell))].map((r) => `| ${r.join(' | ')} |`).join('\n');
    case 'facts':
      return b.rows.map(([label, value]) => `- **${label}:** ${value}`).join('\n');
    case 'choices':
      // Task-list boxes, all empty: the model has no ticked state.
      return [...b.options.map((o) => `- [ ] ${o}`), ...(b.fillIn ? [fillIn(b.fillIn)] : [])].join('\n');
    case 'fillIn':
    case 'signature':
      return b.items.map(fillIn).join('  \n');
    case 'group':
      return b.blocks.map(block).join('\n\n');
  }
}

export function renderMarkdown(model: DocumentModel): string {
  return `${[...model.blocks.map(block), '---', `_${model.footer}_`].join('\n\n')}\n`;
}
