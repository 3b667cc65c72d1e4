/** How batches pass from one component to the next, and how a refusal is signalled. */
package dev.gputel.spi.consumer;
