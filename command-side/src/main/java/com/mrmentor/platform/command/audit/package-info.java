/** Audit: the trail of who read the audit record, kept as events like every other fact. */
package com.mrmentor.platform.command.audit;
