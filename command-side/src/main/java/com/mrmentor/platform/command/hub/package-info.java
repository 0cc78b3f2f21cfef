/**
 * The mentor hub's write side: {@link com.mrmentor.platform.command.hub.MentorCircle} (one per mentor: capacity,
 * applications, pairings, groups) and {@link com.mrmentor.platform.command.hub.SessionLog} (one per pairing and date).
 */
package com.mrmentor.platform.command.hub;
