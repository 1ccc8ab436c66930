// The in-page half of the harness: scripts evaluated in the explorer's page and in the peer
// page, identically. They run before any page script (playwright addInitScript, which the
// page's CSP does not apply to) or through page.evaluate.
//
// Timing convention: performance.now() in the page (0 = navigation start). "Frame" times are
// taken in a MessageChannel task posted from a requestAnimationFrame callback, i.e. after the
// browser ran style, layout and paint for that frame: the moment the change is on screen.

/**
 * Init script: records, for each named selector, when it first matched (`dom`) and the end of
 * the next frame (`frame`); the time of the latest DOM mutation; the time spent in
 * history.pushState/replaceState; and every WebAssembly.Memory the page instantiates (to read
 * the wasm heap size later).
 * Argument: { watch: { name: selector, ... } }.
 */
export function initProbe(arg) {
  const bench = (window.__bench = { marks: {}, lastMutation: 0, mutations: 0, wasm: [] });
  const afterFrame = (cb) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => cb(performance.now());
      ch.port2.postMessage(0);
    });
  const pending = new Map(Object.entries(arg.watch));
  const check = () => {
    for (const [name, sel] of pending) {
      if (document.querySelector(sel)) {
        pending.delete(name);
        const mark = (bench.marks[name] = { dom: performance.now(), frame: null });
        afterFrame((t) => (mark.frame = t));
      }
    }
  };
  const mo = new MutationObserver((recs) => {
    bench.lastMutation = performance.now();
    bench.mutations += recs.length;
    if (pending.size) check();
  });
  mo.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  bench.stop = () => mo.disconnect();

  // Time spent in the History API (the explorer mirrors its state into the URL on every
  // change; the peer does not), so the filter figures can say how much of them it is.
  bench.historyMs = 0;
  bench.historyCalls = 0;
  for (const name of ['pushState', 'replaceState']) {
    const orig = history[name];
    history[name] = function (...a) {
      const t = performance.now();
      try {
        return orig.apply(this, a);
      } finally {
        bench.historyMs += performance.now() - t;
        bench.historyCalls += 1;
      }
    };
  }

  const grab = (result) => {
    try {
      const inst = result instanceof WebAssembly.Instance ? result : result.instance;
      for (const v of Object.values(inst.exports)) if (v instanceof WebAssembly.Memory) bench.wasm.push(v);
    } catch {
      /* not an instance */
    }
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const orig = WebAssembly[name];
    if (typeof orig === 'function') {
      WebAssembly[name] = function (...a) {
        return orig.apply(this, a).then(grab);
      };
    }
  }
}

/** The light part of the snapshot, for polling: marks and the mutation clock. */
export function readMarks() {
  const b = window.__bench;
  return { now: performance.now(), marks: b ? b.marks : {}, lastMutation: b ? b.lastMutation : 0 };
}

/** Snapshot of the probe: marks, mutation clock, wasm memory bytes, resources by URL. */
export function readProbe() {
  const b = window.__bench;
  const nav = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource').map((r) => ({
    url: r.name,
    encoded: r.encodedBodySize,
    decoded: r.decodedBodySize,
    transfer: r.transferSize,
    end: r.responseEnd,
  }));
  if (nav) {
    resources.unshift({
      url: nav.name,
      encoded: nav.encodedBodySize,
      decoded: nav.decodedBodySize,
      transfer: nav.transferSize,
      end: nav.responseEnd,
      navigation: true,
    });
  }
  return {
    now: performance.now(),
    marks: b ? b.marks : {},
    lastMutation: b ? b.lastMutation : 0,
    wasmBytes: b ? b.wasm.reduce((s, m) => s + m.buffer.byteLength, 0) : 0,
    wasmMemories: b ? b.wasm.length : 0,
    resources,
  };
}

/**
 * Resolves once the DOM has had no mutation for `quietMs` (or after `maxMs`).
 * Argument: { quietMs, maxMs }.
 */
export function settle({ quietMs, maxMs }) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    let last = performance.now();
    const mo = new MutationObserver(() => (last = performance.now()));
    mo.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    const tick = () => {
      const now = performance.now();
      if (now - last >= quietMs || now - t0 >= maxMs) {
        mo.disconnect();
        resolve({ waited: now - t0, quiet: now - last >= quietMs });
      } else setTimeout(tick, Math.min(50, quietMs));
    };
    setTimeout(tick, quietMs);
  });
}

/**
 * Clicks the element matching `selector` and measures the update it causes: from just before
 * the click to the end of the first frame that starts after the last DOM mutation, once the
 * DOM has been quiet for `quietMs`. Argument: { selector, quietMs, maxMs }. Returns
 * { ms, domMs, syncMs, mutations, historyMs, frames, timedOut } or { error }.
 */
export function clickAndMeasure({ selector, quietMs, maxMs }) {
  return new Promise((resolve) => {
    const el = document.querySelector(selector);
    if (!el) return resolve({ error: `no element matches ${selector}` });
    const frames = []; // [rAF callback time, after-paint time]
    let running = true;
    let lastMutation = -1;
    let mutations = 0;
    const mo = new MutationObserver((recs) => {
      lastMutation = performance.now();
      mutations += recs.length;
    });
    mo.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    const loop = () => {
      if (!running) return;
      const raf = performance.now();
      const ch = new MessageChannel();
      ch.port1.onmessage = () => frames.push([raf, performance.now()]);
      ch.port2.postMessage(0);
      requestAnimationFrame(loop);
    };
    const h0 = window.__bench ? window.__bench.historyMs : 0;
    const t0 = performance.now();
    el.click();
    const syncMs = performance.now() - t0;
    requestAnimationFrame(loop);
    const finish = (timedOut) => {
      running = false;
      mo.disconnect();
      if (lastMutation < 0) return resolve({ error: 'the click changed nothing in the page', syncMs });
      const f = frames.find(([raf]) => raf > lastMutation);
      resolve({
        ms: f ? f[1] - t0 : null,
        domMs: lastMutation - t0,
        syncMs,
        mutations,
        historyMs: window.__bench ? window.__bench.historyMs - h0 : null,
        frames: frames.length,
        timedOut,
      });
    };
    const tick = () => {
      const now = performance.now();
      const quiet = lastMutation >= 0 && now - lastMutation >= quietMs;
      // Wait for the frame after the last mutation to have been recorded too.
      const framed = frames.some(([raf]) => raf > lastMutation);
      if (quiet && framed) finish(false);
      else if (now - t0 >= maxMs) finish(true);
      else setTimeout(tick, 25);
    };
    setTimeout(tick, quietMs);
  });
}
