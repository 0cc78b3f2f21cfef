/**
 * Operations on event processing: the processors' state and positions, rebuilding a read model from the first event
 * ({@link com.mrmentor.platform.runtime.ops.ReadModelCatalog} says which groups may be rebuilt and which tables they
 * own), checksums of read models, and the parked events of the dead-letter queue (list, retry, evict). Every action
 * is recorded in {@code projection_operation} (ADR 0011).
 */
package com.mrmentor.platform.runtime.ops;
