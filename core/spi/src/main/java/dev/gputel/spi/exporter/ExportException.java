package dev.gputel.spi.exporter;

/** A failed export; see its two subclasses for what the runtime does next. */
public abstract sealed class ExportException extends Exception
    permits RetryableExportException, PermanentExportException {
  private static final long serialVersionUID = 1L;

  protected ExportException(String message, Throwable cause) {
    super(message, cause);
  }
}
