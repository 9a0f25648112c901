/** A bad input value: reported as one line naming the input, the value and what is allowed. */
export class InputError extends Error {
  override name = 'InputError'
  constructor(
    readonly input: string,
    readonly value: string,
    readonly allowed: string
  ) {
    super(`${input} "${value}": ${allowed}`)
  }
}

/** A failure whose message is already fit for a person; no stack needed in the log. */
export class DeployError extends Error {
  override name = 'DeployError'
}
