// The flags Debian's headless Chromium is started with by the end-to-end tests and the
// benchmark (bench/run.mjs, bench/lighthouse.mjs): no GPU, no sandbox (containers), and no
// traffic to anything but the local server. One list, so every harness runs the same browser.
export const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider',
];
