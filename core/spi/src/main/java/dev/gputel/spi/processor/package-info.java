/** The processor contract. */
package dev.gputel.spi.processor;
