// When the AWS credentials the SDK uses expire, if they say: env credentials carry
// AWS_CREDENTIAL_EXPIRATION, a web-identity or assumed-role session its own expiration.

/** The part of an SDK client this reads; every v3 client fits. */
export interface CredentialedClient {
  config: { credentials: () => Promise<{ expiration?: Date | undefined }> }
}

/**
 * The provider is memoized by the client: asked after the client's first request, it answers from its
 * cache (for env credentials it is local anyway), so this adds no round trip to AWS.
 */
export function credentialsExpiry(client: CredentialedClient): () => Promise<Date | undefined> {
  return async () => {
    try {
      return (await client.config.credentials()).expiration
    } catch {
      // No credentials: the reads have already said so.
      return undefined
    }
  }
}
