/** What the local stand-ins for external providers (payments, payouts) share: signed webhooks sent to ourselves. */
package com.mrmentor.platform.runtime.simulator;
