/**
 * An example third-party gputel plugin: the {@code loadavg} receiver, which reads Linux's {@code
 * /proc/loadavg}. Only {@link dev.gputel.examples.loadavg.LoadavgReceiverFactory} is public; pf4j
 * finds it through the jar's {@code META-INF/extensions.idx}.
 */
package dev.gputel.examples.loadavg;
