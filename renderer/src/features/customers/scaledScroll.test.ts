import { describe, expect, it } from 'vitest';
import { realHeight, realTop, scrollRatio } from './scaledScroll';

describe('scaled scrolling', () => {
  const max = 1_000;
  const viewport = 200;

  it('is 1:1 while the list fits', () => {
    expect(scrollRatio(900, viewport, max)).toBe(1);
    expect(realTop(480, 300, 1)).toBe(480);
  });

  it('maps the ends of the real scroll range onto the ends of the virtual one', () => {
    const virtual = 48_000_000;
    const ratio = scrollRatio(virtual, viewport, max);
    const realMax = realHeight(virtual, max) - viewport;
    expect(realMax * ratio).toBeCloseTo(virtual - viewport, 3);
    // The last row sits flush with the bottom of the real content box.
    const lastStart = virtual - 48;
    expect(realTop(lastStart, realMax * ratio, ratio)).toBeCloseTo(realHeight(virtual, max) - 48, 3);
    // Rows keep their real spacing wherever the list is scrolled.
    const offset = 123_456;
    expect(realTop(offset + 96, offset, ratio) - realTop(offset + 48, offset, ratio)).toBeCloseTo(48, 6);
  });
});
