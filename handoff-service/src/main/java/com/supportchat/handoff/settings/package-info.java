/**
 * Handoff settings per org: the model and its validation, storage (defaults for orgs without a row), the
 * admin API, and {@code handoff-settings-changed} published through the outbox on every change.
 */
package com.supportchat.handoff.settings;
