package dev.gputel.processor.xidclassifier;

import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.xid.Cause;
import dev.gputel.xid.Classification;
import dev.gputel.xid.FellOffBusLine;
import dev.gputel.xid.GpuAtPciLine;
import dev.gputel.xid.GpuIdentity;
import dev.gputel.xid.GpuLocation;
import dev.gputel.xid.KernelPrefix;
import dev.gputel.xid.ParsedLine;
import dev.gputel.xid.RecoveryActionLine;
import dev.gputel.xid.SxidLine;
import dev.gputel.xid.XidAttributes;
import dev.gputel.xid.XidClassifier;
import dev.gputel.xid.XidEntry;
import dev.gputel.xid.XidLine;
import dev.gputel.xid.XidReport;
import java.util.Set;

/**
 * Turns one event into its classified form: the attributes of {@link XidAttributes} added, the
 * event's severity set from the policy, body and id unchanged. Events that are no driver line pass
 * as they are.
 */
final class EventEnricher {
  /** The {@code log.source} of events the nvml receiver reads from NVML's event API. */
  private static final String NVML = "nvml";

  private final XidClassifier classifier;
  private final GpuDirectory gpus;
  private final FaultHistory history;
  private final XidCounters counters;

  EventEnricher(XidClassifier classifier, GpuDirectory gpus, FaultHistory history, XidCounters counters) {
    this.classifier = classifier;
    this.gpus = gpus;
    this.history = history;
    this.counters = counters;
  }

  Event enrich(Event event) {
    ParsedLine line = EventLines.of(event);
    return switch (line) {
      case null -> event;
      case XidReport xid -> xid(event, xid);
      case SxidLine sxid -> sxid(event, sxid);
      case GpuAtPciLine gpuAt -> {
        gpus.learn(gpuAt.gpu().busId(), gpuAt.uuid());
        Attributes.Builder attributes = common(event, line);
        location(attributes, gpuAt.gpu());
        attributes.put(XidAttributes.GPU_UUID, gpuAt.uuid());
        yield with(event, event.severity(), attributes);
      }
      default -> with(event, event.severity(), common(event, line));
    };
  }

  private Event xid(Event event, XidReport xid) {
    Classification classification = classifier.classify(xid);
    String device = device(xid.gpu());
    FaultHistory.Outcome outcome = history.record(device, event.id(), event.timestamp(), xid.code(),
        xid instanceof FellOffBusLine, NVML.equals(event.attributes().get(XidAttributes.LOG_SOURCE)));
    Attributes.Builder attributes = common(event, xid);
    attributes.put(XidAttributes.XID_CODE, (long) xid.code());
    location(attributes, xid.gpu());
    if (xid.gpu().busId() != null) {
      GpuIdentity identity = gpus.find(xid.gpu().busId());
      if (identity != null) {
        attributes.put(XidAttributes.GPU_INDEX, identity.index());
        attributes.put(XidAttributes.GPU_UUID, identity.uuid());
        attributes.put(XidAttributes.GPU_NAME, identity.name());
      }
    }
    classification(attributes, classification);
    XidEntry entry = classifier.xidCatalog().entry(xid.code());
    if (entry != null && entry.causes() != null && !entry.causes().isEmpty()) {
      attributes.put(XidAttributes.CAUSES, letters(entry.causes()));
    }
    attributes.put(XidAttributes.PROCESS_PID, xid.pid());
    attributes.put(XidAttributes.PROCESS_NAME, xid.process());
    attributes.put(XidAttributes.CHANNEL, xid.channel());
    attributes.put(XidAttributes.MESSAGE, xid.message());
    switch (xid) {
      case XidLine plain -> {
        attributes.put(XidAttributes.CAUSED_BY, plain.causedBy() == null ? null : (long) plain.causedBy());
        if (plain.nvlink() != null) {
          attributes.put(XidAttributes.NVLINK_UNIT, plain.nvlink().unit());
          attributes.put(XidAttributes.NVLINK_FATAL, plain.nvlink().fatal());
          attributes.put(XidAttributes.NVLINK_LINK, (long) plain.nvlink().link());
          attributes.put(XidAttributes.NVLINK_INTRINFO, plain.nvlink().intrinfo());
          attributes.put(XidAttributes.NVLINK_ERROR_STATUS, plain.nvlink().errorStatus());
        }
      }
      case RecoveryActionLine recovery -> {
        attributes.put(XidAttributes.RECOVERY_ACTION, recovery.toLabel());
        attributes.put(XidAttributes.RECOVERY_FOR_XID,
            outcome.recoveryForXid() == null ? null : (long) outcome.recoveryForXid());
      }
      case FellOffBusLine ignored -> attributes.put(XidAttributes.INFERRED, true);
    }
    burst(attributes, outcome);
    if (outcome.duplicate()) {
      attributes.put(XidAttributes.DUPLICATE, true);
    } else {
      counters.xid(device, xid.code(), classification.severity());
    }
    return with(event, classification.severity(), attributes);
  }

  private Event sxid(Event event, SxidLine sxid) {
    Classification classification = classifier.classify(sxid);
    String device = device(sxid.device());
    FaultHistory.Outcome outcome = history.record("nvswitch " + device, event.id(), event.timestamp(), sxid.code(), false, false);
    Attributes.Builder attributes = common(event, sxid);
    attributes.put(XidAttributes.SXID_CODE, (long) sxid.code());
    location(attributes, sxid.device());
    classification(attributes, classification);
    attributes.put(XidAttributes.SXID_CLASS, classification.sxidClass() == null ? null : classification.sxidClass().id());
    attributes.put(XidAttributes.SXID_FATAL, sxid.fatal());
    attributes.put(XidAttributes.SXID_LINK, sxid.link() == null ? null : (long) sxid.link());
    attributes.put(XidAttributes.MESSAGE, sxid.message());
    burst(attributes, outcome);
    counters.sxid(device, sxid.code(), classification.severity());
    return with(event, classification.severity(), attributes);
  }

  /** Starts from the receiver's attributes; adds the kind and the kernel times the prefix holds. */
  private static Attributes.Builder common(Event event, ParsedLine line) {
    Attributes.Builder attributes = event.attributes().toBuilder().put(XidAttributes.LOG_KIND, line.kind().id());
    KernelPrefix prefix = line.prefix();
    if (prefix.uptime() != null && event.attributes().get(XidAttributes.KERNEL_UPTIME_US) == null) {
      attributes.put(XidAttributes.KERNEL_UPTIME_US, prefix.uptime().toNanos() / 1000);
    }
    if (prefix.timestamp() != null && event.attributes().get(XidAttributes.KERNEL_TIME) == null) {
      attributes.put(XidAttributes.KERNEL_TIME, prefix.timestamp().toString());
    }
    return attributes;
  }

  private static void location(Attributes.Builder attributes, GpuLocation location) {
    attributes.put(XidAttributes.PCI_PRINTED, location.printed().isEmpty() ? null : location.printed());
    if (location.busId() != null) {
      attributes.put(XidAttributes.PCI_BUS_ID, location.busId().toString());
    }
    attributes.put(XidAttributes.MIG_GPU_INSTANCE, location.gpuInstance() == null ? null : (long) location.gpuInstance());
    attributes.put(XidAttributes.MIG_COMPUTE_INSTANCE,
        location.computeInstance() == null ? null : (long) location.computeInstance());
  }

  private static void classification(Attributes.Builder attributes, Classification classification) {
    attributes.put(XidAttributes.KNOWN, classification.known());
    attributes.put(XidAttributes.MNEMONIC, classification.mnemonic());
    attributes.put(XidAttributes.DESCRIPTION, classification.description());
    attributes.put(XidAttributes.SEVERITY, classification.severity().name());
    attributes.put(XidAttributes.ACTION_IMMEDIATE, classification.immediate());
    attributes.put(XidAttributes.ACTION_INVESTIGATORY, classification.investigatory());
  }

  private static void burst(Attributes.Builder attributes, FaultHistory.Outcome outcome) {
    attributes.put(XidAttributes.BURST_ID, outcome.burstId());
    attributes.put(XidAttributes.BURST_COUNT, outcome.burstCount());
  }

  /** The key a device's history and counters go by: the normalised address, else the id as printed. */
  private static String device(GpuLocation location) {
    return location.busId() != null ? location.busId().toString() : location.printed();
  }

  private static String letters(Set<Cause> causes) {
    StringBuilder letters = new StringBuilder(causes.size());
    causes.forEach(cause -> letters.append(cause.letter()));
    return letters.toString();
  }

  private static Event with(Event event, dev.gputel.spi.data.Severity severity, Attributes.Builder attributes) {
    return new Event(event.timestamp(), severity, event.body(), attributes.build(), event.id());
  }
}
