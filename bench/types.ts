// What a scenario hands back: rows for the table and raw numbers for results.json.

export interface Figure {
  /** Scenario id, e.g. `lockstep`; the table groups rows by it. */
  scenario: string
  /** What was measured, one line. */
  name: string
  /** Human-readable value, e.g. `312 ms`. */
  value: string
  /** The bar it must clear, when there is one (e.g. `≤ 1.30× ideal`). */
  target?: string
  /** true/false against `target`; undefined for figures that are only reported. */
  ok?: boolean
  /** Raw numbers behind `value`, written to results.json. */
  data?: Record<string, unknown>
}

export interface Scenario {
  id: string
  title: string
  /** The scenario is abandoned (and fails) after this long, so one hang cannot eat the 5-minute budget. */
  budgetMs: number
  run(): Promise<Figure[]>
}
