/**
 * Real infrastructure for integration tests without Docker: one in-process Apache Kafka broker in KRaft
 * mode per test JVM, and a fresh database per service and JVM on the PostgreSQL at {@code PGHOST:PGPORT}.
 */
package com.supportchat.testsupport;
