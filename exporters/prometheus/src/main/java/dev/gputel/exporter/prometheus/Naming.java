package dev.gputel.exporter.prometheus;

/** Which names and labels the endpoint uses; see the README for both tables. */
enum Naming {
  /** {@code nvidia_gpu_<id>_<base unit>}, base-unit values, labels gpu, uuid, model, pci_bus_id. */
  PROMETHEUS,
  /** dcgm-exporter's {@code DCGM_FI_DEV_*} names, units and labels. */
  DCGM
}
