/**
 * The Okabe–Ito palette: eight colours told apart with the common colour-vision differences. Series
 * take them in this order (darker, high-contrast hues first); every colour also sits beside a name in
 * a legend or a table, never in place of one.
 */
export const okabeIto = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#000000', // black
  '#F0E442', // yellow (last: weak contrast on white, only used when seven are not enough)
] as const;

/** The colour of the i-th series. */
export function seriesColour(index: number): string {
  return okabeIto[index % okabeIto.length] as string;
}

/** The id of the hatch pattern each chart defines for hidden marks. */
export const hatchId = (chartId: string) => `${chartId}-hidden-hatch`;

/** Ink for the hatching: dark grey stripes, distinct from every series colour. */
export const hatchInk = '#4a4a4a';
