import { costPerMillion, scaledMs } from '../../bench/memory-size';

describe('the memory-size model of npm run bench:memory', () => {
  it('scales CPU time by the vCPU share of the size, and leaves waiting time as it is', () => {
    // 100 ms of CPU and 20 ms waiting, measured on one full core
    expect(scaledMs(120, 100, 1769)).toBe(120);
    expect(scaledMs(120, 100, 3538)).toBe(120); // no more than one vCPU helps single-threaded work
    expect(scaledMs(120, 100, 1024)).toBeCloseTo(100 * (1769 / 1024) + 20, 10);
    expect(scaledMs(120, 100, 512)).toBeCloseTo(100 * (1769 / 512) + 20, 10);
    // CPU on other threads (GC, compilation) beyond the wall time is not waiting time
    expect(scaledMs(90, 100, 1769)).toBe(100);
  });

  it('prices whole billed milliseconds per GB-second of arm64 plus the request price', () => {
    // 10 ms at 1,024 MB: 0.01 GB-s × 0.0000133334 × 1e6 + 0.20
    expect(costPerMillion(10, 1024)).toBeCloseTo(0.133334 + 0.2, 9);
    expect(costPerMillion(9.2, 1024)).toBe(costPerMillion(10, 1024));
    expect(costPerMillion(10, 512)).toBeCloseTo(0.066667 + 0.2, 9);
  });
});
