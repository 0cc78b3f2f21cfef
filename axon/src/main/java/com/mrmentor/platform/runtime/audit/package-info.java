/**
 * Audit wiring that needs the whole platform: aggregate states as of an instant (rebuilt by the aggregates' own
 * handlers, which only this module sees together with the query side) and the recording of every audit read.
 */
package com.mrmentor.platform.runtime.audit;
