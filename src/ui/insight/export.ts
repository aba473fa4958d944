/**
 * Export of what a view draws: a chart as SVG (the rendered element serialized, made standalone:
 * namespace, size, colours and a background, since the page's CSS does not travel with it) or
 * as PNG (that SVG drawn on a canvas through a data: URL, which the page's Content Security
 * Policy allows for images: vite.config.ts), and text files such as the trace's JSON Lines.
 */
import { saveBlob } from '../controls/save-file.ts';

const INK = '#1d2430';
const PAPER = '#ffffff';
const SVG_NS = 'http://www.w3.org/2000/svg';

interface Standalone {
  markup: string;
  width: number;
  height: number;
}

/** The element as a standalone SVG document: black on white, whatever the page's theme. */
export function standaloneSvg(svg: SVGSVGElement): Standalone {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const [width, height] = (svg.getAttribute('viewBox') ?? '').split(/\s+/).slice(2).map(Number);
  if (!width || !height) throw new Error('a chart to export needs a viewBox');
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('color', INK);
  copy.setAttribute('font-family', 'system-ui, sans-serif');
  const paper = document.createElementNS(SVG_NS, 'rect');
  paper.setAttribute('width', '100%');
  paper.setAttribute('height', '100%');
  paper.setAttribute('fill', PAPER);
  copy.insertBefore(paper, copy.firstChild);
  return { markup: new XMLSerializer().serializeToString(copy), width, height };
}

export function saveSvg(svg: SVGSVGElement, stem: string): void {
  saveBlob(new Blob([standaloneSvg(svg).markup], { type: 'image/svg+xml' }), `${stem}.svg`);
}

/** Twice the drawn size, so the picture stays sharp on a slide. */
const PNG_SCALE = 2;

export function savePng(svg: SVGSVGElement, stem: string): Promise<void> {
  const { markup, width, height } = standaloneSvg(svg);
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(width * PNG_SCALE);
      canvas.height = Math.ceil(height * PNG_SCALE);
      const context = canvas.getContext('2d');
      if (!context) return reject(new Error('no 2D canvas'));
      context.scale(PNG_SCALE, PNG_SCALE);
      context.drawImage(image, 0, 0, width, height);
      canvas.toBlob((blob) => {
        if (!blob) return reject(new Error('the canvas gave no PNG'));
        saveBlob(blob, `${stem}.png`);
        resolve();
      }, 'image/png');
    };
    image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  });
}

export function saveText(text: string, fileName: string, type: string): void {
  saveBlob(new Blob([text], { type }), fileName);
}
