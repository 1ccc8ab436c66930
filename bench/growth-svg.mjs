// The growth curves of BENCHMARKS.md: how the first chart, the filter updates and the memory
// grow with the number of actions, explorer against the peer, drawn as a small SVG from
// bench/results.json (log–log axes: a straight line of slope 1 is linear growth).
//
//   node bench/growth-svg.mjs [results.json] [out.svg]   (run.mjs --update-doc calls it too)

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/** The panels: what is plotted, from a dataset's app/peer record. */
const PANELS = [
  { title: 'navigation → first chart (ms)', get: (x) => x?.firstChartMs?.median },
  { title: 'filter → charts updated (ms)', get: (x) => x?.filter?.charts?.apply?.median },
  { title: 'filter → list updated (ms)', get: (x) => x?.filter?.actions?.apply?.median, peer: false },
  { title: 'memory after load (MB)', get: (x) => (x?.memory?.median ? x.memory.median / 1024 ** 2 : undefined) },
];

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
const num = (v) => (v >= 100 ? Math.round(v).toLocaleString('en') : v >= 10 ? v.toFixed(0) : v.toFixed(1));

/** Powers of ten covering [lo, hi]. */
function decades(lo, hi) {
  const out = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(10 ** e);
  return out;
}

/** The SVG text for a results object (as written by bench/run.mjs). */
export function growthSvg(results) {
  const sets = Object.values(results.byDataset ?? {})
    .filter((d) => Number.isFinite(d.actions))
    .sort((a, b) => a.actions - b.actions);
  const PW = 360;
  const W = 2 * (56 + PW + 28);
  const PH = 200;
  const M = { l: 56, t: 34, r: 28, b: 40 };
  const H = 2 * (PH + M.t + M.b) + 30;
  const parts = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`,
    `<title>Growth with the number of actions: explorer and peer (${esc(results.date ?? '')})</title>`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<g transform="translate(${W - 250},8)"><line x1="0" y1="6" x2="24" y2="6" stroke="#1f5fbf" stroke-width="2.5"/><text x="30" y="10">explorer</text>` +
      `<line x1="100" y1="6" x2="124" y2="6" stroke="#b0531a" stroke-width="2" stroke-dasharray="5 3"/><text x="130" y="10">peer (Observable Plot)</text></g>`,
  );
  const xs = sets.map((d) => d.actions);
  if (xs.length === 0) return parts.concat('</svg>').join('\n');
  const xlo = Math.min(...xs);
  const xhi = Math.max(...xs);
  const lx = (v) => Math.log10(v);
  PANELS.forEach((p, i) => {
    const ox = (i % 2) * (PW + M.l + M.r) + M.l;
    const oy = Math.floor(i / 2) * (PH + M.t + M.b) + M.t + 24;
    const series = [
      { who: 'app', color: '#1f5fbf', dash: '', pts: [] },
      { who: 'peer', color: '#b0531a', dash: ' stroke-dasharray="5 3"', pts: [] },
    ];
    for (const d of sets) {
      for (const s of series) {
        if (s.who === 'peer' && p.peer === false) continue;
        const v = p.get(d[s.who]);
        if (Number.isFinite(v) && v > 0) s.pts.push([d.actions, v]);
      }
    }
    const ys = series.flatMap((s) => s.pts.map((q) => q[1]));
    const ylo = ys.length ? Math.min(...ys) : 1;
    const yhi = ys.length ? Math.max(...ys) : 10;
    const yticks = decades(ylo, yhi);
    const [y0, y1] = [lx(yticks[0]), lx(yticks[yticks.length - 1]) || lx(yticks[0]) + 1];
    const X = (v) => ox + ((lx(v) - lx(xlo)) / (lx(xhi) - lx(xlo) || 1)) * PW;
    const Y = (v) => oy + PH - ((lx(v) - y0) / (y1 - y0 || 1)) * PH;
    parts.push(`<text x="${ox}" y="${oy - 10}" font-weight="bold" font-size="12">${esc(p.title)}</text>`);
    parts.push(`<rect x="${ox}" y="${oy}" width="${PW}" height="${PH}" fill="none" stroke="#ccc"/>`);
    for (const t of yticks) {
      parts.push(`<line x1="${ox}" x2="${ox + PW}" y1="${Y(t).toFixed(1)}" y2="${Y(t).toFixed(1)}" stroke="#eee"/>`);
      parts.push(`<text x="${ox - 6}" y="${(Y(t) + 4).toFixed(1)}" text-anchor="end" fill="#444">${num(t)}</text>`);
    }
    for (const x of xs) {
      parts.push(`<text x="${X(x).toFixed(1)}" y="${oy + PH + 16}" text-anchor="middle" fill="#444">${x.toLocaleString('en')}</text>`);
    }
    parts.push(`<text x="${ox + PW / 2}" y="${oy + PH + 32}" text-anchor="middle" fill="#444">actions (log scale)</text>`);
    for (const s of series) {
      if (s.pts.length === 0) continue;
      const d = s.pts.map((q, k) => `${k ? 'L' : 'M'}${X(q[0]).toFixed(1)},${Y(q[1]).toFixed(1)}`).join('');
      parts.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="${s.who === 'app' ? 2.5 : 2}"${s.dash}/>`);
      for (const [x, y] of s.pts) {
        parts.push(`<circle cx="${X(x).toFixed(1)}" cy="${Y(y).toFixed(1)}" r="3" fill="${s.color}"><title>${esc(`${s.who === 'app' ? 'explorer' : 'peer'}, ${x.toLocaleString('en')} actions: ${num(y)}`)}</title></circle>`);
      }
    }
    // Where the explorer has no figure (e.g. it refused the dataset), say so on the axis.
    const missing = sets.filter((d) => !Number.isFinite(p.get(d.app))).map((d) => d.actions);
    for (const x of missing) {
      parts.push(`<text x="${X(x).toFixed(1)}" y="${oy + PH - 6}" text-anchor="middle" fill="#1f5fbf">n/a</text>`);
    }
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/** Writes the SVG next to the results; returns its path. */
export function writeGrowthSvg(results, out = join(HERE, 'growth.svg')) {
  writeFileSync(out, growthSvg(results) + '\n');
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? join(HERE, 'results.json');
  const out = writeGrowthSvg(JSON.parse(readFileSync(file, 'utf8')), process.argv[3]);
  console.log(`wrote ${out}`);
}
