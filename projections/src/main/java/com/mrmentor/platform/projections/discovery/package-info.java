/**
 * Discovery read model: listed mentors with a normalised search text, tags, completed sessions and ratings (one row
 * per booking), kept by {@link com.mrmentor.platform.projections.discovery.MentorDiscoveryProjection} and read by
 * {@link com.mrmentor.platform.projections.discovery.DiscoveryReads}.
 */
package com.mrmentor.platform.projections.discovery;
