/**
 * The published language of the platform: the records other services and platform teams consume, their
 * topics and their stable CloudEvents {@code type} strings. Plain Java only: no Spring, no entities, no logic.
 */
package com.supportchat.events;
