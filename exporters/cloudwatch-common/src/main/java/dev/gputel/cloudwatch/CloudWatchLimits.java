package dev.gputel.cloudwatch;

/** The CloudWatch metric limits both EMF and PutMetricData enforce before sending. */
public final class CloudWatchLimits {
  /** The longest dimension value, in characters. */
  public static final int MAX_DIMENSION_VALUE = 1024;

  private CloudWatchLimits() {}

  /** Returns whether CloudWatch takes the value: finite and within +/-2^360. */
  public static boolean inRange(double value) {
    return Math.abs(value) <= 0x1p360;
  }
}
