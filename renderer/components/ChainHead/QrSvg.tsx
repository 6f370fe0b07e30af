/**
 * A QR code drawn as inline SVG from the `qrcode` module matrix — no canvas,
 * no innerHTML; prints sharp at any size.
 */
import { create } from 'qrcode';
import { useMemo } from 'react';

export function QrSvg({ text, size = 96, label }: { text: string; size?: number; label: string }) {
  const { d, n } = useMemo(() => {
    const m = create(text, { errorCorrectionLevel: 'M' }).modules;
    const parts: string[] = [];
    for (let y = 0; y < m.size; y += 1) for (let x = 0; x < m.size; x += 1) if (m.get(x, y)) parts.push(`M${x + 2} ${y + 2}h1v1h-1z`);
    return { d: parts.join(''), n: m.size + 4 };
  }, [text]);
  return (
    <svg role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${n} ${n}`} shapeRendering="crispEdges" className="dd-qr" data-testid="chain-head-qr">
      {/* Light and dark modules: global.css mutes the light ones in the night theme (the QR must not glare at 3 a.m.). */}
      <rect width={n} height={n} fill="#fff" className="dd-qr-light" />
      <path d={d} fill="#000" className="dd-qr-dark" />
    </svg>
  );
}
