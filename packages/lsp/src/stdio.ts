/**
 * The connection over standard input and output, and when it ends: the server exits when its
 * client closes standard input (0 after `shutdown`, else 1, as vscode-languageserver does for a
 * stream it is given), and when the input can no longer be read as messages.
 *
 * vscode-jsonrpc skips what it cannot read and goes on: bytes that are not a header are dropped
 * up to the blank line that ends them, invalid JSON in a framed message is dropped whole. A wrong
 * Content-Length is different: it cuts the stream off its frames, and every later message is read
 * glued to the next one's header, so the server would live on deaf. Two read errors with no
 * message read between them mean exactly that, and the server leaves instead.
 *
 * After a bad header vscode-jsonrpc leaves the rest of what arrived with it unread until more
 * bytes come, so a request sent right after garbage would wait for the client's next message:
 * the reader is made to read on at once.
 */
import {
  type Connection,
  createConnection,
  type DataCallback,
  type Disposable,
  type Message,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';

const STREAM_LOST =
  'baihua: 编辑器发来的数据不符合语言服务器协议，之后的消息无法读取，语言服务器已退出。请在编辑器里重启白话的语言服务器\n';

class WatchedReader extends StreamMessageReader {
  errorsSinceMessage = 0;
  shutdownRequested = false;

  override listen(callback: DataCallback): Disposable {
    return super.listen((message: Message) => {
      this.errorsSinceMessage = 0;
      if ((message as { method?: string }).method === 'shutdown') this.shutdownRequested = true;
      callback(message);
    });
  }

  /** Reads on in the bytes already received (`onData` is vscode-jsonrpc's own handler of a chunk). */
  readOn(): void {
    (this as unknown as { onData(data: Buffer): void }).onData(Buffer.alloc(0));
  }
}

export function stdioConnection(): Connection {
  const reader = new WatchedReader(process.stdin);
  const connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
  const clientGone = () => process.exit(reader.shutdownRequested ? 0 : 1);
  process.stdin.on('end', clientGone);
  process.stdin.on('close', clientGone);
  reader.onError(() => {
    reader.errorsSinceMessage += 1;
    if (reader.errorsSinceMessage < 2) {
      setImmediate(() => reader.readOn());
      return;
    }
    process.stderr.write(STREAM_LOST);
    process.exit(1);
  });
  return connection;
}
