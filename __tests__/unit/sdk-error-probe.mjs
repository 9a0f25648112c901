// Test helper, not a test: makes one SDK call in a plain Node process and prints what it throws, as JSON.
// Under Jest, errors made by Node's sockets come from another realm, fail the SDK's `instanceof Error`
// and arrive rewrapped as "AWS SDK error wrapper for …" without their code; in the action they arrive
// as they are, which is what this reports. Usage: node sdk-error-probe.mjs Lambda|CloudWatch ENDPOINT
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch'
import { GetAliasCommand, LambdaClient } from '@aws-sdk/client-lambda'

const [service, endpoint] = process.argv.slice(2)
const options = {
  region: 'us-east-1',
  endpoint,
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'dummy' },
  maxAttempts: 1
}
try {
  if (service === 'Lambda') {
    await new LambdaClient(options).send(new GetAliasCommand({ FunctionName: 'my-fn', Name: 'live' }))
  } else {
    await new CloudWatchClient(options).send(new DescribeAlarmsCommand({ AlarmNames: ['my-fn-errors'] }))
  }
  console.log(JSON.stringify({ succeeded: true }))
} catch (error) {
  const { name, message, code, errno, syscall, address, port, hostname, $metadata } = error
  const headers = error.$response?.headers
  const own = { name, message, code, errno, syscall, address, port, hostname, $metadata }
  console.log(JSON.stringify({ ...own, ...(headers ? { $response: { headers } } : {}) }))
}
process.exit(0)
