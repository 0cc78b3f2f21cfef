/**
 * The "Trà Đá" mentor hub: mentees apply to a mentor, who interviews and accepts them up to a capacity; accepted
 * mentees form pairs, join the mentor's cohort groups and keep two-sided session logs; needs-support flags feed an
 * administrators' queue, and cohort progress is read per pair.
 */
package com.mrmentor.platform.shared.hub;
