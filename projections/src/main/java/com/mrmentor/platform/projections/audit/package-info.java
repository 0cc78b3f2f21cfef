/**
 * Audit: the tamper-evidence chain over the event store ({@code audit_chain}, never rebuilt) and the index of every
 * event's metadata behind the audit feed and correlation chains ({@code audit_event_index}, a read model).
 */
package com.mrmentor.platform.projections.audit;
