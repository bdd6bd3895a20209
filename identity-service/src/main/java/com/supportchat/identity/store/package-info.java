/**
 * Small persistence helpers shared by the features' repositories: JSONB columns and nullable binds.
 */
package com.supportchat.identity.store;
