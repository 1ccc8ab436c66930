// The benchmark's peer page: the explorer's two core charts drawn with Observable Plot.
//
// Reads the same dataset JSON as the explorer (?data=<same-origin url>, default the bundled
// data/jakarta.json), counts actions per pillar × hazard (shocks, then stresses, in dataset
// order; an action counts in every cell of its pillars × hazards) and actions per pillar, and
// draws a cell + text matrix and a bar chart. A row of shock checkboxes filters the actions the
// way the explorer's shock filter does (an action passes when it has any selected shock) and
// redraws both charts. Checkbox ids (f-shock-N) and the chart containers (figure[data-chart]
// > .chart-svg > svg) match the explorer's, so bench/run.mjs drives both pages alike.
//
// Deliberately minimal: no validation, no i18n, no table, no counts in the filter panel.

import * as Plot from '@observablehq/plot';

const params = new URLSearchParams(location.search);
const url = params.get('data') || 'data/jakarta.json';
const label = (t) => (t && (t.id || t.en)) || '';

const status = document.getElementById('status');
const shockBox = document.getElementById('shocks');
const matrixFig = document.querySelector('figure[data-chart="coverage-matrix"] .chart-svg');
const barsFig = document.querySelector('figure[data-chart="by-pillar"] .chart-svg');

const res = await fetch(url);
const d = await res.json();

const pillars = d.pillars;
const shocks = d.hazards.filter((h) => h.kind === 'shock');
const stresses = d.hazards.filter((h) => h.kind === 'stress');
const columns = [...shocks, ...stresses];
const selected = new Set();

function matching() {
  if (selected.size === 0) return d.actions;
  return d.actions.filter((a) => a.hazards.some((h) => selected.has(h)));
}

function counts(actions) {
  const pIndex = new Map(pillars.map((p, i) => [p.id, i]));
  const hIndex = new Map(columns.map((h, i) => [h.id, i]));
  const cells = pillars.map(() => new Array(columns.length).fill(0));
  const bars = new Array(pillars.length).fill(0);
  for (const a of actions) {
    for (const p of a.pillars) {
      const pi = pIndex.get(p);
      if (pi === undefined) continue;
      bars[pi] += 1;
      for (const h of a.hazards) {
        const hi = hIndex.get(h);
        if (hi !== undefined) cells[pi][hi] += 1;
      }
    }
  }
  return { cells, bars };
}

// Plot appends a <style> element to its SVG; the strict CSP blocks inline styles, so it is
// removed while the SVG is still detached (peer.css carries the same rules).
function place(fig, chart) {
  for (const s of chart.querySelectorAll('style')) s.remove();
  fig.replaceChildren(chart);
}

function draw() {
  const actions = matching();
  const { cells, bars } = counts(actions);
  const width = Math.max(320, Math.min(1100, matrixFig.clientWidth || 1100));
  const rows = [];
  pillars.forEach((p, pi) =>
    columns.forEach((h, hi) =>
      rows.push({ pillar: label(p.name), hazard: label(h.name), n: cells[pi][hi] }),
    ),
  );
  place(
    matrixFig,
    Plot.plot({
      width,
      height: 120 + 40 * pillars.length,
      marginLeft: 140,
      marginBottom: 150,
      x: { domain: columns.map((h) => label(h.name)), tickRotate: -40, label: null },
      y: { domain: pillars.map((p) => label(p.name)), label: null },
      color: { type: 'linear', range: ['#f3f6fb', '#1f4e8c'] },
      marks: [
        Plot.cell(rows, { x: 'hazard', y: 'pillar', fill: 'n', inset: 1 }),
        Plot.text(rows, {
          x: 'hazard',
          y: 'pillar',
          text: (r) => (r.n === 0 ? '–' : String(r.n)),
          fill: (r) => (r.n > 0 ? 'black' : '#666'),
        }),
      ],
    }),
  );
  const barRows = pillars.map((p, pi) => ({ pillar: label(p.name), n: bars[pi] }));
  place(
    barsFig,
    Plot.plot({
      width,
      height: 40 + 36 * pillars.length,
      marginLeft: 140,
      marginRight: 48,
      y: { domain: barRows.map((r) => r.pillar), label: null },
      x: { label: null, grid: true },
      marks: [
        Plot.barX(barRows, { x: 'n', y: 'pillar', fill: '#1f4e8c' }),
        Plot.text(barRows, { x: 'n', y: 'pillar', text: (r) => String(r.n), dx: 14 }),
        Plot.ruleX([0]),
      ],
    }),
  );
  status.textContent = `${actions.length} / ${d.actions.length}`;
}

shocks.forEach((h, i) => {
  const lab = document.createElement('label');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.id = `f-shock-${i}`;
  box.addEventListener('change', () => {
    if (box.checked) selected.add(h.id);
    else selected.delete(h.id);
    draw();
  });
  lab.append(box, label(h.name));
  shockBox.append(lab);
});

draw();
