/**
 * Audit: the definition of the tamper-evidence chain's links (shared by the processor that keeps the chain, the
 * verifier and the documented offline procedure), and the event that records an audit read.
 */
package com.mrmentor.platform.shared.audit;
