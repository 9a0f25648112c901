// Our signer against the AWS SDK's own (@smithy/signature-v4): the same request must get the same signature.
import { SignatureV4 } from '@smithy/signature-v4'
import { createHash, createHmac } from 'node:crypto'
import { sign } from '../../src/aws/sigv4.js'

type Data = string | ArrayBuffer | ArrayBufferView

const bytes = (data: Data): Buffer =>
  typeof data === 'string'
    ? Buffer.from(data)
    : data instanceof ArrayBuffer
      ? Buffer.from(data)
      : Buffer.from(data.buffer, data.byteOffset, data.byteLength)

class Sha256 {
  private readonly h
  constructor(secret?: Data) {
    this.h = secret ? createHmac('sha256', bytes(secret)) : createHash('sha256')
  }
  update(data: Data): void {
    this.h.update(bytes(data))
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.h.digest())
  }
}

const NOW = Date.UTC(2026, 0, 1, 8, 0, 0)
const HOST = 'lambda.eu-west-1.amazonaws.com'

async function reference(
  method: string,
  path: string,
  body: string,
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }
): Promise<string> {
  const signer = new SignatureV4({ service: 'lambda', region: 'eu-west-1', credentials, sha256: Sha256 })
  const signed = await signer.sign(
    {
      method,
      protocol: 'https:',
      hostname: HOST,
      path,
      headers: { host: HOST, 'content-type': 'application/json' },
      body,
      query: {}
    },
    { signingDate: new Date(NOW) }
  )
  return String(signed.headers.authorization)
}

const cases: [string, string, string][] = [
  ['GET', '/2015-03-31/functions/my-fn/aliases/live', ''],
  ['PUT', '/2015-03-31/functions/my-fn/aliases/live', '{"FunctionVersion":"41","RoutingConfig":{}}'],
  [
    'DELETE',
    '/2015-03-31/functions/arn%3Aaws%3Alambda%3Aeu-west-1%3A123456789012%3Afunction%3Amy-fn/aliases/a_b-1',
    ''
  ],
  ['PUT', '/2015-03-31/functions/123456789012%3Afunction%3Amy-fn/aliases/live', '{"Description":"naïve ✓"}']
]

it.each(cases)('%s %s is signed exactly as the SDK signs it', async (method, path, body) => {
  const credentials = {
    accessKeyId: 'AKIDEXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'
  }
  const contentSha = createHash('sha256').update(body, 'utf8').digest('hex')
  const ours = sign({
    method,
    url: new URL(`https://${HOST}${path}`),
    headers: { 'content-type': 'application/json', 'x-amz-content-sha256': contentSha },
    body,
    region: 'eu-west-1',
    service: 'lambda',
    credentials,
    now: NOW
  })
  expect(ours.authorization).toBe(await reference(method, path, body, credentials))
})

it('signs the session token of temporary credentials', async () => {
  const credentials = { accessKeyId: 'ASIA1', secretAccessKey: 'secret', sessionToken: 'token/with+chars=' }
  const ours = sign({
    method: 'GET',
    url: new URL(`https://${HOST}/2015-03-31/functions/f/aliases/live`),
    headers: {
      'content-type': 'application/json',
      'x-amz-content-sha256': createHash('sha256').update('').digest('hex')
    },
    body: '',
    region: 'eu-west-1',
    service: 'lambda',
    credentials,
    now: NOW
  })
  expect(ours['x-amz-security-token']).toBe('token/with+chars=')
  expect(ours.authorization).toContain('x-amz-security-token')
  expect(ours.authorization).toBe(
    await reference('GET', '/2015-03-31/functions/f/aliases/live', '', credentials)
  )
})
