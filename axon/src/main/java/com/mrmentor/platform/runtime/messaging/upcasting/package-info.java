/**
 * Upcasters: one per step from a stored event revision to the next, registered as Spring beans (Axon's Spring
 * configuration puts every {@code EventUpcaster} bean into the event store's upcaster chain, in {@code @Order}).
 * They read the stored JSON and never change what is stored. The procedure is in {@code docs/events.md}.
 */
package com.mrmentor.platform.runtime.messaging.upcasting;
