import { findFreeBox, leastCoveredBox } from './free-space';

const region = { x1: 0, y1: 0, x2: 100, y2: 100 };

describe('findFreeBox', () => {
  it('takes the top right corner when it is free', () => {
    expect(findFreeBox([{ x1: 0, y1: 0, x2: 50, y2: 50 }], region, 30, 20)).toEqual({
      x1: 70,
      y1: 80,
      x2: 100,
      y2: 100,
    });
  });

  it('slides left past what it hits, then down when a row is full', () => {
    const header = { x1: 60, y1: 85, x2: 100, y2: 100 };
    expect(findFreeBox([header], region, 30, 20)).toEqual({ x1: 30, y1: 80, x2: 60, y2: 100 });
    const fullRow = { x1: 0, y1: 90, x2: 100, y2: 100 };
    expect(findFreeBox([fullRow], region, 30, 20)).toEqual({ x1: 70, y1: 70, x2: 100, y2: 90 });
  });

  it('finds nothing when every place is taken or the box is larger than the region', () => {
    const stripes = [0, 20, 40, 60, 80].map((y) => ({ x1: 0, y1: y + 9, x2: 100, y2: y + 11 }));
    expect(findFreeBox(stripes, region, 30, 20)).toBeUndefined();
    expect(findFreeBox([], region, 120, 20)).toBeUndefined();
  });
});

describe('leastCoveredBox', () => {
  it('goes where it covers least', () => {
    const boxes = [
      { x1: 0, y1: 50, x2: 100, y2: 100 },
      { x1: 0, y1: 0, x2: 100, y2: 40 },
    ];
    const box = leastCoveredBox(boxes, region, 40, 20);
    expect(box.y1).toBeGreaterThanOrEqual(36);
    expect(box.y2).toBeLessThanOrEqual(64);
    expect(box.x2).toBe(100);
  });
});
