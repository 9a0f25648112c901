/** The log sink; core's functions in the action, a recorder in tests. */
export interface Log {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
  group<T>(name: string, body: () => Promise<T>): Promise<T>
}
