/**
 * Discovery, read side: the public mentor search (with each mentor's next free slot, asked of the mentorship
 * context's {@code FindMentorSlots}), the leaderboard and public reviews.
 */
package com.mrmentor.platform.query.discovery;
