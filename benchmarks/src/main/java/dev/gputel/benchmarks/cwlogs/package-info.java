/** PutLogEvents batch building for the cloudwatch-logs exporter. */
package dev.gputel.benchmarks.cwlogs;
