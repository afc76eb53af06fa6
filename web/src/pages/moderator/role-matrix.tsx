import { ScrollRegion } from '../../components/scroll-region.js';
import { label, t } from '../../i18n/index.js';
import type { Catalogue, ModeratorView } from '../../lib/types.js';

const CELL = 44;
const LEFT = 250;
const TOP = 190;
const MAX_LABEL = 26;

/** Long role names are cut for the axes; the full name stays in a tooltip and in the table below. */
const short = (text: string) => (text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text);

/** Who met whom, role × role: the darker the cell, the more pairs of those roles shared a table. */
export function RoleMatrix({
  matrix,
  catalogue,
}: {
  matrix: ModeratorView['roleMatrix'];
  catalogue: Catalogue;
}) {
  const q = t().quality;
  const names = matrix.roles.map((key) => {
    const role = catalogue.roles.find((r) => r.key === key);
    return role ? label(role.label) : key;
  });
  const max = Math.max(1, ...matrix.counts.flat());
  const size = matrix.roles.length * CELL;
  // Room on the right for the last rotated column label.
  const width = LEFT + size + 90;
  const height = TOP + size + 8;

  return (
    <figure class="role-matrix">
      {/* On a phone the picture keeps a readable size and scrolls inside its own box. */}
      <ScrollRegion label={q.matrixTitle}>
        <svg
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          role="img"
          aria-labelledby="matrix-title"
          data-testid="role-matrix"
        >
          <title id="matrix-title">{q.matrixTitle}</title>
          {names.map((name, i) => (
            <g key={`labels-${matrix.roles[i]}`}>
              <text
                x={LEFT - 8}
                y={TOP + i * CELL + CELL / 2}
                text-anchor="end"
                dominant-baseline="middle"
                class="matrix-label"
              >
                <title>{name}</title>
                {short(name)}
              </text>
              <text
                transform={`translate(${LEFT + i * CELL + CELL / 2}, ${TOP - 8}) rotate(-50)`}
                class="matrix-label"
              >
                <title>{name}</title>
                {short(name)}
              </text>
            </g>
          ))}
          {matrix.counts.map((row, i) =>
            row.map((count, j) => {
              const strength = count / max;
              return (
                <g key={`${matrix.roles[i]}-${matrix.roles[j]}`}>
                  <rect
                    x={LEFT + j * CELL}
                    y={TOP + i * CELL}
                    width={CELL - 2}
                    height={CELL - 2}
                    rx={4}
                    class="matrix-cell"
                    fill-opacity={count === 0 ? 0.06 : 0.15 + 0.85 * strength}
                  />
                  <text
                    x={LEFT + j * CELL + (CELL - 2) / 2}
                    y={TOP + i * CELL + (CELL - 2) / 2}
                    text-anchor="middle"
                    dominant-baseline="central"
                    class={strength > 0.5 ? 'matrix-count light' : 'matrix-count'}
                  >
                    {count}
                  </text>
                </g>
              );
            }),
          )}
        </svg>
      </ScrollRegion>
      <figcaption class="muted">{q.matrixCaption}</figcaption>
      <details>
        <summary>{q.matrixAsTable}</summary>
        <ScrollRegion label={q.matrixAsTable}>
          <table class="matrix-table">
            <thead>
              <tr>
                <td />
                {names.map((name, i) => (
                  <th scope="col" key={matrix.roles[i]}>
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.counts.map((row, i) => (
                <tr key={matrix.roles[i]}>
                  <th scope="row">{names[i]}</th>
                  {row.map((count, j) => (
                    <td key={matrix.roles[j]}>{count}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </details>
    </figure>
  );
}
