/** The refund of a purchase after its tokens were revoked: the provider call, its outcome and its deadline. */
package com.mrmentor.platform.saga.payments;
