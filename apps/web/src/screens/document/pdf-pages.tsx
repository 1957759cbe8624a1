import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy, PdfRect } from './pdf-document';

export interface PageGeometry {
  /** CSS pixels per PDF point. */
  scale: number;
  /** Page height in PDF points (to flip y: PDF origin is bottom-left). */
  heightPt: number;
}

/** Renders one page into a canvas at the width given, then calls back with its geometry. */
function PdfPage({
  pdf,
  number,
  width,
  active,
  overlay,
  onSettled,
}: {
  pdf: PDFDocumentProxy;
  number: number;
  width: number;
  /** Drawn only once active: pages are drawn one after the other, the first one first. */
  active: boolean;
  overlay?: (geometry: PageGeometry) => ReactNode;
  /** Called once the page is drawn, or could not be. */
  onSettled: (number: number) => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [geometry, setGeometry] = useState<PageGeometry & { height: number }>();
  const [rendered, setRendered] = useState(false);

  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    let task: { cancel(): void; promise: Promise<void> } | undefined;
    const settled = (drawn: boolean) => {
      if (cancelled) return;
      if (drawn) {
        performance.mark(`pdf:page${number}-drawn`);
        setRendered(true);
      }
      onSettled(number);
    };
    pdf.getPage(number).then(
      (page) => {
        if (cancelled || !canvas.current) return;
        const base = page.getViewport({ scale: 1 });
        const scale = width / base.width;
        const ratio = window.devicePixelRatio || 1;
        const viewport = page.getViewport({ scale: scale * ratio });
        canvas.current.width = Math.floor(viewport.width);
        canvas.current.height = Math.floor(viewport.height);
        setGeometry({ scale, heightPt: base.height, height: base.height * scale });
        performance.mark(`pdf:page${number}-render`);
        task = page.render({ canvas: canvas.current, viewport });
        task.promise.then(
          () => settled(true),
          () => settled(false),
        );
      },
      () => settled(false),
    );
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [pdf, number, width, active, onSettled]);

  return (
    <div
      className="pdf-page"
      data-page={number}
      data-rendered={rendered || undefined}
      style={{ width, height: geometry?.height ?? width * 1.414 }}
      aria-label={`Trang ${number}`}
      role="img"
    >
      <canvas ref={canvas} style={{ width, height: geometry?.height ?? width * 1.414, display: 'block' }} />
      {geometry && overlay?.(geometry)}
    </div>
  );
}

/** A PDF rectangle as CSS position inside its page. */
export function cssBox(rect: PdfRect, g: PageGeometry) {
  return {
    left: rect.x * g.scale,
    top: (g.heightPt - rect.y - rect.height) * g.scale,
    width: rect.width * g.scale,
    height: rect.height * g.scale,
  };
}

/**
 * Every page of the document, one below the other, with an optional overlay per page. Pages are
 * drawn in order, one at a time, so the first one is not slowed down by the others.
 * `onPageSettled` is called for each page once it is drawn or could not be.
 */
export function PdfPages({
  pdf,
  width,
  overlay,
  onPageSettled,
}: {
  pdf: PDFDocumentProxy;
  width: number;
  overlay?: (page: number, geometry: PageGeometry) => ReactNode;
  onPageSettled?: (page: number) => void;
}) {
  const [settled, setSettled] = useState(0);
  const onSettled = useCallback(
    (page: number) => {
      setSettled((n) => Math.max(n, page));
      onPageSettled?.(page);
    },
    [onPageSettled],
  );
  return (
    <>
      {Array.from({ length: pdf.numPages }, (_, i) => (
        <PdfPage
          key={i + 1}
          pdf={pdf}
          number={i + 1}
          width={width}
          active={i <= settled}
          overlay={overlay ? (g) => overlay(i + 1, g) : undefined}
          onSettled={onSettled}
        />
      ))}
    </>
  );
}
