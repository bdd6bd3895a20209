/**
 * Internal endpoints for the platform itself (demo seeder, gateway CORS), never routed by the gateway and
 * guarded by the shared {@code X-Internal-Token}.
 */
package com.supportchat.identity.internal;
