/**
 * Fault injection for background-writer.test.ts: the real writer thread, except that it dies right after it has
 * committed its first batch, before the engine hears the confirmation (the one ambiguous moment of a thread crash).
 */
import { parentPort } from 'node:worker_threads'
import type { WriterReply } from '../writer/writer-protocol'

if (!parentPort) throw new Error('writer-crash-worker.ts runs as a worker thread.')
const port = parentPort
const post = port.postMessage.bind(port)
port.postMessage = (reply: WriterReply): void => {
  if (reply.type === 'done') process.exit(1)
  post(reply)
}
await import('../writer/store-writer-worker')
