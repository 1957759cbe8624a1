import type { ReportSummary } from '../../client/types';

const BAR = 14;
const GAP = 10;
const HEIGHT = 180;

/**
 * Văn bản đến and đi per month as grouped bars (SVG, no chart library: the figures are twelve
 * pairs). Each bar has its number above it; the same figures are in the table under the chart, the
 * chart's text equivalent for screen readers and for anyone who copies the figures.
 */
export function MonthChart({ months }: { months: ReportSummary['byMonth'] }) {
  const max = Math.max(1, ...months.flatMap((m) => [m.incoming, m.outgoing]));
  const width = months.length * (2 * BAR + GAP + 8) + 40;
  const y = (v: number) => HEIGHT - (v / max) * (HEIGHT - 20);
  return (
    <figure style={{ margin: 0 }}>
      <svg width={width} height={HEIGHT + 40} role="img" aria-label="Biểu đồ số văn bản đến và đi theo tháng">
        {months.map((m, i) => {
          const x = 30 + i * (2 * BAR + GAP + 8);
          return (
            <g key={m.month}>
              <rect x={x} y={y(m.incoming)} width={BAR} height={HEIGHT - y(m.incoming)} fill="#0b57d0" />
              <rect
                x={x + BAR + 2}
                y={y(m.outgoing)}
                width={BAR}
                height={HEIGHT - y(m.outgoing)}
                fill="#ad4e00"
              />
              <text x={x + BAR / 2} y={y(m.incoming) - 4} fontSize="10" textAnchor="middle">
                {m.incoming || ''}
              </text>
              <text x={x + BAR + 2 + BAR / 2} y={y(m.outgoing) - 4} fontSize="10" textAnchor="middle">
                {m.outgoing || ''}
              </text>
              <text x={x + BAR} y={HEIGHT + 16} fontSize="11" textAnchor="middle">
                T{Number(m.month.slice(5))}
              </text>
            </g>
          );
        })}
        <line x1={26} x2={width} y1={HEIGHT} y2={HEIGHT} stroke="#595959" />
      </svg>
      <figcaption>
        <span
          style={{ display: 'inline-block', width: 12, height: 12, background: '#0b57d0', marginRight: 4 }}
        />{' '}
        Văn bản đến
        <span
          style={{
            display: 'inline-block',
            width: 12,
            height: 12,
            background: '#ad4e00',
            margin: '0 4px 0 16px',
          }}
        />{' '}
        Văn bản đi
      </figcaption>
      <table className="month-table" aria-label="Số văn bản theo tháng">
        <thead>
          <tr>
            <th scope="col">Tháng</th>
            {months.map((m) => (
              <th key={m.month} scope="col">
                {Number(m.month.slice(5))}/{m.month.slice(0, 4)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(
            [
              ['Văn bản đến', 'incoming'],
              ['Văn bản đi', 'outgoing'],
            ] as const
          ).map(([label, key]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              {months.map((m) => (
                <td key={m.month}>{m[key]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
