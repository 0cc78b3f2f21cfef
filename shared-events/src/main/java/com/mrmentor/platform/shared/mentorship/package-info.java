/**
 * Mentorship: mentor applications, profiles, suspension and availability (weekly windows, per-date replacements,
 * buffer), and {@link com.mrmentor.platform.shared.mentorship.AvailabilitySchedule}, which turns availability into
 * bookable slots the same way for every reader.
 */
package com.mrmentor.platform.shared.mentorship;
