/** How the verdict line writes its figures: short, and the same way every time. */

/** `v7` for a numbered version; anything else as it is. */
export function label(version: string): string {
  return /^\d+$/.test(version) ? `v${version}` : version
}

/** 10870 → `10,870`. */
export function count(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** A rate as a percentage with one decimal: 0.021 → `2.1%`; undefined → `n/a`. */
export function ratePercent(r: number | undefined): string {
  if (r === undefined) return 'n/a'
  const pct = r * 100
  if (pct === 0) return '0%'
  // Tiny rates keep two significant digits instead of rounding to "0.0%".
  return pct >= 0.1 ? `${pct.toFixed(1)}%` : `${Number(pct.toPrecision(2))}%`
}

/** A relative change: 1 → `+100%`, −0.4 → `-40%`. */
export function signedPercent(change: number | undefined): string {
  if (change === undefined) return 'n/a'
  const whole = Math.round(change * 100)
  return `${whole >= 0 ? '+' : ''}${whole}%`
}

/** A p-value to three decimals, `p<0.001` below that. */
export function pText(p: number): string {
  return p < 0.001 ? 'p<0.001' : `p=${Number(p.toFixed(3))}`
}

/** Milliseconds, whole from 10 ms up. */
export function ms(value: number | undefined): string {
  if (value === undefined) return 'n/a'
  return `${value >= 10 ? Math.round(value) : Number(value.toFixed(1))} ms`
}

/** A window length: 90000 → `1m30s`. */
export function duration(totalMs: number): string {
  if (totalMs < 1000) return `${Math.round(totalMs)}ms`
  let s = Math.round(totalMs / 1000)
  const h = Math.floor(s / 3600)
  s -= h * 3600
  const m = Math.floor(s / 60)
  s -= m * 60
  return [h ? `${h}h` : '', m ? `${m}m` : '', s ? `${s}s` : ''].join('')
}
