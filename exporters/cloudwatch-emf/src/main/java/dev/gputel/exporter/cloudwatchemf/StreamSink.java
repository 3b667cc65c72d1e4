package dev.gputel.exporter.cloudwatchemf;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes documents to a stream (standard output), one per line, flushed per batch. */
final class StreamSink implements EmfSink {
  private final OutputStream out;

  StreamSink(OutputStream out) {
    this.out = out;
  }

  @Override
  public synchronized void write(List<byte[]> documents) throws IOException {
    for (byte[] document : documents) {
      out.write(document);
      out.write('\n');
    }
    out.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    out.flush(); // Standard output stays open for the rest of the process.
  }
}
