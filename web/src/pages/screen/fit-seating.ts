/**
 * How the venue screen lays out its name → table list: the largest type at which every entry fits on
 * one page, otherwise the smallest readable type with as many rows and columns as fit, paged.
 *
 * Minimum type: 1/44 of the screen height (16 px at 720p, 24 px at 1080p, 49 px at 2160p), weight 600,
 * white on dark blue: capitals about 1/62 of the image height, 3.2 cm on a 2 m tall image, legible to
 * about 15 m (the sign makers' 1 inch per 40–50 ft) and comfortable from 5 m, where people walk up to
 * look for their name. Smaller would fit more, larger pages sooner; 65 people with 30-character names
 * still fit one page at 1280×720. Sizes follow the height: a 720p and a 4K projector throw the same image.
 */
export const MIN_FONT_SHARE = 1 / 44;
/** Large enough for 20 people to read from the door, small enough that a short list does not shout. */
export const MAX_FONT_SHARE = 1 / 13;
export const LINE_HEIGHT = 1.3;
/** Space between columns and between name, arrow and label, in em. */
export const COLUMN_GAP_EM = 0.7;
export const INNER_GAP_EM = 0.3;
/** Columns are sized for this many characters of the longest name; longer names get smaller type. */
export const NAME_CHARS = 32;

export interface EntryWidths {
  /** Widths in em (width at 1 px font size): the widest name (first NAME_CHARS), label and the arrow. */
  name: number;
  table: number;
  arrow: number;
}

export interface SeatingLayout {
  fontPx: number;
  columns: number;
  rows: number;
  perPage: number;
  pages: number;
  /** The name's share of a column, in px: a longer name is scaled to fit it rather than cut. */
  nameWidthPx: number;
}

const entryEm = (w: EntryWidths) => w.name + w.table + w.arrow + 2 * INNER_GAP_EM;

function layoutAt(fontPx: number, width: number, height: number, count: number, widths: EntryWidths) {
  const rows = Math.max(1, Math.floor(height / (fontPx * LINE_HEIGHT)));
  const gap = COLUMN_GAP_EM * fontPx;
  const columns = Math.max(1, Math.floor((width + gap) / (entryEm(widths) * fontPx + gap)));
  const columnPx = (width - (columns - 1) * gap) / columns;
  const nameWidthPx = columnPx - (widths.table + widths.arrow + 2 * INNER_GAP_EM) * fontPx;
  return { fontPx, columns, rows, perPage: rows * columns, nameWidthPx, count };
}

/** The layout for `count` entries in a box of `width` × `height` px on a screen `screenHeight` px tall. */
export function fitSeating(
  width: number,
  height: number,
  screenHeight: number,
  count: number,
  widths: EntryWidths,
): SeatingLayout {
  const min = Math.max(12, Math.floor(screenHeight * MIN_FONT_SHARE));
  const max = Math.max(min, Math.floor(screenHeight * MAX_FONT_SHARE));
  let chosen = layoutAt(min, width, height, count, widths);
  for (let font = max; font >= min; font--) {
    const candidate = layoutAt(font, width, height, count, widths);
    if (candidate.perPage >= count) {
      chosen = candidate;
      break;
    }
  }
  const pages = Math.max(1, Math.ceil(count / chosen.perPage));
  // On one page: the columns filled top to bottom, as few as needed, stretched over the height, so the
  // list ends at the bottom of the screen instead of leaving a gap.
  const columns = pages === 1 ? Math.max(1, Math.ceil(count / chosen.rows)) : chosen.columns;
  const rows = pages === 1 ? Math.max(1, Math.ceil(count / columns)) : chosen.rows;
  return {
    fontPx: chosen.fontPx,
    columns,
    rows,
    perPage: rows * columns,
    pages,
    nameWidthPx: chosen.nameWidthPx,
  };
}
