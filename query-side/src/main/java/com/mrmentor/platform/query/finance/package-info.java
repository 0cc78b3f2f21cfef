/** Finance reads: reconciliation computed from the event store itself. */
package com.mrmentor.platform.query.finance;
