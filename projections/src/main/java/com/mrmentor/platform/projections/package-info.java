/**
 * Read models built from events: JPA entities and repositories, filled by replay-safe event handlers (each handler
 * class owns its tables, skips events it has already applied and clears its tables on reset).
 */
package com.mrmentor.platform.projections;
