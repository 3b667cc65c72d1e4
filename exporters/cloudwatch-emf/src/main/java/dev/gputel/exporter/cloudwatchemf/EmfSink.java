package dev.gputel.exporter.cloudwatchemf;

import java.io.IOException;
import java.util.List;

/** A destination of EMF documents, written one per line. */
interface EmfSink extends AutoCloseable {

  /** Writes the documents of one batch, all or (on failure) possibly some of them. */
  void write(List<byte[]> documents) throws IOException;

  /** Returns the largest document this destination takes. */
  default int maxDocumentBytes() {
    return Integer.MAX_VALUE;
  }

  @Override
  void close() throws IOException;
}
