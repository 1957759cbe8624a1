import type { ReactNode } from 'react';

export type Tone = 'red' | 'orange' | 'green' | 'blue' | 'grey' | 'purple';

/** Dark text on a pale ground: every tone passes WCAG AA contrast (4.5:1), unlike antd's presets. */
const TONES: Record<Tone, { color: string; background: string; border: string }> = {
  red: { color: '#a8071a', background: '#fff1f0', border: '#ffa39e' },
  orange: { color: '#873800', background: '#fff7e6', border: '#ffc069' },
  green: { color: '#135200', background: '#f6ffed', border: '#95de64' },
  blue: { color: '#003eb3', background: '#e6f4ff', border: '#91caff' },
  grey: { color: '#434343', background: '#f5f5f5', border: '#d9d9d9' },
  purple: { color: '#391085', background: '#f9f0ff', border: '#d3adf7' },
};

/** A small label whose meaning is in its text; the colour only repeats it. */
export function ToneTag({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  const t = TONES[tone];
  return (
    <span
      className="tone-tag"
      title={title}
      style={{ color: t.color, background: t.background, borderColor: t.border }}
    >
      {children}
    </span>
  );
}
