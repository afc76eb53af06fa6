/**
 * Preloaded into a benchmarked server (node --import): measures its event-loop delay and answers the
 * benchmark over the IPC channel, so the server's own code carries no benchmark hooks.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

if (process.send) {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  process.on('message', (message) => {
    if (message === 'loop:reset') {
      histogram.reset();
      process.send({ type: 'loop:reset' });
    } else if (message === 'loop:read') {
      // A long turn is recorded by the sample after it: let that sample come before answering.
      setTimeout(() => {
        process.send({ type: 'loop', p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6 });
      }, 20);
    }
  });
  // The channel must not keep a server alive that was told to stop.
  process.channel?.unref();
}
