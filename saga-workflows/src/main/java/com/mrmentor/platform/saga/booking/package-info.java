/** The booking saga: deadlines, calendar e-mails and the ledger moves of a booking's life. */
package com.mrmentor.platform.saga.booking;
