/** Step-state keys beside the run ledger: the GitHub deployment main opened, and whether main reported it. */
export const KEY_DEPLOYMENT = 'deployment'
export const KEY_REPORTED = 'reported'
