/** Read models of bookings: each booking with its timeline, ratings, the mentors' private notes. */
package com.mrmentor.platform.projections.booking;
