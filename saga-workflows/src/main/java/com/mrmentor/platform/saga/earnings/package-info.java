/** The payout saga: the approval timeout, the batch send, and retries when the provider cannot be reached. */
package com.mrmentor.platform.saga.earnings;
