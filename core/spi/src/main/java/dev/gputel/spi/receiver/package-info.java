/** The receiver contract. */
package dev.gputel.spi.receiver;
