/**
 * The benchmark tool (issue 8): a command-line load generator and report writer, run by {@code perf/run},
 * not a service. It paces senders with sleeps, blocks on its own results and prints progress to the
 * console on purpose; the reactive rules of the services do not apply to it.
 */
package com.supportchat.perf;
