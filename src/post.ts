// Bundle entry for the post step (post-if: always()).
import { post } from './cleanup.js'

await post()
