/** Prints one benchmark line: `bench <name>: key=value ...`. */
export function report(name: string, figures: Record<string, number | string>): void {
  const parts = Object.entries(figures).map(([k, v]) => `${k}=${typeof v === 'number' ? round(v) : v}`);
  console.log(`bench ${name}: ${parts.join(' ')}`);
}

function round(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3);
}

/**
 * Memory in MB after a forced GC (node runs with --expose-gc): the JavaScript
 * heap plus ArrayBuffer backing stores, which live outside it and hold record
 * payloads.
 */
export function heapMb(): number {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / (1024 * 1024);
}
