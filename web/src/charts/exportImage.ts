/**
 * Saving a drawn chart as an SVG or PNG file. The chart's own SVG is copied with its title, the
 * hidden-figures legend and the release footnote written into it, so a pasted image still says what
 * is hidden and where the numbers come from.
 */

const svgNs = 'http://www.w3.org/2000/svg';

/** The lines written under the image: the legend and footnotes. */
export type ImageCaption = { title: string; lines: readonly string[] };

/**
 * A standalone SVG document of `svg` with a title above and caption lines below, white behind.
 * Returns the markup and its size in CSS pixels.
 */
export function standaloneSvg(
  svg: SVGSVGElement,
  caption: ImageCaption,
): { markup: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width || Number(svg.getAttribute('width')) || 600));
  const chartHeight = Math.max(1, Math.round(box.height || Number(svg.getAttribute('height')) || 300));
  const lineHeight = 18;
  const top = 34;
  const height = top + chartHeight + 12 + caption.lines.length * lineHeight + 8;

  const root = document.createElementNS(svgNs, 'svg');
  root.setAttribute('xmlns', svgNs);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('font-family', 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif');
  root.setAttribute('font-size', '13');
  const title = document.createElementNS(svgNs, 'title');
  title.textContent = caption.title;
  root.append(title);
  const background = document.createElementNS(svgNs, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  root.append(background);
  const heading = document.createElementNS(svgNs, 'text');
  heading.setAttribute('x', '8');
  heading.setAttribute('y', '22');
  heading.setAttribute('font-size', '16');
  heading.setAttribute('font-weight', '600');
  heading.setAttribute('fill', '#1b1b1b');
  heading.textContent = caption.title;
  root.append(heading);

  const chart = svg.cloneNode(true) as SVGSVGElement;
  chart.setAttribute('x', '0');
  chart.setAttribute('y', String(top));
  chart.setAttribute('width', String(width));
  chart.setAttribute('height', String(chartHeight));
  chart.removeAttribute('tabindex');
  chart.removeAttribute('style');
  root.append(chart);

  caption.lines.forEach((line, i) => {
    const text = document.createElementNS(svgNs, 'text');
    text.setAttribute('x', '8');
    text.setAttribute('y', String(top + chartHeight + 12 + (i + 1) * lineHeight - 4));
    text.setAttribute('fill', '#4a4a4a');
    text.setAttribute('font-size', '12');
    text.textContent = line;
    root.append(text);
  });
  return { markup: new XMLSerializer().serializeToString(root), width, height };
}

/**
 * The drawing to save from a chart's drawing area: its one chart, or, for small multiples, one SVG
 * with every chart where it sits on the page and each `[data-image-label]` element's text above its
 * own. Null while any part is not drawn yet.
 */
export function drawingSvg(area: HTMLElement): SVGSVGElement | null {
  const charts = [...area.querySelectorAll<SVGSVGElement>('svg.recharts-surface')];
  if (charts.length === 0 || area.querySelector('.chart__placeholder')) return null;
  if (charts.length === 1) return charts[0] as SVGSVGElement;
  const origin = area.getBoundingClientRect();
  const root = document.createElementNS(svgNs, 'svg');
  root.setAttribute('width', String(Math.round(origin.width)));
  root.setAttribute('height', String(Math.round(origin.height)));
  for (const label of area.querySelectorAll<HTMLElement>('[data-image-label]')) {
    const box = label.getBoundingClientRect();
    const text = document.createElementNS(svgNs, 'text');
    text.setAttribute('x', String(Math.round(box.left - origin.left) + 2));
    text.setAttribute('y', String(Math.round(box.bottom - origin.top - 4)));
    text.setAttribute('font-weight', '600');
    text.setAttribute('fill', '#1b1b1b');
    text.textContent = label.textContent;
    root.append(text);
  }
  for (const chart of charts) {
    const box = chart.getBoundingClientRect();
    const copy = chart.cloneNode(true) as SVGSVGElement;
    copy.setAttribute('x', String(Math.round(box.left - origin.left)));
    copy.setAttribute('y', String(Math.round(box.top - origin.top)));
    copy.setAttribute('width', String(Math.round(box.width)));
    copy.setAttribute('height', String(Math.round(box.height)));
    root.append(copy);
  }
  return root;
}

/** The SVG file of a chart. */
export function svgBlob(svg: SVGSVGElement, caption: ImageCaption): Blob {
  return new Blob([standaloneSvg(svg, caption).markup], { type: 'image/svg+xml;charset=utf-8' });
}

/** The PNG file of a chart, drawn at twice the screen size so it stays sharp on a slide. */
export async function pngBlob(svg: SVGSVGElement, caption: ImageCaption): Promise<Blob> {
  const { markup, width, height } = standaloneSvg(svg, caption);
  const scale = 2;
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.width = width;
    image.height = height;
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw images.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The image could not be made.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
