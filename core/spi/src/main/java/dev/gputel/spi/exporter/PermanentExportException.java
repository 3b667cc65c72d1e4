package dev.gputel.spi.exporter;

/** An export that will never succeed; the runtime drops the batch and counts it. */
public final class PermanentExportException extends ExportException {
  private static final long serialVersionUID = 1L;

  public PermanentExportException(String message) {
    super(message, null);
  }

  public PermanentExportException(String message, Throwable cause) {
    super(message, cause);
  }
}
