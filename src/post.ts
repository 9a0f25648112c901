// Bundle entry for the post step (post-if: always()); it never loads the main step.
import { post } from './post/run.js'

await post()
