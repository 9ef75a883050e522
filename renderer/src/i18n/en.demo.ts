import type { Message } from '../contract';
import type { idDemo } from './id.demo';

/** English for id.demo.ts. */
export const enDemo: Record<keyof typeof idDemo, Message> = {
  'demo.offer.title': 'Want to look around first?',
  'demo.offer.hint':
    'A separate vault with about {count} made-up customers, with purchases and tags. It never mixes with your real data and can be thrown away at any time.',
  'demo.offer.start': 'Try it with sample data',
  'demo.offer.starting': 'Preparing the sample data…',
  'demo.banner.label': 'Demo mode',
  'demo.banner.title': 'DEMO — sample data, not real',
  'demo.banner.signIn': 'To sign in again: {name}, password',
  'demo.banner.discard': 'Throw away sample data',
  'demo.banner.discarding': 'Throwing away…',
  'demo.banner.failed': 'The sample data could not be thrown away yet. Try again.',
};
