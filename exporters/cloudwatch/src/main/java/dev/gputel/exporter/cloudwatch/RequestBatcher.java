package dev.gputel.exporter.cloudwatch;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts data points into PutMetricData calls: at most {@code maxDatums} (CloudWatch allows 1,000)
 * and at most 1 MB of payload each, counted with each datum's size bound ({@link Datum}).
 */
final class RequestBatcher {
  /** PutMetricData: a request's payload is at most 1 MB; counted as 1,000,000 bytes. */
  static final int MAX_REQUEST_BYTES = 1_000_000;
  /** The request's map, the Namespace key and value (at most 255 characters) and the MetricData header. */
  private static final int ENVELOPE_BYTES = 4 + 12 + 3 + 255 * 3 + 13 + 4;

  private final int maxDatums;

  RequestBatcher(int maxDatums) {
    this.maxDatums = maxDatums;
  }

  List<List<Datum>> split(List<Datum> data) {
    List<List<Datum>> requests = new ArrayList<>();
    List<Datum> current = new ArrayList<>();
    int bytes = ENVELOPE_BYTES;
    for (Datum datum : data) {
      if (!current.isEmpty() && (current.size() == maxDatums || bytes + datum.maxEncodedBytes() > MAX_REQUEST_BYTES)) {
        requests.add(current);
        current = new ArrayList<>();
        bytes = ENVELOPE_BYTES;
      }
      current.add(datum);
      bytes += datum.maxEncodedBytes();
    }
    if (!current.isEmpty()) {
      requests.add(current);
    }
    return requests;
  }
}
