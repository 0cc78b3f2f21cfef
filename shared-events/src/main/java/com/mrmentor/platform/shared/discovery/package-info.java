/**
 * Discovery: the public search over active mentors (full text, filters, ranking, next free slot), the leaderboard
 * of completed sessions and ratings, and a mentor's public reviews. Queries and views only; the facts come from the
 * mentorship, identity and booking events.
 */
package com.mrmentor.platform.shared.discovery;
