/** The component contract: lifecycle, identity, settings, self-telemetry and factories. */
package dev.gputel.spi.component;
