/**
 * Per-org settings this service acts on: its own AI settings (model, prompt, key; {@code /api/v1/settings/ai})
 * and the handoff settings handoff-service publishes on {@code handoff-settings-changed}.
 */
package com.supportchat.ai.settings;
